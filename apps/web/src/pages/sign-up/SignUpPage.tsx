import { type Locale, languageNames, locales, registerBodySchema } from '@bextr/contracts';
import { Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { Link, useSearchParams } from 'react-router';
import { AuthCard } from '../../components/AuthCard.tsx';
import { ChoiceFieldset } from '../../components/ChoiceFieldset.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { PasswordField } from '../../components/PasswordField.tsx';
import { useNotify } from '../../components/use-notify.ts';
import { usePageTitle } from '../../components/use-page-title.ts';
import { useContractForm } from '../../forms/use-contract-form.ts';
import { catalogues } from '../../i18n/catalogues.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useSignUp } from './use-sign-up.ts';

type SignUpRole = 'business' | 'influencer';

const SIGN_UP_CODE_FIELDS = { EMAIL_TAKEN: 'email' } as const;

function roleFromParam(value: string | null): SignUpRole | '' {
  return value === 'business' || value === 'influencer' ? value : '';
}

/** Sign up as a business or an influencer; ?role= preselects the choice. */
export function SignUpPage() {
  const { m, locale } = useI18n();
  usePageTitle(m.signUp.title);
  const [params] = useSearchParams();
  const notify = useNotify();
  const signUp = useSignUp();
  const { form, formError, formNotes, fail, handleSubmit } = useContractForm({
    schema: registerBodySchema,
    initialValues: {
      role: roleFromParam(params.get('role')),
      name: '',
      email: '',
      password: '',
      locale,
    },
    codeFields: SIGN_UP_CODE_FIELDS,
  });

  // Until the user picks the account language, it follows the language of the UI.
  const localeChosen = useRef(false);
  const { setFieldValue } = form;
  useEffect(() => {
    if (!localeChosen.current) setFieldValue('locale', locale);
  }, [locale, setFieldValue]);

  const submit = handleSubmit((body) =>
    signUp.mutate(body, {
      onSuccess: (user) => notify(catalogues[user.locale].signUp.welcome),
      onError: fail,
    }),
  );
  const next = params.get('next');
  const signInPath = next ? `/sign-in?${new URLSearchParams({ next }).toString()}` : '/sign-in';

  return (
    <AuthCard title={m.signUp.title} lead={m.signUp.lead}>
      <form noValidate onSubmit={submit}>
        <Stack gap="md">
          <FormAlert error={formError} extra={formNotes} />
          <ChoiceFieldset<SignUpRole>
            name="role"
            legend={m.signUp.roleLegend}
            variant="cards"
            value={form.values.role}
            onChange={(role) => form.setFieldValue('role', role)}
            error={form.errors.role ? String(form.errors.role) : undefined}
            choices={[
              { value: 'business', label: m.roles.business, description: m.signUp.businessDescription },
              { value: 'influencer', label: m.roles.influencer, description: m.signUp.influencerDescription },
            ]}
          />
          <TextInput
            label={m.fields.name}
            description={m.signUp.nameDescription}
            autoComplete="name"
            key={form.key('name')}
            {...form.getInputProps('name')}
          />
          <TextInput
            label={m.fields.email}
            type="email"
            autoComplete="email"
            key={form.key('email')}
            {...form.getInputProps('email')}
          />
          <PasswordField
            label={m.fields.password}
            description={m.fields.passwordHint}
            autoComplete="new-password"
            key={form.key('password')}
            {...form.getInputProps('password')}
          />
          <ChoiceFieldset<Locale>
            name="locale"
            legend={m.signUp.languageLegend}
            description={m.signUp.languageDescription}
            value={form.values.locale}
            onChange={(value) => {
              localeChosen.current = true;
              form.setFieldValue('locale', value);
            }}
            error={form.errors.locale ? String(form.errors.locale) : undefined}
            choices={locales.map((code) => ({ value: code, label: languageNames[code] }))}
          />
          <Button type="submit" loading={signUp.isPending} fullWidth>
            {m.signUp.submit}
          </Button>
        </Stack>
      </form>
      <Text size="sm" c="dimmed">
        {m.signUp.haveAccount}{' '}
        <Anchor component={Link} to={signInPath}>
          {m.signUp.signInLink}
        </Anchor>
      </Text>
    </AuthCard>
  );
}
