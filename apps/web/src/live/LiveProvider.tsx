import { useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';
import { sessionQueryKey, useSession } from '../session/use-session.ts';
import { outbox } from '../threads/outbox.ts';
import { applyLiveEvent, resyncAfterDrop } from './apply-event.ts';
import { type LiveStatus, openEventStream } from './event-stream.ts';

/** `off` for a visitor (no stream). */
const LiveStatusContext = createContext<LiveStatus | 'off'>('off');

/** One live stream per signed-in tab, opened for the signed-in user and closed when they sign out
 * or another account signs in; its events update the query caches. */
function LiveStream({ userId, onStatus }: { userId: string; onStatus: (status: LiveStatus) => void }) {
  const queryClient = useQueryClient();
  useEffect(() => {
    const close = openEventStream({
      userId,
      onEvent: (event, meta) => applyLiveEvent(queryClient, userId, event, meta),
      onStatus,
      // After a drop everything may be stale; on the first connection, what loaded before it listened.
      onReconnected: ({ first }) =>
        resyncAfterDrop(queryClient, userId, first ? { fetchedBefore: Date.now() } : {}),
      // Refused: perhaps the session ended (signed out elsewhere, password changed): ask again who
      // is signed in; a visitor's app closes the stream instead of retrying it.
      onRefused: () => void queryClient.invalidateQueries({ queryKey: sessionQueryKey }),
    });
    return () => {
      close();
      outbox.clear();
    };
  }, [queryClient, userId, onStatus]);
  return null;
}

/** Keeps the live stream of the signed-in user open and tells the UI how it stands. */
export function LiveProvider({ children }: { children: ReactNode }) {
  const { user } = useSession();
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const userId = user?.id;
  return (
    <LiveStatusContext value={userId ? status : 'off'}>
      {userId ? <LiveStream key={userId} userId={userId} onStatus={setStatus} /> : null}
      {children}
    </LiveStatusContext>
  );
}

/** The live stream's state: `reconnecting` while it is down (for a quiet "reconnecting…" note). */
export function useLiveStatus() {
  return useContext(LiveStatusContext);
}
