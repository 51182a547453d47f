import {
  type FaqQuestion,
  type FaqQuestionStatus,
  faqQuestionStatuses,
  languageNames,
} from '@bextr/contracts';
import { Blockquote, Button, List, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { useI18n } from '../../i18n/use-i18n.ts';
import { AnswerForm } from './AnswerForm.tsx';
import { useQuestionQueue } from './use-admin-faq.ts';

function QuestionCard({ question }: { question: FaqQuestion }) {
  const { m, format } = useI18n();
  const t = m.public.adminFaq;
  return (
    <Paper component="article" withBorder radius="md" p="md" aria-label={question.question}>
      <Stack gap="sm">
        <Blockquote p="sm" lang={question.locale} color="grape">
          {question.question}
        </Blockquote>
        <Text size="sm" fw={600}>
          {t.askedBy(question.askers.length)}
          {question.status === 'dismissed'
            ? null
            : ` · ${t.emailRecipients(question.emailRecipients, question.status === 'answered')}`}
        </Text>
        <List size="sm" spacing="xs" listStyleType="none" aria-label={t.askersLabel}>
          {question.askers.map((asker) => (
            <List.Item key={asker.id}>
              <Text size="sm">{asker.name ?? t.anonymous}</Text>
              <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                {asker.email ?? t.noEmail} · {t.askedIn(languageNames[asker.locale])} ·{' '}
                {format.dateTime(asker.askedAt)}
              </Text>
            </List.Item>
          ))}
        </List>
        {question.status === 'new' ? <AnswerForm question={question} /> : null}
        {question.answer ? (
          <div>
            <Text size="sm" fw={600}>
              {t.yourAnswer}
            </Text>
            <Text style={{ whiteSpace: 'pre-line' }}>{question.answer}</Text>
          </div>
        ) : null}
        {question.publishedEntries.length > 0 ? (
          <Text size="sm" c="dimmed">
            {t.publishedIn(question.publishedEntries.map((e) => languageNames[e.locale]).join(', '))}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}

/** Visitors' questions by status, newest first. */
export function QuestionQueue() {
  const { m } = useI18n();
  const t = m.public.adminFaq;
  const [status, setStatus] = useState<FaqQuestionStatus>('new');
  const queue = useQuestionQueue(status);
  const items = queue.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap="md">
      <SegmentedControl
        aria-label={t.statusLabel}
        value={status}
        onChange={(value) => setStatus(value as FaqQuestionStatus)}
        data={faqQuestionStatuses.map((s) => ({ value: s, label: t.statuses[s] }))}
        w={{ base: '100%', sm: 'auto' }}
        style={{ alignSelf: 'flex-start' }}
      />
      {queue.isPending ? (
        <PageLoader />
      ) : queue.isError ? (
        <ErrorState error={queue.error} onRetry={() => void queue.refetch()} />
      ) : items.length === 0 ? (
        <Paper withBorder p="lg" radius="md">
          <Text>{t.empty[status]}</Text>
        </Paper>
      ) : (
        <>
          {items.map((q) => (
            <QuestionCard key={q.id} question={q} />
          ))}
          {queue.hasNextPage ? (
            <div>
              <Button
                variant="default"
                onClick={() => void queue.fetchNextPage()}
                loading={queue.isFetchingNextPage}
              >
                {t.loadMore}
              </Button>
            </div>
          ) : null}
        </>
      )}
    </Stack>
  );
}
