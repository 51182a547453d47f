import { type FaqResponse, faqPageContent } from '@bextr/contracts';
import { Accordion, CloseButton, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDeferredValue, useMemo, useState } from 'react';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useUrlLocale } from '../../i18n/use-url-locale.ts';
import { AskQuestionForm } from './AskQuestionForm.tsx';
import { searchable, useFaq } from './use-faq.ts';

function filterGroups(groups: FaqResponse['groups'], query: string) {
  const words = searchable(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return groups;
  return groups
    .map((g) => ({
      ...g,
      entries: g.entries.filter((e) => {
        const text = searchable(`${e.question} ${e.answer}`);
        return words.every((w) => text.includes(w));
      }),
    }))
    .filter((g) => g.entries.length > 0);
}

function FaqGroups({ groups, searching }: { groups: FaqResponse['groups']; searching: boolean }) {
  const [open, setOpen] = useState<string[]>([]);
  const all = groups.flatMap((g) => g.entries.map((e) => e.id));
  return (
    <Stack gap="xl">
      {groups.map((g) => (
        <section key={g.group} aria-labelledby={`faq-${g.group}`}>
          <Title order={2} size="h3" id={`faq-${g.group}`} mb="sm">
            {g.title}
          </Title>
          <Accordion
            multiple
            variant="separated"
            value={searching ? all : open}
            onChange={searching ? undefined : setOpen}
            chevronPosition="right"
          >
            {g.entries.map((entry) => (
              <Accordion.Item key={entry.id} value={entry.id}>
                <Accordion.Control>
                  <Text component="span" fw={600}>
                    {entry.question}
                  </Text>
                </Accordion.Control>
                <Accordion.Panel>
                  <Text style={{ whiteSpace: 'pre-line' }}>{entry.answer}</Text>
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        </section>
      ))}
    </Stack>
  );
}

/** The FAQ: grouped, searchable, with the question form below. */
export function FaqPage() {
  useUrlLocale();
  const { locale, m } = useI18n();
  const c = faqPageContent[locale];
  const t = m.public.faq;
  usePageTitle(c.title);
  const faq = useFaq(locale);
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const groups = useMemo(() => filterGroups(faq.data?.groups ?? [], deferred), [faq.data, deferred]);
  const count = groups.reduce((n, g) => n + g.entries.length, 0);
  const searching = deferred.trim().length > 0;

  return (
    <Stack gap="xl" py={{ base: 'sm', sm: 'md' }}>
      <PageHeader title={c.title} lead={c.lead} />
      <TextInput
        type="search"
        label={t.searchLabel}
        placeholder={t.searchPlaceholder}
        value={query}
        onChange={(event) => setQuery(event.currentTarget.value)}
        maw={560}
        rightSection={query ? <CloseButton aria-label={t.clearSearch} onClick={() => setQuery('')} /> : null}
      />
      <Text size="sm" c="dimmed" role="status" aria-live="polite">
        {searching && faq.data ? (count > 0 ? t.results(count) : '') : ''}
      </Text>
      {faq.isPending ? (
        <PageLoader />
      ) : faq.isError ? (
        <ErrorState error={faq.error} onRetry={() => void faq.refetch()} />
      ) : faq.data.groups.length === 0 ? (
        <Paper withBorder p="lg" radius="md">
          <Text>{c.empty}</Text>
        </Paper>
      ) : searching && count === 0 ? (
        <Paper withBorder p="lg" radius="md">
          <Text>{t.noResults(deferred.trim())}</Text>
        </Paper>
      ) : (
        <FaqGroups groups={groups} searching={searching} />
      )}
      <AskQuestionForm />
    </Stack>
  );
}
