import type { Conversation, User } from '@bextr/contracts';
import { Avatar, Badge, Button, Group, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import { Link } from 'react-router';
import { api } from '../../api/index.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { LoadMore } from '../../components/LoadMore.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { useCursorPages } from '../../components/use-cursor-pages.ts';
import { usePageTitle } from '../../components/use-page-title.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useSession } from '../../session/use-session.ts';
import { threadKeys } from '../../threads/thread-queries.ts';
import { LiveNote } from './LiveNote.tsx';
import { shortWhen } from './when.ts';
import './inbox.css';

/** "You: …", the text, or how many images the last message carried. */
function usePreview(conversation: Conversation, userId: string) {
  const { m } = useI18n();
  const t = m.inbox.list;
  const last = conversation.lastMessage;
  if (!last) return t.noMessages;
  const text = last.preview.replace(/\s+/g, ' ').trim() || t.images(last.attachmentCount);
  return last.senderId === userId ? t.you(text) : text;
}

function ConversationRow({ conversation, userId }: { conversation: Conversation; userId: string }) {
  const { m, locale } = useI18n();
  const t = m.inbox.list;
  const other = conversation.otherParty;
  const unread = conversation.unreadCount;
  const preview = usePreview(conversation, userId);
  const when = conversation.lastMessage?.createdAt ?? conversation.lastActivityAt;
  return (
    <li>
      <UnstyledButton
        component={Link}
        to={`/inbox/${encodeURIComponent(conversation.id)}`}
        className="inbox-row"
        data-unread={unread > 0 || undefined}
      >
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <Avatar src={other.avatarUrl} alt="" size={48} radius="xl">
            {other.name.slice(0, 1).toUpperCase()}
          </Avatar>
          <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
            <Group justify="space-between" gap="xs" wrap="nowrap">
              <Text fw={unread > 0 ? 700 : 600} truncate="end">
                {other.name}
              </Text>
              <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
                <time dateTime={when}>{shortWhen(locale, when)}</time>
              </Text>
            </Group>
            <Text size="sm" c="dimmed" truncate="end">
              {conversation.campaign.name}
            </Text>
            <Group justify="space-between" gap="xs" wrap="nowrap">
              <Text size="sm" truncate="end" fw={unread > 0 ? 600 : 400}>
                {preview}
              </Text>
              {unread > 0 ? (
                <Badge color="red.9" variant="filled" size="sm" style={{ flexShrink: 0 }}>
                  {t.unread(unread)}
                </Badge>
              ) : null}
            </Group>
          </Stack>
        </Group>
      </UnstyledButton>
    </li>
  );
}

function EmptyInbox({ user }: { user: User }) {
  const { m } = useI18n();
  const t = m.inbox.list;
  return (
    <Paper withBorder p="lg" radius="md">
      <Stack gap="sm" align="flex-start">
        <Text>{t.empty}</Text>
        {user.role === 'influencer' ? (
          <Button component={Link} to="/campaigns">
            {t.emptyInfluencerCta}
          </Button>
        ) : (
          <Button component={Link} to="/dashboard" variant="default">
            {t.emptyBusinessCta}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}

function ConversationList({ user }: { user: User }) {
  const { m } = useI18n();
  const t = m.inbox.list;
  const { query, items } = useCursorPages([...threadKeys.list(user.id)], (cursor, signal) =>
    api.threads.conversations({ limit: 20, ...(cursor ? { cursor } : {}) }, signal),
  );
  if (query.isPending) return <PageLoader />;
  if (query.isError && !query.data)
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (items.length === 0) return <EmptyInbox user={user} />;
  // Newest activity first; a thread that moved up by a live message may sit twice across pages.
  const seen = new Set<string>();
  const rows = items.filter((c) => {
    if (seen.has(c.id)) return false;
    seen.add(c.id);
    return true;
  });
  return (
    <div>
      <Paper withBorder radius="md" component="ul" aria-label={t.label} className="inbox-list">
        {rows.map((conversation) => (
          <ConversationRow key={conversation.id} conversation={conversation} userId={user.id} />
        ))}
      </Paper>
      <LoadMore query={query} label={t.loadMore} />
    </div>
  );
}

/** /inbox — my threads, newest activity first, with the unread ones marked. */
export function InboxPage() {
  const { m } = useI18n();
  const t = m.inbox.list;
  const { user } = useSession();
  usePageTitle(t.title);
  if (!user) return <PageLoader />;
  return (
    <Stack gap={0} maw={820}>
      <PageHeader title={t.title} lead={t.lead} />
      <LiveNote />
      <ConversationList user={user} />
    </Stack>
  );
}
