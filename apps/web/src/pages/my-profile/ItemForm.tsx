import { ActionIcon, Button, Group, Text } from '@mantine/core';
import { type RefObject, useEffect } from 'react';
import { useI18n } from '../../i18n/use-i18n.ts';

/** The edit and remove buttons of one listed item. */
export function ItemActions({
  name,
  editing,
  onEdit,
  onRemove,
}: {
  name: string;
  editing: boolean;
  onEdit: () => void;
  onRemove: () => void;
}) {
  const { m } = useI18n();
  const t = m.influencers.onboarding;
  return (
    <Group gap={4} wrap="nowrap">
      <ActionIcon
        variant={editing ? 'light' : 'subtle'}
        aria-label={t.editNamed(name)}
        aria-pressed={editing}
        onClick={onEdit}
      >
        ✎
      </ActionIcon>
      <ActionIcon variant="subtle" color="red" aria-label={t.removeNamed(name)} onClick={onRemove}>
        ✕
      </ActionIcon>
    </Group>
  );
}

/** The foot of an add/edit form: "Add" or "Save changes" (held while an image uploads) and, when
 * editing, a way back to adding. */
export function ItemFormFooter({
  editingName,
  pending,
  uploading,
  onCancel,
}: {
  editingName: string | null;
  pending: boolean;
  uploading: boolean;
  onCancel: () => void;
}) {
  const { m } = useI18n();
  const t = m.influencers.onboarding;
  return (
    <Group gap="sm">
      <Button type="submit" loading={pending} disabled={uploading}>
        {editingName === null ? t.add : t.saveChanges}
      </Button>
      {editingName !== null ? (
        <Button variant="default" onClick={onCancel}>
          {t.cancelEdit}
        </Button>
      ) : null}
      {uploading ? (
        <Text size="sm" c="dimmed" aria-live="polite">
          {t.uploading}
        </Text>
      ) : null}
    </Group>
  );
}

/** When an item is picked for editing, brings its form into view and focuses the first field. */
export function useFocusOnEdit(editing: string | null, form: RefObject<HTMLFormElement | null>) {
  useEffect(() => {
    if (editing === null || !form.current) return;
    form.current.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
    form.current
      .querySelector<HTMLInputElement>('input:not([type=hidden]):not([type=file]):not([readonly]), textarea')
      ?.focus();
  }, [editing, form]);
}

/** The heading of an add/edit form saying which item is being edited. */
export function EditingNote({ name }: { name: string | null }) {
  const { m } = useI18n();
  if (name === null) return null;
  return (
    <Text fw={600} size="sm" aria-live="polite">
      {m.influencers.onboarding.editing(name)}
    </Text>
  );
}
