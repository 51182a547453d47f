import { ActionIcon, Button, Group, NumberInput, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import type { FormArrayElement, UseFormReturnType } from '@mantine/form';
import { useI18n } from '../../i18n/use-i18n.ts';
import { deliverableTypeOptions, networkOptions } from '../campaign/options.ts';
import { type DeliverableValues, emptyDeliverable } from './editor-values.ts';

/** A form that holds a list of deliverables under `deliverables`. */
export interface WithDeliverables {
  deliverables: DeliverableValues[];
}

/** The list of deliverables: one row per deliverable, rows added and removed. Used by the campaign
 * editor (what the campaign expects) and the offer form (what the influencer proposes). */
export function DeliverablesField<V extends WithDeliverables>({
  form,
  networks: allowedNetworks,
  legend,
  description,
  emptyText,
}: {
  form: UseFormReturnType<V>;
  /** The networks a row may use; empty = any network. */
  networks: readonly string[];
  legend?: string | undefined;
  description?: string | undefined;
  emptyText?: string | undefined;
}) {
  const { m } = useI18n();
  const t = m.campaigns.editor;
  const rows = form.getValues().deliverables;
  const listError = form.errors.deliverables;
  const networks = networkOptions(m);
  const describedBy = [description ? 'deliverables-hint' : '', listError ? 'deliverables-error' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <fieldset className="choice-fieldset" aria-describedby={describedBy || undefined}>
      <legend className="choice-legend">{legend ?? t.deliverables}</legend>
      <Stack gap="sm">
        {description ? (
          <Text id="deliverables-hint" size="sm" c="dimmed" mt={-6}>
            {description}
          </Text>
        ) : null}
        {rows.length === 0 ? (
          <Text size="sm" c="dimmed">
            {emptyText ?? t.noDeliverables}
          </Text>
        ) : null}
        {rows.map((_, index) => (
          <Paper
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place; the index is their identity
            key={index}
            withBorder
            p="sm"
            radius="md"
            role="group"
            aria-label={t.deliverableRow(index + 1)}
          >
            <Group align="flex-start" gap="sm" wrap="wrap">
              <Select
                label={t.deliverableType}
                data={deliverableTypeOptions(m)}
                style={{ flex: '1 1 120px' }}
                key={form.key(`deliverables.${index}.type`)}
                {...form.getInputProps(`deliverables.${index}.type`)}
              />
              <Select
                label={t.deliverableNetwork}
                data={
                  allowedNetworks.length > 0
                    ? networks.filter((n) => allowedNetworks.includes(n.value))
                    : networks
                }
                style={{ flex: '1 1 140px' }}
                key={form.key(`deliverables.${index}.network`)}
                {...form.getInputProps(`deliverables.${index}.network`)}
              />
              <NumberInput
                label={t.quantity}
                min={1}
                max={100}
                allowDecimal={false}
                w={100}
                key={form.key(`deliverables.${index}.quantity`)}
                {...form.getInputProps(`deliverables.${index}.quantity`)}
              />
              <TextInput
                label={t.notes}
                style={{ flex: '2 1 200px' }}
                key={form.key(`deliverables.${index}.notes`)}
                {...form.getInputProps(`deliverables.${index}.notes`)}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                size="lg"
                mt={26}
                aria-label={t.removeDeliverable(index + 1)}
                onClick={() => form.removeListItem('deliverables', index)}
              >
                ✕
              </ActionIcon>
            </Group>
          </Paper>
        ))}
        <Group>
          <Button
            variant="light"
            onClick={() =>
              form.insertListItem(
                'deliverables',
                // V's rows are DeliverableValues (WithDeliverables); TypeScript cannot see it through V.
                emptyDeliverable(allowedNetworks[0] ?? '') as FormArrayElement<V, 'deliverables'>,
              )
            }
          >
            {t.addDeliverable}
          </Button>
        </Group>
        {listError ? (
          <Text id="deliverables-error" size="xs" c="red">
            {listError}
          </Text>
        ) : null}
      </Stack>
    </fieldset>
  );
}
