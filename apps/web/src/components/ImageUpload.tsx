import { Alert, Box, Button, FileButton, Group, Image, Progress, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { uploadImage } from '../api/influencers.ts';
import { useErrorMessage } from '../errors/use-error-message.ts';
import { useI18n } from '../i18n/use-i18n.ts';

export interface UploadedImage {
  id: string;
  url: string;
  thumbUrl: string;
}

/** Picks one image, uploads it with a progress bar, shows a preview, and hands the stored image to
 * `onUploaded`. The server decides what an image is; this only offers the usual types.
 * `onBusyChange` says when an upload starts and ends, so the form around can hold its save button. */
export function ImageUpload({
  label,
  onUploaded,
  onBusyChange,
  preview,
  compact = false,
}: {
  label: string;
  onUploaded: (image: UploadedImage) => void;
  /** true while an upload is in progress, false once it has ended (done, failed or unmounted). */
  onBusyChange?: ((busy: boolean) => void) | undefined;
  /** The image shown before anything is picked. */
  preview?: string | null | undefined;
  /** Only the button (and progress, errors): for a caller that shows the uploaded images itself. */
  compact?: boolean;
}) {
  const { m } = useI18n();
  const t = m.influencers.upload;
  const describe = useErrorMessage();
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [local, setLocal] = useState<string | null>(null);
  useEffect(() => () => (local ? URL.revokeObjectURL(local) : undefined), [local]);
  const busyRef = useRef(onBusyChange);
  busyRef.current = onBusyChange;
  const uploading = progress !== null;
  useEffect(() => {
    if (!uploading) return;
    busyRef.current?.(true);
    return () => busyRef.current?.(false);
  }, [uploading]);

  const pick = (file: File | null) => {
    if (!file) return;
    setError(null);
    setLocal(URL.createObjectURL(file));
    setProgress(0);
    uploadImage(file, setProgress)
      .then((image) => {
        setProgress(null);
        onUploaded(image);
      })
      .catch((e: unknown) => {
        setProgress(null);
        setLocal(null);
        setError(e);
      });
  };
  const shown = local ?? preview ?? null;
  return (
    <Stack gap="xs">
      <Group gap="md" align="center" wrap="nowrap">
        {compact ? null : (
          <Box
            w={72}
            h={72}
            style={{
              borderRadius: 8,
              overflow: 'hidden',
              flexShrink: 0,
              background: 'var(--mantine-color-default-hover)',
            }}
          >
            {shown ? <Image src={shown} alt={t.preview} w={72} h={72} fit="cover" /> : null}
          </Box>
        )}
        <Stack gap={4} style={{ minWidth: 0 }}>
          <FileButton onChange={pick} accept="image/jpeg,image/png,image/webp">
            {(props) => (
              <Button
                variant="default"
                {...props}
                loading={progress !== null}
                aria-label={label}
                // A long label (Slovak, a phone) wraps inside the button instead of running out of the card.
                styles={{ root: { height: 'auto', minHeight: 36 }, label: { whiteSpace: 'normal' } }}
              >
                {label}
              </Button>
            )}
          </FileButton>
          {compact ? null : (
            <Text size="xs" c="dimmed">
              {t.hint}
            </Text>
          )}
        </Stack>
      </Group>
      {progress !== null ? (
        <Progress value={Math.round(progress * 100)} aria-label={t.progress} animated size="sm" />
      ) : null}
      {error ? (
        <Alert color="red" variant="light" role="alert">
          {describe(error)}
        </Alert>
      ) : null}
    </Stack>
  );
}
