import { Badge, Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { useI18n } from '../../i18n/use-i18n.ts';

/** Small pictures of BeXtr made from its own UI parts: a campaign and an offer (business side),
 * deliverables being approved (influencer side). Decorative: hidden from screen readers, whose
 * users get the same story from the steps next to them. */
export function BusinessVisual() {
  const mock = useI18n().m.public.landing.mock;
  return (
    <Stack gap="sm" aria-hidden="true" className="landing-visual">
      <Paper withBorder radius="md" p="md" shadow="xs">
        <Group justify="space-between" gap="xs">
          <Text fw={700}>{mock.campaignName}</Text>
          <Badge variant="default" tt="none" size="lg">
            {mock.campaignPay}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {mock.campaignMeta}
        </Text>
        <Progress value={40} mt="sm" size="sm" />
        <Text size="xs" c="dimmed" mt={4}>
          {mock.slots}
        </Text>
      </Paper>
      <Paper withBorder radius="md" p="md" shadow="xs" ml={{ base: 0, sm: 'xl' }}>
        <Text fw={600}>{mock.offerFrom}</Text>
        <Text size="sm" c="dimmed">
          {mock.offerMeta}
        </Text>
        <Group gap="xs" mt="sm">
          <span className="landing-fake-button landing-fake-primary">{mock.accept}</span>
          <span className="landing-fake-button">{mock.decline}</span>
        </Group>
      </Paper>
    </Stack>
  );
}

export function InfluencerVisual() {
  const mock = useI18n().m.public.landing.mock;
  return (
    <Paper withBorder radius="md" p="md" shadow="xs" aria-hidden="true" className="landing-visual">
      <Text fw={700} mb="xs">
        {mock.campaignName}
      </Text>
      <Stack gap={6}>
        {mock.deliverables.map((item, index) => (
          <Group key={item} justify="space-between" wrap="nowrap">
            <Text size="sm">{item}</Text>
            <Badge variant="default" leftSection={index < 2 ? '✓' : null}>
              {index < 2 ? mock.approved : mock.delivered}
            </Badge>
          </Group>
        ))}
      </Stack>
      <Text size="sm" mt="sm" fw={600}>
        ★★★★★ <span className="landing-rating">{mock.rating}</span>
      </Text>
    </Paper>
  );
}
