/** The react-query keys of reports: the parties' list and pages, the admins' queue and packs. */
export const reportKeys = {
  all: ['reports'] as const,
  mine: () => [...reportKeys.all, 'mine'] as const,
  one: (id: string) => [...reportKeys.all, 'one', id] as const,
  queue: (status: string, category: string) => [...reportKeys.all, 'queue', status, category] as const,
  pack: (id: string) => [...reportKeys.all, 'pack', id] as const,
};
