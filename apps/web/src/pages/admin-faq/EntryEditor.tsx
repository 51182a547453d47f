import {
  type FaqEntry,
  faqEntryCreateBodySchema,
  faqGroups,
  faqGroupTitles,
  type Locale,
  languageNames,
  localeSchema,
  locales,
} from '@bextr/contracts';
import {
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  NativeSelect,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { ErrorState } from '../../components/ErrorState.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { useNotify } from '../../components/use-notify.ts';
import { useContractForm } from '../../forms/use-contract-form.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useDeleteEntry, useFaqEntries, useSaveEntry } from './use-admin-faq.ts';

interface EntryValues extends Record<string, unknown> {
  locale: string;
  group: string;
  question: string;
  answer: string;
  published: boolean;
}

function EntryForm({
  entry,
  locale,
  onDone,
}: {
  entry: FaqEntry | null;
  locale: Locale;
  onDone: () => void;
}) {
  const { locale: uiLocale, m } = useI18n();
  const t = m.public.adminFaq;
  const notify = useNotify();
  const save = useSaveEntry();
  const { form, formError, formNotes, fail, handleSubmit } = useContractForm({
    schema: faqEntryCreateBodySchema,
    initialValues: {
      locale: entry?.locale ?? locale,
      group: entry?.group ?? 'basics',
      question: entry?.question ?? '',
      answer: entry?.answer ?? '',
      published: entry?.published ?? true,
    } as EntryValues,
  });
  return (
    <form
      noValidate
      onSubmit={handleSubmit((body) => {
        const { locale: _locale, ...changes } = body;
        save.mutate(entry ? { id: entry.id, body: changes } : { body }, {
          onSuccess: () => {
            notify(t.entrySaved);
            onDone();
          },
          onError: fail,
        });
      })}
    >
      <Stack gap="sm">
        <FormAlert error={formError} extra={formNotes} />
        <NativeSelect label={t.group} {...form.getInputProps('group')}>
          {faqGroups.map((g) => (
            <option key={g} value={g}>
              {faqGroupTitles[uiLocale][g]}
            </option>
          ))}
        </NativeSelect>
        <TextInput
          label={t.question}
          required
          lang={form.values.locale}
          {...form.getInputProps('question')}
        />
        <Textarea
          label={t.answer}
          required
          autosize
          minRows={4}
          lang={form.values.locale}
          {...form.getInputProps('answer')}
        />
        <Checkbox label={t.publishEntry} {...form.getInputProps('published', { type: 'checkbox' })} />
        <Group gap="sm">
          <Button type="submit" loading={save.isPending}>
            {t.save}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t.cancel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Every FAQ entry of one language, by group: create, edit, reorder, move, unpublish, delete. */
export function EntryEditor() {
  const { locale: uiLocale, m } = useI18n();
  const t = m.public.adminFaq;
  const notify = useNotify();
  const [locale, setLocale] = useState<Locale>(uiLocale);
  const [editing, setEditing] = useState<FaqEntry | 'new' | null>(null);
  const entries = useFaqEntries(locale);
  const save = useSaveEntry();
  const remove = useDeleteEntry();
  const onError = () => notify(m.common.unexpectedError, 'error');

  const move = (entry: FaqEntry, to: number) =>
    save.mutate({ id: entry.id, body: { position: to } }, { onError });

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <NativeSelect
          label={t.language}
          value={locale}
          w={180}
          onChange={(event) => {
            const next = localeSchema.safeParse(event.currentTarget.value);
            if (next.success) setLocale(next.data);
          }}
        >
          {locales.map((code) => (
            <option key={code} value={code} lang={code}>
              {languageNames[code]}
            </option>
          ))}
        </NativeSelect>
        <Button onClick={() => setEditing('new')}>{t.newEntry}</Button>
      </Group>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? t.newEntry : t.editEntry}
        size="lg"
        closeButtonProps={{ 'aria-label': t.cancel }}
      >
        {editing !== null ? (
          <EntryForm
            entry={editing === 'new' ? null : editing}
            locale={locale}
            onDone={() => setEditing(null)}
          />
        ) : null}
      </Modal>
      {entries.isPending ? (
        <PageLoader />
      ) : entries.isError ? (
        <ErrorState error={entries.error} onRetry={() => void entries.refetch()} />
      ) : entries.data.items.length === 0 ? (
        <Paper withBorder p="lg" radius="md">
          <Text>{t.noEntries}</Text>
        </Paper>
      ) : (
        faqGroups.map((group) => {
          const inGroup = entries.data.items.filter((e) => e.group === group);
          if (inGroup.length === 0) return null;
          return (
            <section key={group} aria-labelledby={`entries-${group}`}>
              <Title order={3} size="h4" id={`entries-${group}`} mb="xs">
                {faqGroupTitles[uiLocale][group]}
              </Title>
              <Stack gap="xs">
                {inGroup.map((entry, index) => (
                  <Paper
                    key={entry.id}
                    withBorder
                    radius="md"
                    p="sm"
                    component="article"
                    aria-label={entry.question}
                  >
                    <Group justify="space-between" wrap="wrap" gap="xs">
                      <Group gap="xs" wrap="nowrap" style={{ minWidth: 0, flex: 1 }}>
                        <Text fw={600} lang={entry.locale} style={{ minWidth: 0 }}>
                          {entry.question}
                        </Text>
                        {entry.published ? null : (
                          <Badge color="gray" variant="light">
                            {t.hidden}
                          </Badge>
                        )}
                      </Group>
                      <Group gap={4} role="group" aria-label={t.entryActions(entry.question)}>
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          disabled={index === 0}
                          onClick={() => move(entry, index - 1)}
                        >
                          {t.moveUp}
                        </Button>
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          disabled={index === inGroup.length - 1}
                          onClick={() => move(entry, index + 1)}
                        >
                          {t.moveDown}
                        </Button>
                        <Button size="compact-sm" variant="subtle" onClick={() => setEditing(entry)}>
                          {t.edit}
                        </Button>
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          onClick={() =>
                            save.mutate({ id: entry.id, body: { published: !entry.published } }, { onError })
                          }
                        >
                          {entry.published ? t.unpublish : t.publishEntry}
                        </Button>
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          color="red"
                          onClick={() => {
                            if (window.confirm(t.confirmDelete))
                              remove.mutate(entry.id, { onSuccess: () => notify(t.entryDeleted), onError });
                          }}
                        >
                          {t.delete}
                        </Button>
                      </Group>
                    </Group>
                  </Paper>
                ))}
              </Stack>
            </section>
          );
        })
      )}
    </Stack>
  );
}
