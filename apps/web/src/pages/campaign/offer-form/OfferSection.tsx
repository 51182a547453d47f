import { type Campaign, type Offer, offerRefusalSchema, type User } from '@bextr/contracts';
import { Anchor, Blockquote, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { ApiError } from '../../../api/index.ts';
import { FormAlert } from '../../../components/FormAlert.tsx';
import { OfferStatusBadge } from '../../../components/OfferStatusBadge.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import type { Messages } from '../../../i18n/catalogues.ts';
import { useI18n } from '../../../i18n/use-i18n.ts';
import { sessionQueryKey } from '../../../session/use-session.ts';
import { ResendStatus } from '../../dashboard/ResendStatus.tsx';
import { useResendVerification } from '../../dashboard/use-resend-verification.ts';
import { myProfileKey, useMyProfile } from '../../my-profile/use-my-profile.ts';
import { OfferFacts } from '../../offers/OfferFacts.tsx';
import { offerKeys, useLiveOfferOn, useMyInvitation } from '../../offers/offer-queries.ts';
import { campaignKey } from '../use-campaign.ts';
import { OfferForm } from './OfferForm.tsx';
import { invitationIdFrom } from './offer-values.ts';

const TITLE_ID = 'offer-section-title';

/** The section's frame: a heading (focused when `focusTitle`, so that a screen reader hears the
 * outcome of a send) and its content. */
function Panel({
  title,
  children,
  tone,
  focusTitle = false,
}: {
  title: string;
  children: ReactNode;
  tone?: 'success' | undefined;
  focusTitle?: boolean;
}) {
  const titleRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusTitle) titleRef.current?.focus();
  }, [focusTitle]);
  return (
    <Paper
      component="section"
      id="offer"
      withBorder
      p={{ base: 'md', sm: 'lg' }}
      radius="md"
      aria-labelledby={TITLE_ID}
      bg={tone === 'success' ? 'var(--mantine-color-teal-light)' : undefined}
    >
      <Title order={2} size="h3" id={TITLE_ID} mb="sm" ref={titleRef} tabIndex={-1}>
        {title}
      </Title>
      <Stack gap="md">{children}</Stack>
    </Paper>
  );
}

function MyOffersLink({ offer }: { offer?: Offer | null | undefined }) {
  const { m } = useI18n();
  return (
    <Group>
      <Button component={Link} to="/offers" variant="default">
        {m.offers.campaignPage.viewMyOffers}
      </Button>
      {offer ? (
        <Button component={Link} to={`/inbox/${encodeURIComponent(offer.conversationId)}`} variant="light">
          {m.inbox.messagesLink}
        </Button>
      ) : null}
    </Group>
  );
}

/** The status of the offer just sent or found live on this campaign. */
function OfferStatusLine({ offer }: { offer: Offer }) {
  const { m } = useI18n();
  return (
    <Group gap={6} wrap="nowrap">
      <Text fw={500}>{m.offers.campaignPage.status}:</Text>
      <OfferStatusBadge status={offer.status} />
    </Group>
  );
}

const todayIso = () => {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
};

/** Why a campaign does not take offers, from what the page knows about it. */
function closedReason(
  campaign: Campaign,
  m: Messages,
  formatDate: (d: string) => string,
  refusal: ApiError | null,
) {
  const t = m.offers.campaignPage.closedReasons;
  if (refusal?.code === 'CAMPAIGN_FULL') return t.full;
  if (campaign.status === 'closed') return t.closed;
  if (campaign.status === 'paused') return t.paused;
  if (campaign.status === 'draft') return t.draft;
  if (campaign.slots !== null && campaign.slotsFilled >= campaign.slots) return t.full;
  if (campaign.applicationDeadline && campaign.applicationDeadline < todayIso())
    return t.deadline(formatDate(campaign.applicationDeadline));
  return t.other;
}

/** What an influencer still lacks to send offers, with the way to fix each. */
function NotReady({
  missing,
  user,
  focusTitle,
}: {
  missing: readonly string[];
  user: User;
  /** After a refused send the form is gone: the panel's heading takes the focus. */
  focusTitle: boolean;
}) {
  const { m } = useI18n();
  const t = m.offers.campaignPage;
  const items = m.influencers.completeness.items;
  const resend = useResendVerification();
  const needsEmail = missing.includes('email_verified');
  const needsProfile = missing.some((item) => item !== 'email_verified');
  return (
    <Panel title={t.notReadyTitle} focusTitle={focusTitle}>
      <div>
        <Text>{t.notReadyLead}</Text>
        <List mt="xs" data-testid="offer-missing-list">
          {missing.map((item) => (
            <List.Item key={item}>{items[item] ?? item}</List.Item>
          ))}
        </List>
      </div>
      <Group gap="sm" wrap="wrap">
        {needsProfile ? (
          <Button component={Link} to="/profile">
            {t.completeProfile}
          </Button>
        ) : null}
        {needsEmail && !user.emailVerified ? (
          <Button variant="default" onClick={() => resend.mutate()} loading={resend.isPending}>
            {m.dashboard.resend}
          </Button>
        ) : null}
      </Group>
      <ResendStatus resend={resend} />
    </Panel>
  );
}

