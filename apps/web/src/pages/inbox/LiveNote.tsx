import { Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useLiveStatus } from '../../live/LiveProvider.tsx';

/** How long the stream may be down before the note shows (a blip is not worth a word). */
const GRACE_MS = 3_000;

/** A quiet "reconnecting…" line while the live stream is down for more than a moment. */
export function LiveNote() {
  const { m } = useI18n();
  const status = useLiveStatus();
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (status !== 'reconnecting') {
      setShown(false);
      return;
    }
    const timer = setTimeout(() => setShown(true), GRACE_MS);
    return () => clearTimeout(timer);
  }, [status]);
  return (
    <div role="status" aria-live="polite">
      {shown ? (
        <Text size="sm" c="dimmed" mb="xs">
          {m.inbox.live.reconnecting}
        </Text>
      ) : null}
    </div>
  );
}
