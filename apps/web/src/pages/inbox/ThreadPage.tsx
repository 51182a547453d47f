import type { Conversation, Role } from '@bextr/contracts';
import { Anchor, Avatar, Button, Divider, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useRef } from 'react';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/index.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useSession } from '../../session/use-session.ts';
import type { PendingMessage } from '../../threads/outbox.ts';
import { useConversation } from '../../threads/thread-queries.ts';
import { useSendMessage } from '../../threads/use-send-message.ts';
import { businessPath } from '../business/BusinessLink.tsx';
import { ReportButton } from '../reports/ReportButton.tsx';
import { Composer } from './Composer.tsx';
import { LiveNote } from './LiveNote.tsx';
import { MessageLog } from './MessageLog.tsx';
import { OfferPanel, useOffer } from './OfferPanel.tsx';
import './inbox.css';

/** Where the other side's name leads: the influencer's profile or the business's page. */
function profilePath(conversation: Conversation) {
  const other = conversation.otherParty;
  return other.role === 'influencer' && other.handle
    ? `/influencers/${encodeURIComponent(other.handle)}`
    : businessPath(other.id);
}

function BackToInbox() {
  const { m } = useI18n();
  return (
    <Anchor component={Link} to="/inbox" size="sm">
      ← {m.inbox.thread.backToInbox}
    </Anchor>
  );
}

function ThreadHeader({ conversation }: { conversation: Conversation }) {
  const { m } = useI18n();
  const t = m.inbox.thread;
  const other = conversation.otherParty;
  const isInfluencer = other.role === 'influencer';
  return (
    <Group gap="sm" wrap="nowrap" align="center">
      <Avatar src={other.avatarUrl} alt="" size={52} radius="xl">
        {other.name.slice(0, 1).toUpperCase()}
      </Avatar>
      <Stack gap={2} style={{ minWidth: 0 }}>
        <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }}>
          <Anchor
            component={Link}
            to={profilePath(conversation)}
            inherit
            title={isInfluencer ? t.profileOf(other.name) : t.pageOf(other.name)}
          >
            {other.name}
          </Anchor>
        </Title>
        <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {t.campaign}:{' '}
          <Anchor component={Link} to={`/campaigns/${encodeURIComponent(conversation.campaign.id)}`} inherit>
            {conversation.campaign.name}
          </Anchor>
        </Text>
      </Stack>
    </Group>
  );
}

function Thread({ userId, role, conversation }: { userId: string; role: Role; conversation: Conversation }) {
  const offer = useOffer(conversation.offerId);
  const { send, retry, discard } = useSendMessage(userId, conversation.id);
  const inputRef = useRef<HTMLTextAreaElement>(null);
  // Retry and Discard take their buttons away: the focus goes on to the message box, not the page.
  const onRetry = useCallback(
    (message: PendingMessage) => {
      retry(message);
      inputRef.current?.focus();
    },
    [retry],
  );
  const onDiscard = useCallback(
    (clientId: string) => {
      discard(clientId);
      inputRef.current?.focus();
    },
    [discard],
  );

  // With a mouse or trackpad the message box takes the focus; on touch screens that would pop the
  // keyboard over the history.
  useEffect(() => {
    if (window.matchMedia('(pointer: fine)').matches) inputRef.current?.focus({ preventScroll: true });
  }, []);

  return (
    <Stack gap="md">
      <Stack gap="xs">
        <Group justify="space-between" gap="xs" wrap="wrap">
          <BackToInbox />
          <ReportButton
            against={{ id: conversation.otherParty.id, name: conversation.otherParty.name }}
            conversationId={conversation.id}
          />
        </Group>
        <ThreadHeader conversation={conversation} />
      </Stack>
      <LiveNote />
      <div className="thread-layout">
        <Paper withBorder radius="md">
          <MessageLog
            userId={userId}
            conversation={conversation}
            offer={offer.data}
            onRetry={onRetry}
            onDiscard={onDiscard}
          />
          <Divider />
          <Composer onSend={send} inputRef={inputRef} />
        </Paper>
        <OfferPanel conversation={conversation} role={role} />
      </div>
    </Stack>
  );
}

function ThreadLoader({ userId, role, id }: { userId: string; role: Role; id: string }) {
  const { m } = useI18n();
  const conversation = useConversation(userId, id);
  usePageTitle(
    conversation.data ? m.inbox.thread.title(conversation.data.otherParty.name) : m.inbox.list.title,
  );
  if (conversation.isPending) return <PageLoader />;
  const notFound = isApiError(conversation.error) && conversation.error.status === 404;
  // A failed background refresh keeps the thread on screen, unless the thread is gone.
  if (conversation.isError && (notFound || !conversation.data)) {
    return (
      <Stack gap="md" align="flex-start">
        <BackToInbox />
        {notFound ? (
          <Paper withBorder p="lg" radius="md">
            <Stack gap="sm" align="flex-start">
              <Text>{m.inbox.thread.notFound}</Text>
              <Button component={Link} to="/inbox" variant="default">
                {m.inbox.thread.backToInbox}
              </Button>
            </Stack>
          </Paper>
        ) : (
          <ErrorState error={conversation.error} onRetry={() => void conversation.refetch()} />
        )}
      </Stack>
    );
  }
  return <Thread userId={userId} role={role} conversation={conversation.data} />;
}

/** /inbox/:conversationId — one thread: the other side, the offer, the history and the message box. */
export function ThreadPage() {
  const { conversationId = '' } = useParams();
  const { user } = useSession();
  if (!user) return <PageLoader />;
  return <ThreadLoader key={conversationId} userId={user.id} role={user.role} id={conversationId} />;
}
