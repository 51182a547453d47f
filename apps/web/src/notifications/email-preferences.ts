import type { EmailKind, NotificationPreferences, Role } from '@bextr/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/index.ts';

export type EmailKindGroup = 'offers' | 'invitations' | 'collaborations' | 'messages' | 'reviews';

/** The e-mails that concern each role, grouped as the settings show them: a business hears about
 * offers on its campaigns, an influencer about decisions on its offers and invitations; everyone
 * about unread messages. */
const groupsByRole: Record<Role, readonly { group: EmailKindGroup; kinds: readonly EmailKind[] }[]> = {
  business: [
    { group: 'offers', kinds: ['offer_received', 'offer_withdrawn'] },
    {
      group: 'collaborations',
      kinds: [
        'deliverable_submitted',
        'amendment_proposed',
        'amendment_accepted',
        'amendment_declined',
        'cancel_requested',
        'collaboration_cancelled',
        'collaboration_completed',
      ],
    },
    { group: 'reviews', kinds: ['review_received'] },
    { group: 'messages', kinds: ['new_messages'] },
  ],
  influencer: [
    { group: 'offers', kinds: ['offer_shortlisted', 'offer_accepted', 'offer_rejected', 'offer_expired'] },
    { group: 'invitations', kinds: ['invitation_received'] },
    {
      group: 'collaborations',
      kinds: [
        'deliverable_approved',
        'deliverable_changes_requested',
        'amendment_proposed',
        'amendment_accepted',
        'amendment_declined',
        'cancel_requested',
        'collaboration_cancelled',
        'collaboration_completed',
      ],
    },
    { group: 'reviews', kinds: ['review_received'] },
    { group: 'messages', kinds: ['new_messages'] },
  ],
  admin: [{ group: 'messages', kinds: ['new_messages'] }],
};

export function emailKindGroups(role: Role) {
  return groupsByRole[role];
}

/** Every cached preference query starts with this key. */
export const preferencesRootKey = ['notification-preferences'] as const;
const preferencesKey = (userId: string) => [...preferencesRootKey, userId] as const;
const saveKey = [...preferencesRootKey, 'save'] as const;

/** The signed-in user's e-mail preferences (`email[kind]` true = sent). */
export function useEmailPreferences(userId: string) {
  return useQuery({
    queryKey: preferencesKey(userId),
    queryFn: ({ signal }) => api.threads.preferences(signal),
  });
}

/** Saves one switch at once. The switch moves before the server answers and moves back when the
 * save fails; only the last of several quick toggles refetches, so an earlier answer never flips
 * a later switch back for a moment. */
export function useSaveEmailPreference(userId: string) {
  const queryClient = useQueryClient();
  const key = preferencesKey(userId);
  const set = (kind: EmailKind, on: boolean) =>
    queryClient.setQueryData<NotificationPreferences>(key, (old) =>
      old ? { email: { ...old.email, [kind]: on } } : old,
    );
  return useMutation({
    mutationKey: saveKey,
    mutationFn: ({ kind, on }: { kind: EmailKind; on: boolean }) =>
      api.threads.savePreferences({ email: { [kind]: on } }),
    onMutate: async ({ kind, on }) => {
      await queryClient.cancelQueries({ queryKey: key });
      set(kind, on);
    },
    onError: (_error, { kind, on }) => set(kind, !on),
    onSettled: () => {
      if (queryClient.isMutating({ mutationKey: saveKey }) === 1) {
        return queryClient.invalidateQueries({ queryKey: key });
      }
      return undefined;
    },
  });
}
