import { Button, Group, Select, TextInput } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { useI18n } from '../../i18n/use-i18n.ts';

/** The part of a `useUrlFilterForm` these forms use: a `q` and a `status` filter (and maybe more). */
type SearchAndStatusForm = {
  values: { q: string; status: string };
  set: (key: 'q' | 'status') => (value: string | number | null) => void;
  submit: (event: FormEvent) => void;
  reset: () => void;
};

/**
 * An admin list's search form: the free-text search, any further filters (`children`), the status
 * filter ('' is any status), then Search (writes the URL) and Clear. Key it by the URL's search
 * params so that it starts over when they change.
 */
export function AdminSearchForm({
  form,
  query,
  queryPlaceholder,
  statuses,
  statusWidth,
  children,
}: {
  form: SearchAndStatusForm;
  query: string;
  queryPlaceholder: string;
  statuses: { value: string; label: string }[];
  statusWidth: number;
  children?: ReactNode;
}) {
  const { m } = useI18n();
  return (
    <form onSubmit={form.submit}>
      <Group align="flex-end" gap="sm" mb="lg" wrap="wrap">
        <TextInput
          label={query}
          placeholder={queryPlaceholder}
          value={form.values.q}
          onChange={(e) => form.set('q')(e.currentTarget.value)}
          style={{ flex: '1 1 16rem' }}
          type="search"
        />
        {children}
        <Select
          label={m.admin.common.status}
          data={[{ value: '', label: m.admin.common.anyStatus }, ...statuses]}
          value={form.values.status}
          onChange={form.set('status')}
          allowDeselect={false}
          w={{ base: '100%', xs: statusWidth }}
        />
        <Group gap="xs">
          <Button type="submit">{m.admin.common.search}</Button>
          <Button variant="default" onClick={form.reset}>
            {m.admin.common.clear}
          </Button>
        </Group>
      </Group>
    </form>
  );
}
