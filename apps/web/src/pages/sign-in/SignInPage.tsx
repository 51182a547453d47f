import { loginBodySchema } from '@bextr/contracts';
import { Anchor, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { AuthCard } from '../../components/AuthCard.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { PasswordField } from '../../components/PasswordField.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { useContractForm } from '../../forms/use-contract-form.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { SecondFactorStep } from './SecondFactorStep.tsx';
import { useSignIn } from './use-sign-in.ts';

/** Sign in; on success the visitor-only guard sends the user on to ?next= or the dashboard. An
 * admin with a second factor gives the code from the authenticator app next. */
export function SignInPage() {
  const [step, setStep] = useState<'password' | 'second-factor'>('password');
  if (step === 'second-factor') return <SecondFactorStep onStartOver={() => setStep('password')} />;
  return <PasswordStep onSecondFactor={() => setStep('second-factor')} />;
}

function PasswordStep({ onSecondFactor }: { onSecondFactor: () => void }) {
  const { m } = useI18n();
  usePageTitle(m.signIn.title);
  const [params] = useSearchParams();
  const signIn = useSignIn();
  const { form, formError, formNotes, fail, handleSubmit } = useContractForm({
    schema: loginBodySchema,
    initialValues: { email: '', password: '' },
  });
  const next = params.get('next');
  const signUpPath = next ? `/sign-up?${new URLSearchParams({ next }).toString()}` : '/sign-up';

  return (
    <AuthCard title={m.signIn.title} lead={m.signIn.lead}>
      <form
        noValidate
        onSubmit={handleSubmit((body) =>
          signIn.mutate(body, {
            onError: fail,
            onSuccess: (result) => {
              if ('secondFactorRequired' in result) onSecondFactor();
            },
          }),
        )}
      >
        <Stack gap="md">
          <FormAlert error={formError} extra={formNotes} />
          <TextInput
            label={m.fields.email}
            type="email"
            autoComplete="username"
            key={form.key('email')}
            {...form.getInputProps('email')}
          />
          <PasswordField
            label={m.fields.password}
            autoComplete="current-password"
            key={form.key('password')}
            {...form.getInputProps('password')}
          />
          <Group justify="space-between" align="center" wrap="wrap">
            <Anchor component={Link} to="/forgot-password" size="sm">
              {m.signIn.forgotPassword}
            </Anchor>
            <Button type="submit" loading={signIn.isPending}>
              {m.signIn.submit}
            </Button>
          </Group>
        </Stack>
      </form>
      <Text size="sm" c="dimmed">
        {m.signIn.noAccount}{' '}
        <Anchor component={Link} to={signUpPath}>
          {m.signIn.signUpLink}
        </Anchor>
      </Text>
    </AuthCard>
  );
}