/** The invitation the influencer is answering, when it came with the link. */
function InvitationNote({ invitationId }: { invitationId: string }) {
  const { m } = useI18n();
  const t = m.offers.form;
  const invitation = useMyInvitation(invitationId);
  if (!invitation.data) return null;
  return (
    <Paper p="md" radius="md" bg="var(--mantine-color-blue-light)">
      <Text fw={600}>{t.invitedTitle(invitation.data.campaign.business.name)}</Text>
      <Blockquote
        mt="xs"
        p="xs"
        pl="md"
        color="blue"
        style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', background: 'transparent' }}
      >
        {invitation.data.message}
      </Blockquote>
      <Text size="sm" mt="xs">
        {t.invitedNote}
      </Text>
    </Paper>
  );
}

/** The campaign page's offer section for an influencer: the form, or what stands in its way (a live
 * offer, a closed campaign, an unfinished profile), or the confirmation of a sent offer. */
export function OfferSection({ campaign, user }: { campaign: Campaign; user: User }) {
  const { m, format } = useI18n();
  const t = m.offers.campaignPage;
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const invitationId = invitationIdFrom(params);
  const live = useLiveOfferOn(campaign.id, true);
  const profile = useMyProfile(true);
  const [sent, setSent] = useState<Offer | null>(null);
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  // What a refused send said was missing holds until the profile or the session is fetched afresh
  // (e.g. after the profile was completed in another tab): then the fresh completeness speaks.
  const freshness = `${profile.dataUpdatedAt}:${user.emailVerified}`;
  const [refused, setRefused] = useState<{ missing: string[]; freshness: string } | null>(null);
  const refusedMissing = refused?.freshness === freshness ? refused.missing : null;

  const onSent = (offer: Offer) => {
    setSent(offer);
    setRefusal(null);
    queryClient.setQueryData(offerKeys.liveOn(campaign.id), offer);
    void queryClient.invalidateQueries({ queryKey: offerKeys.all });
  };

  const onRefused = (error: ApiError) => {
    setRefusal(error);
    if (error.code === 'ALREADY_OFFERED') {
      void queryClient.invalidateQueries({ queryKey: offerKeys.liveOn(campaign.id) });
    } else if (error.code === 'CAMPAIGN_NOT_OPEN' || error.code === 'CAMPAIGN_FULL') {
      void queryClient.invalidateQueries({ queryKey: campaignKey(campaign.id) });
    } else {
      const details = offerRefusalSchema.safeParse(error.details);
      if (details.success) setRefused({ missing: details.data.missing, freshness });
      void queryClient.invalidateQueries({ queryKey: myProfileKey });
      void queryClient.invalidateQueries({ queryKey: sessionQueryKey });
    }
  };

  const notice = refusal ? <FormAlert error={refusal} /> : null;

  if (sent) {
    return (
      <Panel title={t.sentTitle} tone="success" focusTitle>
        <Text>{t.sentText}</Text>
        <OfferStatusLine offer={sent} />
        <MyOffersLink offer={sent} />
      </Panel>
    );
  }
  if (live.isPending || profile.isPending) return <PageLoader />;

  if (live.data || refusal?.code === 'ALREADY_OFFERED') {
    return (
      <Panel title={t.existingTitle} focusTitle={refusal !== null}>
        {notice}
        {live.data ? (
          <>
            <OfferStatusLine offer={live.data} />
            <OfferFacts offer={live.data} />
          </>
        ) : null}
        <MyOffersLink offer={live.data} />
      </Panel>
    );
  }

  if (!campaign.isOpen || refusal?.code === 'CAMPAIGN_NOT_OPEN' || refusal?.code === 'CAMPAIGN_FULL') {
    return (
      <Panel title={t.closedTitle} focusTitle={refusal !== null}>
        {notice}
        <Text>{closedReason(campaign, m, (d) => format.date(d, 'long'), refusal)}</Text>
        <Group>
          <Anchor component={Link} to="/campaigns">
            {t.findCampaigns}
          </Anchor>
        </Group>
      </Panel>
    );
  }

  // What the profile lacks: the server's answer to a refused send, else the profile's completeness
  // (unknown when the profile did not load: then the form is shown and the server decides).
  const completeness = profile.data?.completeness;
  const missing = [...(refusedMissing ?? completeness?.missing ?? [])];
  if (!user.emailVerified && !missing.includes('email_verified')) missing.push('email_verified');
  if (missing.length > 0) {
    return (
      <Stack gap="sm">
        {notice}
        <NotReady missing={missing} user={user} focusTitle={refusal !== null} />
      </Stack>
    );
  }

  return (
    <Panel title={m.offers.form.title}>
      <Text c="dimmed">{m.offers.form.lead}</Text>
      {notice}
      {invitationId ? <InvitationNote invitationId={invitationId} /> : null}
      <OfferForm campaign={campaign} invitationId={invitationId} onSent={onSent} onRefused={onRefused} />
    </Panel>
  );
}
