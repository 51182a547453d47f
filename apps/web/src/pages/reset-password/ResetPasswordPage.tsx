import { passwordResetConfirmBodySchema, tokenBodySchema } from '@bextr/contracts';
import { Alert, Anchor, Button, Group, Stack } from '@mantine/core';
import { useCallback } from 'react';
import { Link, useSearchParams } from 'react-router';
import { isApiError } from '../../api/index.ts';
import { AuthCard } from '../../components/AuthCard.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { PasswordField } from '../../components/PasswordField.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { useContractForm } from '../../forms/use-contract-form.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useConfirmPasswordReset } from './use-confirm-password-reset.ts';

/** /reset-password?token=…: the reset e-mail's link, where the new password is set. */
export function ResetPasswordPage() {
  const { m } = useI18n();
  usePageTitle(m.resetPassword.title);
  const [params] = useSearchParams();
  const raw = params.get('token') ?? '';
  const tokenOk = tokenBodySchema.safeParse({ token: raw }).success;
  const confirm = useConfirmPasswordReset();
  const toBody = useCallback(
    (values: { password: string }) => ({ token: raw, password: values.password }),
    [raw],
  );
  const { form, formError, formNotes, fail, handleSubmit } = useContractForm({
    schema: passwordResetConfirmBodySchema,
    initialValues: { password: '' },
    toBody,
  });

  if (!tokenOk) {
    return (
      <AuthCard title={m.resetPassword.title}>
        <Alert color="red" variant="light" role="alert" title={m.common.errorTitle}>
          {m.resetPassword.missingToken}
        </Alert>
        <Anchor component={Link} to="/forgot-password">
          {m.resetPassword.requestNew}
        </Anchor>
      </AuthCard>
    );
  }

  if (confirm.isSuccess) {
    return (
      <AuthCard title={m.resetPassword.title}>
        <Alert color="teal" variant="light" role="status" title={m.resetPassword.successTitle}>
          {m.resetPassword.successText}
        </Alert>
        <Group>
          <Button component={Link} to="/sign-in">
            {m.resetPassword.signInLink}
          </Button>
        </Group>
      </AuthCard>
    );
  }

  const invalidLink = isApiError(confirm.error) && confirm.error.code === 'INVALID_TOKEN';
  return (
    <AuthCard title={m.resetPassword.title} lead={m.resetPassword.lead}>
      <form noValidate onSubmit={handleSubmit((body) => confirm.mutate(body, { onError: fail }))}>
        <Stack gap="md">
          <FormAlert error={formError} extra={formNotes} />
          <PasswordField
            label={m.fields.newPassword}
            description={m.fields.passwordHint}
            autoComplete="new-password"
            key={form.key('password')}
            {...form.getInputProps('password')}
          />
          <Button type="submit" loading={confirm.isPending}>
            {m.resetPassword.submit}
          </Button>
        </Stack>
      </form>
      {invalidLink ? (
        <Anchor component={Link} to="/forgot-password">
          {m.resetPassword.requestNew}
        </Anchor>
      ) : null}
    </AuthCard>
  );
}
