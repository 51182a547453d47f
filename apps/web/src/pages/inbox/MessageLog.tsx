import type { Conversation, ImageRef, Message, Offer } from '@bextr/contracts';
import { Button, Center, Divider, Group, Text, VisuallyHidden } from '@mantine/core';
import { useDocumentVisibility } from '@mantine/hooks';
import { type ReactNode, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { useErrorMessage } from '../../errors/use-error-message.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { type PendingMessage, usePendingMessages } from '../../threads/outbox.ts';
import { useMarkThreadRead, useMessages } from '../../threads/thread-queries.ts';
import { MessageText } from './MessageText.tsx';
import { dayKey, dayLabel, timeOf } from './when.ts';

/** One row of the history: the offer's pitch (the opening), a stored message, or one of mine on its way. */
type Item =
  | { kind: 'pitch'; key: string; own: boolean; createdAt: string; offer: Offer }
  | { kind: 'message'; key: string; own: boolean; createdAt: string; message: Message }
  | { kind: 'pending'; key: string; own: true; createdAt: string; pending: PendingMessage };

/** Within this many pixels of the end counts as "at the bottom". */
const BOTTOM_SLACK = 48;
/** How long the newest message must be in view before the read marker moves. */
const READ_DELAY_MS = 400;
/** A failed read marker is posted again after this, doubling up to the cap. */
const READ_RETRY_MS = 2_000;
const READ_RETRY_MAX_MS = 60_000;
/** How much of a new message the screen reader announcement reads out. */
const ANNOUNCE_CHARS = 100;

// Mine keep one key from "sending" to stored (the client id), so the row is not announced twice.
const keyOf = (message: Message, own: boolean) => (own ? `c:${message.clientId}` : `m:${message.id}`);

function Attachments({ images }: { images: ImageRef[] }) {
  const { m } = useI18n();
  if (images.length === 0) return null;
  return (
    <div className="thread-attachments">
      {images.map((image, i) => (
        <a key={image.id} href={image.url} target="_blank" rel="noopener noreferrer">
          <img src={image.thumbUrl} alt={m.inbox.thread.attachment(i + 1, images.length)} loading="lazy" />
        </a>
      ))}
    </div>
  );
}

function Row({
  item,
  who,
  meta,
  rowRef,
}: {
  item: Item;
  who: string;
  meta: ReactNode;
  rowRef?: ((el: HTMLLIElement | null) => void) | undefined;
}) {
  const { m } = useI18n();
  const state = item.kind === 'pending' ? item.pending.state : undefined;
  let content: ReactNode;
  if (item.kind === 'pitch') {
    content = (
      <div className="thread-bubble thread-pitch">
        <Text size="xs" fw={700} tt="uppercase" c="dimmed" mb={4}>
          {m.inbox.thread.pitchTitle}
        </Text>
        <MessageText text={item.offer.pitch} />
      </div>
    );
  } else {
    const { body, attachments } = item.kind === 'message' ? item.message : item.pending;
    content = (
      <div className="thread-bubble">
        {body ? <MessageText text={body} /> : null}
        <Attachments images={attachments} />
      </div>
    );
  }
  return (
    <li className="thread-message" data-own={item.own || undefined} data-state={state} ref={rowRef}>
      <VisuallyHidden>{who}:</VisuallyHidden>
      {content}
      <div className="thread-meta">{meta}</div>
    </li>
  );
}

/** The history of a thread, oldest at the top: older pages load when the top comes into view (or by
 * the button), keeping the scroll position; new messages scroll into view when the reader is at the
 * bottom, else a "new messages" pill appears. Seeing the other side's newest message moves my read
 * marker; "Seen" marks my newest message the other side has read. */
export function MessageLog({
  userId,
  conversation,
  offer,
  onRetry,
  onDiscard,
}: {
  userId: string;
  conversation: Conversation;
  offer: Offer | undefined;
  onRetry: (message: PendingMessage) => void;
  onDiscard: (clientId: string) => void;
}) {
  const { m, locale } = useI18n();
  const t = m.inbox.thread;
  const describe = useErrorMessage();
  const messages = useMessages(userId, conversation.id);
  const pending = usePendingMessages(conversation.id);
  const markRead = useMarkThreadRead(userId, conversation.id);
  const otherName = conversation.otherParty.name;

  const stored = useMemo(() => {
    const seen = new Set<string>();
    const list: Message[] = [];
    for (const page of messages.data?.pages ?? []) {
      for (const message of page.items) {
        if (seen.has(message.id)) continue;
        seen.add(message.id);
        list.push(message);
      }
    }
    return list.reverse();
  }, [messages.data]);

  const items = useMemo(() => {
    const list: Item[] = [];
    if (offer && messages.data && !messages.hasNextPage) {
      const own = offer.influencer.id === userId;
      list.push({ kind: 'pitch', key: 'pitch', own, createdAt: offer.createdAt, offer });
    }
    const storedClientIds = new Set<string>();
    for (const message of stored) {
      const own = message.senderId === userId;
      if (own) storedClientIds.add(message.clientId);
      list.push({ kind: 'message', key: keyOf(message, own), own, createdAt: message.createdAt, message });
    }
    for (const p of pending) {
      if (storedClientIds.has(p.clientId)) continue;
      list.push({ kind: 'pending', key: `c:${p.clientId}`, own: true, createdAt: p.createdAt, pending: p });
    }
    return list;
  }, [offer, messages.data, messages.hasNextPage, stored, pending, userId]);

  const groups = useMemo(() => {
    const out: { key: string; label: string; items: Item[] }[] = [];
    for (const item of items) {
      const key = dayKey(item.createdAt);
      const group = out.at(-1);
      if (group && group.key === key) group.items.push(item);
      else out.push({ key, label: dayLabel(m, locale, item.createdAt), items: [item] });
    }
    return out;
  }, [items, m, locale]);

  // "Seen" goes under my newest message at or before the other side's read marker; "Sent" under my
  // newest stored message when it is not seen yet.
  const { seenKey, sentKey } = useMemo(() => {
    const readAt = conversation.otherReadUpTo
      ? stored.findIndex((msg) => msg.id === conversation.otherReadUpTo)
      : -1;
    let seen: string | null = null;
    for (let i = readAt; i >= 0; i--) {
      const msg = stored[i];
      if (msg && msg.senderId === userId) {
        seen = keyOf(msg, true);
        break;
      }
    }
    const newestOwn = stored.findLast((msg) => msg.senderId === userId);
    const sent = newestOwn && keyOf(newestOwn, true) !== seen ? keyOf(newestOwn, true) : null;
    return { seenKey: seen, sentKey: sent };
  }, [stored, conversation.otherReadUpTo, userId]);

  const lastOther = useMemo(() => stored.findLast((msg) => msg.senderId !== userId), [stored, userId]);

  // ── The thread's last message missing from the history (a live event lost in a drop, a gap in a
  // replay): the history is fetched again, once per such message.
  const lastMessageId = conversation.lastMessage?.id;
  const refetchedFor = useRef<string | null>(null);
  const { refetch: refetchMessages } = messages;
  const canCheck = messages.isSuccess && !messages.isFetching;
  useEffect(() => {
    if (!lastMessageId || !canCheck || refetchedFor.current === lastMessageId) return;
    if (stored.some((msg) => msg.id === lastMessageId)) return;
    refetchedFor.current = lastMessageId;
    void refetchMessages();
  }, [lastMessageId, canCheck, stored, refetchMessages]);

  // ── New messages from the other side are announced through a status region of their own; the
  // history itself is not live (loading older pages would be read out).
  const [announcement, setAnnouncement] = useState('');
  const announcedFor = useRef<string | null | undefined>(undefined);
  useEffect(() => {
    if (!messages.isSuccess) return;
    const id = lastOther?.id ?? null;
    // The first load sets the baseline; only what arrives after it is news.
    if (announcedFor.current === undefined) {
      announcedFor.current = id;
      return;
    }
    if (!lastOther || id === announcedFor.current) return;
    announcedFor.current = id;
    const text = lastOther.body.trim()
      ? lastOther.body.trim().slice(0, ANNOUNCE_CHARS)
      : m.inbox.list.images(lastOther.attachments.length);
    setAnnouncement(t.newMessageFrom(otherName, text));
  }, [lastOther, messages.isSuccess, m, t, otherName]);

  // ── Scrolling
  const logRef = useRef<HTMLDivElement>(null);
  const sentinelRef = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const initialised = useRef(false);
  const restore = useRef<{ height: number; top: number } | null>(null);
  const lastKeyRef = useRef<string | undefined>(undefined);
  const [pill, setPill] = useState(false);
  const pageCount = messages.data?.pages.length ?? 0;
  const last = items.at(-1);

  const scrollToBottom = useCallback(() => {
    const el = logRef.current;
    if (el) el.scrollTop = el.scrollHeight;
    atBottom.current = true;
    setPill(false);
  }, []);

  // Older messages were put above: keep what the reader looked at where it was.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when a page of older messages arrives
  useLayoutEffect(() => {
    const el = logRef.current;
    if (!el || !restore.current) return;
    el.scrollTop = el.scrollHeight - restore.current.height + restore.current.top;
    restore.current = null;
  }, [pageCount]);

  // The first load starts at the bottom; a new newest row follows when the reader was there.
  useLayoutEffect(() => {
    if (!last || !messages.data) return;
    if (!initialised.current) {
      initialised.current = true;
      lastKeyRef.current = last.key;
      scrollToBottom();
      return;
    }
    if (last.key === lastKeyRef.current) {
      // Something else changed (the pitch came in above, a message was confirmed): stay at the bottom.
      if (atBottom.current && !restore.current) scrollToBottom();
      return;
    }
    lastKeyRef.current = last.key;
    if (atBottom.current || last.own) scrollToBottom();
    else setPill(true);
  }, [last, messages.data, scrollToBottom]);

  const onScroll = () => {
    const el = logRef.current;
    if (!el) return;
    atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < BOTTOM_SLACK;
    if (atBottom.current && pill) setPill(false);
  };

  const { hasNextPage, isFetchingNextPage, fetchNextPage } = messages;
  const loadOlder = useCallback(async () => {
    const el = logRef.current;
    if (!el || !hasNextPage || isFetchingNextPage) return;
    restore.current = { height: el.scrollHeight, top: el.scrollTop };
    await fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  // The top of the history in view loads the page before it.
  useEffect(() => {
    const root = logRef.current;
    const target = sentinelRef.current;
    if (!root || !target || !hasNextPage || isFetchingNextPage) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (initialised.current && entries.some((e) => e.isIntersecting)) void loadOlder();
      },
      { root, rootMargin: '150px 0px 0px 0px' },
    );
    observer.observe(target);
    return () => observer.disconnect();
  }, [hasNextPage, isFetchingNextPage, loadOlder]);

  // ── Read marker: the other side's newest message in view while the tab is visible.
  const lastOtherEl = useRef<HTMLLIElement | null>(null);
  const [lastOtherInView, setLastOtherInView] = useState(false);
  const tabVisible = useDocumentVisibility() === 'visible';
  const posted = useRef<string | null>(null);
  const lastOtherKey = lastOther ? keyOf(lastOther, false) : null;
  // A failed post is tried again: after a growing wait, and when the browser is back online, the tab
  // is shown again or the window takes the focus (each bumps `readAttempt`, which re-runs the post).
  const [readAttempt, setReadAttempt] = useState(0);
  const readFailures = useRef(0);
  const readRetryTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    const again = () => {
      if (readFailures.current === 0) return;
      clearTimeout(readRetryTimer.current);
      setReadAttempt((n) => n + 1);
    };
    const onVisibility = () => {
      if (document.visibilityState === 'visible') again();
    };
    window.addEventListener('online', again);
    window.addEventListener('focus', again);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('online', again);
      window.removeEventListener('focus', again);
      document.removeEventListener('visibilitychange', onVisibility);
      clearTimeout(readRetryTimer.current);
    };
  }, []);

  useEffect(() => {
    const root = logRef.current;
    const target = lastOtherEl.current;
    setLastOtherInView(false);
    if (!root || !target || !lastOtherKey) return;
    const observer = new IntersectionObserver(
      (entries) => setLastOtherInView(entries.some((e) => e.isIntersecting)),
      { root },
    );
    observer.observe(target);
    return () => observer.disconnect();
  }, [lastOtherKey]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: readAttempt re-runs the post after a failure
  useEffect(() => {
    if (!lastOther || !lastOtherInView || !tabVisible || conversation.unreadCount === 0) return;
    if (posted.current === lastOther.id) return;
    const upTo = lastOther.id;
    const timer = setTimeout(() => {
      posted.current = upTo;
      clearTimeout(readRetryTimer.current);
      markRead(upTo).then(
        () => {
          readFailures.current = 0;
        },
        () => {
          if (posted.current === upTo) posted.current = null;
          const wait = Math.min(READ_RETRY_MS * 2 ** readFailures.current, READ_RETRY_MAX_MS);
          readFailures.current += 1;
          clearTimeout(readRetryTimer.current);
          readRetryTimer.current = setTimeout(() => setReadAttempt((n) => n + 1), wait);
        },
      );
    }, READ_DELAY_MS);
    return () => clearTimeout(timer);
  }, [lastOther, lastOtherInView, tabVisible, conversation.unreadCount, markRead, readAttempt]);

  const metaOf = (item: Item): ReactNode => {
    const time = <time dateTime={item.createdAt}>{timeOf(locale, item.createdAt)}</time>;
    if (item.kind === 'pending') {
      if (item.pending.state === 'sending') {
        return (
          <>
            {time} · {t.sending}
          </>
        );
      }
      return (
        <Group gap={6} wrap="wrap" justify="flex-end" role="alert">
          <Text span size="xs" c="red.8" fw={600}>
            {t.notSent} {describe(item.pending.error)}
          </Text>
          <Button size="compact-xs" variant="light" onClick={() => onRetry(item.pending)}>
            {t.retry}
          </Button>
          <Button
            size="compact-xs"
            variant="subtle"
            color="gray"
            onClick={() => onDiscard(item.pending.clientId)}
          >
            {t.discard}
          </Button>
        </Group>
      );
    }
    if (item.key === seenKey) {
      return (
        <>
          {time} · <strong>{t.seen}</strong>
        </>
      );
    }
    if (item.key === sentKey) {
      return (
        <>
          {time} · {t.sent}
        </>
      );
    }
    return time;
  };

  let body: ReactNode;
  if (messages.isPending) body = <PageLoader />;
  // A failed background refresh keeps what is shown; only a first load that failed shows the error.
  else if (messages.isError && !messages.data) {
    body = <ErrorState error={messages.error} onRetry={() => void messages.refetch()} />;
  } else {
    body = (
      <>
        {hasNextPage ? (
          <Center ref={sentinelRef} py="xs">
            <Button
              variant="subtle"
              size="xs"
              loading={isFetchingNextPage}
              onClick={() => {
                void loadOlder().then(() => {
                  if (document.activeElement === document.body) logRef.current?.focus();
                });
              }}
            >
              {t.loadEarlier}
            </Button>
          </Center>
        ) : null}
        {groups.map((group) => (
          <div key={group.key}>
            <Divider
              my="sm"
              label={group.label}
              labelPosition="center"
              styles={{ label: { color: 'var(--mantine-color-dimmed)' } }}
            />
            <ul className="thread-day">
              {group.items.map((item) => (
                <Row
                  key={item.key}
                  item={item}
                  who={item.own ? t.you : otherName}
                  meta={metaOf(item)}
                  rowRef={
                    item.key === lastOtherKey
                      ? (el) => {
                          lastOtherEl.current = el;
                        }
                      : undefined
                  }
                />
              ))}
            </ul>
          </div>
        ))}
      </>
    );
  }

  return (
    <div className="thread-log-frame">
      <div
        ref={logRef}
        className="thread-log"
        role="log"
        // New messages are announced by the status below, not the whole history as it loads.
        aria-live="off"
        aria-label={t.logLabel(otherName)}
        aria-busy={messages.isPending || isFetchingNextPage || undefined}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling log must take the focus to scroll by keyboard
        tabIndex={0}
        onScroll={onScroll}
      >
        {body}
      </div>
      <VisuallyHidden role="status">{announcement}</VisuallyHidden>
      {pill ? (
        <Button className="thread-new-pill" size="xs" radius="xl" onClick={scrollToBottom}>
          {t.newMessages}
        </Button>
      ) : null}
    </div>
  );
}
