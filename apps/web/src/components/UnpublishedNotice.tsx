import type { Campaign } from '@bextr/contracts';
import { Alert, Text } from '@mantine/core';
import { useI18n } from '../i18n/use-i18n.ts';

/** What the business reads on a campaign the BeXtr team unpublished: when, why, and that it must
 * save an edit before resuming (or that it may resume now). `compact` for a row of a list (its Edit
 * button sits right below). */
export function UnpublishedNotice({
  campaign,
  compact = false,
}: {
  campaign: Pick<Campaign, 'unpublished'>;
  compact?: boolean;
}) {
  const { m, format } = useI18n();
  const t = m.admin.unpublishedNotice;
  const info = campaign.unpublished;
  if (!info) return null;
  return (
    <Alert
      color="red"
      variant="light"
      title={`${t.title} (${format.date(info.at)})`}
      p={compact ? 'xs' : undefined}
    >
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {t.reason(info.reason)}
      </Text>
      <Text size="sm" mt={4}>
        {info.editRequired ? t.editFirst : t.canResume}
      </Text>
    </Alert>
  );
}
