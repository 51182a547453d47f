import { Button, Checkbox, CopyButton, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useI18n } from '../../i18n/use-i18n.ts';

/** Fresh recovery codes, shown once: copy, download, and an "I saved them" before going on. */
export function RecoveryCodesPanel({
  codes,
  onDone,
  doneLabel,
}: {
  codes: readonly string[];
  onDone: () => void;
  doneLabel: string;
}) {
  const { m } = useI18n();
  const t = m.secondFactor.recovery;
  const [saved, setSaved] = useState(false);
  const text = `${t.fileHeading}\n${t.fileNote}\n\n${codes.join('\n')}\n`;
  const download = () => {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'bextr-recovery-codes.txt';
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Title order={2} size="h3">
          {t.title}
        </Title>
        <Text size="sm" c="dimmed">
          {t.lead}
        </Text>
      </Stack>
      <Paper withBorder radius="md" p="md">
        <SimpleGrid
          component="ul"
          aria-label={t.listLabel}
          cols={2}
          spacing="md"
          verticalSpacing="xs"
          m={0}
          p={0}
          style={{ listStyle: 'none' }}
        >
          {codes.map((code) => (
            <Text component="li" key={code} ff="monospace" fz="lg">
              {code}
            </Text>
          ))}
        </SimpleGrid>
      </Paper>
      <Group gap="sm">
        <CopyButton value={codes.join('\n')}>
          {({ copied, copy }) => (
            <Button variant="default" onClick={copy}>
              {copied ? m.secondFactor.setup.copied : t.copyAll}
            </Button>
          )}
        </CopyButton>
        <Button variant="default" onClick={download}>
          {t.download}
        </Button>
      </Group>
      <Checkbox label={t.saved} checked={saved} onChange={(event) => setSaved(event.currentTarget.checked)} />
      <Group>
        <Button disabled={!saved} onClick={onDone}>
          {doneLabel}
        </Button>
      </Group>
    </Stack>
  );
}
