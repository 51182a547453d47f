import { ADMIN_NOTE_MAX } from '@bextr/contracts';
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { FormAlert } from '../../components/FormAlert.tsx';
import { useI18n } from '../../i18n/use-i18n.ts';

interface Props {
  opened: boolean;
  onClose: () => void;
  title: string;
  hint: string;
  label: string;
  submit: string;
  /** A reason is needed (warn, suspend, unpublish); a reinstatement's note is optional. */
  required: boolean;
  /** Red button for an action that takes something away. */
  danger?: boolean;
  pending: boolean;
  error: unknown;
  onSubmit: (text: string) => void;
}

/** The dialog of an admin action that carries words for the user: what happens, the text, confirm. */
export function ReasonDialog({
  opened,
  onClose,
  title,
  hint,
  label,
  submit,
  required,
  danger,
  pending,
  error,
  onSubmit,
}: Props) {
  const { m } = useI18n();
  const [text, setText] = useState('');
  const [missing, setMissing] = useState(false);
  useEffect(() => {
    if (opened) {
      setText('');
      setMissing(false);
    }
  }, [opened]);
  const handle = (event: FormEvent) => {
    event.preventDefault();
    if (required && !text.trim()) {
      setMissing(true);
      return;
    }
    onSubmit(text.trim());
  };
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={title}
      closeButtonProps={{ 'aria-label': m.common.close }}
    >
      <form onSubmit={handle} noValidate>
        <Stack gap="md">
          <Text size="sm">{hint}</Text>
          <Textarea
            label={label}
            value={text}
            onChange={(e) => {
              setText(e.currentTarget.value);
              setMissing(false);
            }}
            required={required}
            autosize
            minRows={3}
            maxLength={ADMIN_NOTE_MAX}
            error={missing ? m.admin.common.reasonRequired : undefined}
            data-autofocus
          />
          <FormAlert error={error} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} type="button">
              {m.admin.common.cancel}
            </Button>
            <Button type="submit" color={danger ? 'red' : undefined} loading={pending}>
              {submit}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
