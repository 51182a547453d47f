import type { OfferStatus } from '@bextr/contracts';
import { Button, Divider, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useI18n } from '../../i18n/use-i18n.ts';
import { deliverableLine } from '../offers/OfferFacts.tsx';
import { AgreementFacts } from './CollaborationPage.tsx';
import { CollaborationStatusBadge } from './CollaborationStatusBadge.tsx';
import { collaborationPath } from './CollaborationsPage.tsx';
import { useThreadCollaboration } from './use-collaboration.ts';

/** In a thread's side panel, once its offer is accepted: the agreement in short and the way to the
 * collaboration page. Refreshed live with the collaboration. */
export function ThreadCollaboration({
  conversationId,
  offerStatus,
}: {
  conversationId: string;
  offerStatus: OfferStatus;
}) {
  const { m } = useI18n();
  const t = m.collaborations;
  const query = useThreadCollaboration(conversationId, offerStatus === 'accepted');
  const c = query.data;
  if (!c) return null;
  return (
    <>
      <Divider />
      <Stack gap="sm" aria-labelledby="thread-collaboration-title" component="section">
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <Title order={2} size="h4" id="thread-collaboration-title">
            {t.panel.title}
          </Title>
          <CollaborationStatusBadge status={c.status} />
        </Group>
        <Text size="sm">{t.progress(c.progress.approved, c.progress.total)}</Text>
        <AgreementFacts collaboration={c} compact />
        <div>
          <Text size="xs" c="dimmed">
            {t.panel.deliverables}
          </Text>
          {c.agreement.deliverables.map((d) => (
            <Text key={d.key} size="sm" fw={500}>
              {deliverableLine(m, d)}
            </Text>
          ))}
        </div>
        <Group>
          <Button component={Link} to={collaborationPath(c.id)} size="sm">
            {t.panel.open}
          </Button>
        </Group>
      </Stack>
    </>
  );
}
