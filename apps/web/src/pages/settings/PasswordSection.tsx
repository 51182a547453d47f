import { changePasswordBodySchema } from '@bextr/contracts';
import { Button, Group, Stack } from '@mantine/core';
import { FormAlert } from '../../components/FormAlert.tsx';
import { PasswordField } from '../../components/PasswordField.tsx';
import { useNotify } from '../../components/use-notify.ts';
import { useContractForm } from '../../forms/use-contract-form.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { SettingsSection } from './SettingsSection.tsx';
import { useChangePassword } from './use-settings-mutations.ts';

export function PasswordSection({ email }: { email: string }) {
  const { m } = useI18n();
  const notify = useNotify();
  const change = useChangePassword();
  const { form, formError, formNotes, fail, handleSubmit } = useContractForm({
    schema: changePasswordBodySchema,
    initialValues: { currentPassword: '', newPassword: '' },
  });
  const submit = handleSubmit((body) =>
    change.mutate(body, {
      onSuccess: () => {
        form.reset();
        notify(m.settings.passwordChanged);
      },
      onError: fail,
    }),
  );
  return (
    <SettingsSection title={m.settings.passwordTitle} lead={m.settings.passwordLead}>
      <form noValidate onSubmit={submit}>
        <Stack gap="md">
          <FormAlert error={formError} extra={formNotes} />
          {/* Lets password managers file the new password under the right account. */}
          <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
          <PasswordField
            label={m.fields.currentPassword}
            autoComplete="current-password"
            key={form.key('currentPassword')}
            {...form.getInputProps('currentPassword')}
          />
          <PasswordField
            label={m.fields.newPassword}
            description={m.fields.passwordHint}
            autoComplete="new-password"
            key={form.key('newPassword')}
            {...form.getInputProps('newPassword')}
          />
          <Group>
            <Button type="submit" loading={change.isPending}>
              {m.settings.changePassword}
            </Button>
          </Group>
        </Stack>
      </form>
    </SettingsSection>
  );
}
