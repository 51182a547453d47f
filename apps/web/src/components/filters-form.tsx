import { Button, Group, Paper, Select, type SelectProps, SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import type { useUrlFilterForm } from './use-url-filters.ts';

/** What `useUrlFilterForm` returns, for the given filter keys. */
type FilterForm<K extends string> = ReturnType<typeof useUrlFilterForm<K>>;

/**
 * A filter page's search form: the free-text search (the `q` key), the filter fields in a grid,
 * then Apply (writes the URL) and Reset (clears it).
 */
export function FiltersForm<K extends string>({
  form,
  labels,
  children,
}: {
  form: FilterForm<K | 'q'>;
  labels: { filters: string; search: string; searchPlaceholder: string; apply: string; reset: string };
  children: ReactNode;
}) {
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="form"
      role="search"
      aria-label={labels.filters}
      onSubmit={form.submit}
    >
      <Stack gap="sm">
        <TextInput
          label={labels.search}
          placeholder={labels.searchPlaceholder}
          type="search"
          value={form.values.q}
          onChange={(e) => form.set('q')(e.currentTarget.value)}
        />
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
          {children}
        </SimpleGrid>
        <Group>
          <Button type="submit">{labels.apply}</Button>
          <Button variant="default" onClick={form.reset}>
            {labels.reset}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** A clearable Select bound to one URL filter; empty means "any" (say so in the placeholder). */
export function FilterSelect<K extends string>({
  filters,
  name,
  ...props
}: { filters: FilterForm<K>; name: NoInfer<K> } & Omit<SelectProps, 'value' | 'onChange' | 'clearable'>) {
  return <Select {...props} clearable value={filters.values[name] || null} onChange={filters.set(name)} />;
}
