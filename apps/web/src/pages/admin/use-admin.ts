import type { AdminCampaignListQuery, AdminUserListQuery, AuditLogQuery } from '@bextr/contracts';
import { hashKey, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/index.ts';
import { useCursorPages } from '../../components/use-cursor-pages.ts';
import { reportKeys } from '../reports/report-queries.ts';

/** Every cached admin query starts with this key: an action refetches them all. */
const root = ['admin'] as const;

export function useAdminUsers(filters: Partial<AdminUserListQuery>) {
  return useCursorPages([...root, 'users', filters], (cursor, signal) =>
    api.admin.users({ ...filters, cursor }, signal),
  );
}

export function useAdminUser(id: string) {
  return useQuery({ queryKey: [...root, 'user', id], queryFn: ({ signal }) => api.admin.user(id, signal) });
}

export function useAdminCampaigns(filters: Partial<AdminCampaignListQuery>) {
  return useCursorPages([...root, 'campaigns', filters], (cursor, signal) =>
    api.admin.campaigns({ ...filters, cursor }, signal),
  );
}

export function useAuditLog(filters: Partial<AuditLogQuery>) {
  return useCursorPages([...root, 'audit', filters], (cursor, signal) =>
    api.admin.auditLog({ ...filters, cursor }, signal),
  );
}

export function useAdminStats() {
  return useQuery({ queryKey: [...root, 'stats'], queryFn: ({ signal }) => api.admin.stats(signal) });
}

export type UserAction = 'warn' | 'suspend' | 'reinstate';

/** Warn, suspend or reinstate an account; every admin list (and the reports) is fetched again afterwards. */
export function useUserAction(userId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ action, text }: { action: UserAction; text: string }) =>
      action === 'warn'
        ? api.admin.warn(userId, text)
        : action === 'suspend'
          ? api.admin.suspend(userId, text)
          : api.admin.reinstate(userId, text),
    onSuccess: (data) => {
      const userKey = [...root, 'user', userId];
      queryClient.setQueryData(userKey, data);
      // Every admin view but the user just set from the answer; reports show the party's status.
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: root, predicate: (q) => q.queryHash !== hashKey(userKey) }),
        queryClient.invalidateQueries({ queryKey: reportKeys.all }),
      ]);
    },
  });
}

export function useUnpublish() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) => api.admin.unpublish(id, reason),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: root }),
        queryClient.invalidateQueries({ queryKey: reportKeys.all }),
      ]),
  });
}
