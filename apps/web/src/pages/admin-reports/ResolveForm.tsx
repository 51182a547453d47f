import { REPORT_NOTE_MAX, type ReportOutcome, reportOutcomes } from '@bextr/contracts';
import { Button, Group, Modal, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { hashKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, isApiError } from '../../api/index.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { useNotify } from '../../components/use-notify.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { reportKeys } from '../reports/report-queries.ts';

/** The admin's decision on an open report: an outcome and a note both parties see; a suspension
 * asks for confirmation first. */
export function ResolveForm({ reportId, againstName }: { reportId: string; againstName: string }) {
  const { m } = useI18n();
  const t = m.reports.admin;
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [outcome, setOutcome] = useState<ReportOutcome | ''>('');
  const [note, setNote] = useState('');
  const [confirming, { open, close }] = useDisclosure(false);
  const resolve = useMutation({
    mutationFn: () => api.reports.resolve(reportId, { outcome: outcome as ReportOutcome, note }),
    onSuccess: async (pack) => {
      close();
      notify(t.resolved);
      const packKey = reportKeys.pack(reportId);
      queryClient.setQueryData(packKey, pack);
      // The queue, and every admin view a suspension or warning changed (the user, the lists, stats);
      // not the pack just set from the answer.
      await Promise.all([
        queryClient.invalidateQueries({
          queryKey: reportKeys.all,
          predicate: (q) => q.queryHash !== hashKey(packKey),
        }),
        queryClient.invalidateQueries({ queryKey: ['admin'] }),
      ]);
    },
    onError: () => close(),
  });
  const fieldError = (path: string) =>
    isApiError(resolve.error) ? resolve.error.fields.find((f) => f.path === path)?.message : undefined;
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (outcome === 'suspension') open();
        else resolve.mutate();
      }}
      noValidate
    >
      <Stack gap="md">
        <Radio.Group
          label={t.outcome}
          value={outcome}
          onChange={(value) => setOutcome(value as ReportOutcome)}
          error={fieldError('outcome')}
          required
        >
          <Stack gap="xs" mt="xs">
            {reportOutcomes.map((o) => (
              <Radio key={o} value={o} label={m.reports.outcomes[o]} description={t.outcomeHints[o]} />
            ))}
          </Stack>
        </Radio.Group>
        <Textarea
          label={t.note}
          description={t.noteHint}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          error={fieldError('note')}
          required
          autosize
          minRows={3}
          maxLength={REPORT_NOTE_MAX}
        />
        {resolve.error && !(isApiError(resolve.error) && resolve.error.fields.length > 0) ? (
          <FormAlert error={resolve.error} />
        ) : null}
        <Group>
          <Button
            type="submit"
            color={outcome === 'suspension' ? 'red.9' : undefined}
            loading={resolve.isPending && !confirming}
          >
            {t.submit}
          </Button>
        </Group>
      </Stack>
      <Modal
        opened={confirming}
        onClose={close}
        title={t.confirmTitle}
        closeButtonProps={{ 'aria-label': m.common.close }}
        centered
      >
        <Stack gap="md">
          <Text size="sm">{t.confirmText(againstName)}</Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close} data-autofocus>
              {t.keep}
            </Button>
            <Button color="red.9" loading={resolve.isPending} onClick={() => resolve.mutate()}>
              {t.confirm}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </form>
  );
}
