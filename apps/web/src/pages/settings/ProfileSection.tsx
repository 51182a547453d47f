import { type User, updateMeBodySchema } from '@bextr/contracts';
import { Button, Group, Stack, TextInput } from '@mantine/core';
import { FormAlert } from '../../components/FormAlert.tsx';
import { useNotify } from '../../components/use-notify.ts';
import { useContractForm } from '../../forms/use-contract-form.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { SettingsSection } from './SettingsSection.tsx';
import { useUpdateAccount } from './use-settings-mutations.ts';

export function ProfileSection({ user }: { user: User }) {
  const { m } = useI18n();
  const notify = useNotify();
  const update = useUpdateAccount();
  const { form, formError, formNotes, fail, handleSubmit } = useContractForm({
    schema: updateMeBodySchema,
    initialValues: { name: user.name },
  });
  const submit = handleSubmit((body) =>
    update.mutate(body, {
      onSuccess: (saved) => {
        form.resetDirty({ name: saved.name });
        notify(m.settings.nameSaved);
      },
      onError: fail,
    }),
  );
  return (
    <SettingsSection title={m.settings.profileTitle}>
      <form noValidate onSubmit={submit}>
        <Stack gap="md">
          <FormAlert error={formError} extra={formNotes} />
          <TextInput
            label={m.fields.name}
            autoComplete="name"
            key={form.key('name')}
            {...form.getInputProps('name')}
          />
          <Group>
            <Button type="submit" loading={update.isPending}>
              {m.settings.saveName}
            </Button>
          </Group>
        </Stack>
      </form>
    </SettingsSection>
  );
}
