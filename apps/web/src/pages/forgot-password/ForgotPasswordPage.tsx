import { passwordResetRequestBodySchema } from '@bextr/contracts';
import { Alert, Anchor, Button, Stack, TextInput } from '@mantine/core';
import { Link } from 'react-router';
import { AuthCard } from '../../components/AuthCard.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { useContractForm } from '../../forms/use-contract-form.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useRequestPasswordReset } from './use-request-password-reset.ts';

/** /forgot-password: asks for a link to set a new password. */
export function ForgotPasswordPage() {
  const { m } = useI18n();
  usePageTitle(m.forgotPassword.title);
  const request = useRequestPasswordReset();
  const { form, formError, formNotes, fail, handleSubmit } = useContractForm({
    schema: passwordResetRequestBodySchema,
    initialValues: { email: '' },
  });

  return (
    <AuthCard title={m.forgotPassword.title} lead={request.isSuccess ? undefined : m.forgotPassword.lead}>
      {request.isSuccess ? (
        <Alert color="teal" variant="light" role="status" title={m.forgotPassword.sentTitle}>
          {m.forgotPassword.sentText}
        </Alert>
      ) : (
        <form noValidate onSubmit={handleSubmit((body) => request.mutate(body, { onError: fail }))}>
          <Stack gap="md">
            <FormAlert error={formError} extra={formNotes} />
            <TextInput
              label={m.fields.email}
              type="email"
              autoComplete="email"
              key={form.key('email')}
              {...form.getInputProps('email')}
            />
            <Button type="submit" loading={request.isPending}>
              {m.forgotPassword.submit}
            </Button>
          </Stack>
        </form>
      )}
      <Anchor component={Link} to="/sign-in" size="sm">
        {m.forgotPassword.backToSignIn}
      </Anchor>
    </AuthCard>
  );
}
