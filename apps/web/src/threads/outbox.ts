import type { ImageRef } from '@bextr/contracts';
import { useSyncExternalStore } from 'react';

/** A message written in this tab that the server has not confirmed yet. */
export interface PendingMessage {
  /** Made once per message; a retry sends the same one, so the server stores it once. */
  clientId: string;
  conversationId: string;
  body: string;
  attachments: ImageRef[];
  createdAt: string;
  state: 'sending' | 'failed';
  error: unknown;
}

/** The unconfirmed messages of every thread, outside react-query so that no refetch or
 * invalidation can drop them; they outlive the thread page while their request runs. */
const pending = new Map<string, PendingMessage[]>();
const listeners = new Set<() => void>();
const EMPTY: PendingMessage[] = [];

function emit() {
  for (const listener of listeners) listener();
}

function update(conversationId: string, change: (list: PendingMessage[]) => PendingMessage[]) {
  const next = change(pending.get(conversationId) ?? EMPTY);
  if (next.length === 0) pending.delete(conversationId);
  else pending.set(conversationId, next);
  emit();
}

export const outbox = {
  add(message: PendingMessage) {
    update(message.conversationId, (list) => [...list, message]);
  },
  setState(conversationId: string, clientId: string, state: PendingMessage['state'], error: unknown = null) {
    update(conversationId, (list) => list.map((m) => (m.clientId === clientId ? { ...m, state, error } : m)));
  },
  remove(conversationId: string, clientId: string) {
    if (!pending.get(conversationId)?.some((m) => m.clientId === clientId)) return;
    update(conversationId, (list) => list.filter((m) => m.clientId !== clientId));
  },
  clear() {
    pending.clear();
    emit();
  },
};

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The unconfirmed messages of one thread, oldest first. */
export function usePendingMessages(conversationId: string) {
  return useSyncExternalStore(subscribe, () => pending.get(conversationId) ?? EMPTY);
}

/** A fresh client id: 32 hex digits (matches the contract's /^[A-Za-z0-9_-]{8,64}$/). */
export function newClientId() {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID().replaceAll('-', '');
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
