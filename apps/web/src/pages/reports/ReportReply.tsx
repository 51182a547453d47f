import { REPORT_MESSAGE_MAX, type ReportAudience, reportAudiences } from '@bextr/contracts';
import { Button, Group, Select, Stack, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useSubmitKey } from '../../api/idempotency.ts';
import { api, isApiError } from '../../api/index.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { useNotify } from '../../components/use-notify.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { reportKeys } from './report-queries.ts';

/** The message box under a report: a party writes to the team; an admin (`admin`) chooses who
 * reads it. */
export function ReportReply({ reportId, admin = false }: { reportId: string; admin?: boolean }) {
  const { m } = useI18n();
  const t = m.reports;
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [body, setBody] = useState('');
  const [audience, setAudience] = useState<ReportAudience>('all');
  const submitKey = useSubmitKey();
  const send = useMutation({
    mutationFn: () =>
      api.reports.message(reportId, { body, ...(admin ? { visibleTo: audience } : {}) }, submitKey.key()),
    onSuccess: async () => {
      submitKey.renew();
      setBody('');
      notify(admin ? t.admin.sent : t.page.sent);
      await queryClient.invalidateQueries({ queryKey: reportKeys.all });
    },
  });
  const bodyError = isApiError(send.error)
    ? send.error.fields.find((f) => f.path === 'body')?.message
    : undefined;
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        send.mutate();
      }}
      noValidate
    >
      <Stack gap="sm">
        {admin ? (
          <Select
            label={t.admin.audienceLabel}
            data={reportAudiences.map((a) => ({
              value: a,
              label: t.admin.audience[a],
            }))}
            value={audience}
            onChange={(value) => setAudience((value as ReportAudience | null) ?? 'all')}
            allowDeselect={false}
            maw={320}
          />
        ) : null}
        <Textarea
          label={admin ? t.admin.compose : t.page.reply}
          value={body}
          onChange={(event) => setBody(event.currentTarget.value)}
          error={bodyError}
          autosize
          minRows={3}
          maxRows={10}
          maxLength={REPORT_MESSAGE_MAX}
          required
        />
        {send.error && !bodyError ? <FormAlert error={send.error} /> : null}
        <Group>
          <Button type="submit" loading={send.isPending} disabled={body.trim().length === 0}>
            {admin ? t.admin.send : t.page.send}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
