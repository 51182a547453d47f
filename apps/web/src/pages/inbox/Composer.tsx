import {
  type ImageRef,
  issuesToFieldErrors,
  maxMessageAttachments,
  maxMessageLength,
  messageBodySchema,
} from '@bextr/contracts';
import { Box, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { type FormEvent, type KeyboardEvent, type RefObject, useEffect, useState } from 'react';
import { ImageUpload } from '../../components/ImageUpload.tsx';
import { RemovableThumbnails } from '../../components/RemovableThumbnails.tsx';
import { useI18n } from '../../i18n/use-i18n.ts';
import { newClientId } from '../../threads/outbox.ts';

/** The counter shows from this many characters on. */
const COUNTER_FROM = maxMessageLength - 2_000;

/** The message box under a thread: text (with a mouse or trackpad Enter sends and Shift+Enter breaks
 * the line; on touch screens, whose keyboards have no Shift+Enter, Enter breaks the line and the
 * button sends), up to six images, checked by the contract's rules before it leaves; `onSend` queues
 * it optimistically. */
export function Composer({
  onSend,
  inputRef,
}: {
  onSend: (body: string, attachments: ImageRef[], clientId: string) => void;
  inputRef: RefObject<HTMLTextAreaElement | null>;
}) {
  const { m, locale, format } = useI18n();
  const t = m.inbox.composer;
  const [body, setBody] = useState('');
  const [images, setImages] = useState<ImageRef[]>([]);
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [errorIssues, setErrorIssues] = useState<Parameters<typeof issuesToFieldErrors>[0] | null>(null);
  const finePointer = useMediaQuery('(pointer: fine)', false, { getInitialValueInEffect: false });

  // A shown rule message follows a language switch.
  useEffect(() => {
    if (errorIssues) setError(issuesToFieldErrors(errorIssues, locale)[0]?.message ?? null);
  }, [locale, errorIssues]);

  const submit = () => {
    if (uploading) {
      setErrorIssues(null);
      setError(t.uploading);
      return;
    }
    const clientId = newClientId();
    const parsed = messageBodySchema.safeParse({ body, clientId, attachmentIds: images.map((i) => i.id) });
    if (!parsed.success) {
      setErrorIssues(parsed.error.issues);
      inputRef.current?.focus();
      return;
    }
    setErrorIssues(null);
    setError(null);
    onSend(parsed.data.body, images, clientId);
    setBody('');
    setImages([]);
    inputRef.current?.focus();
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (finePointer && event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  };

  const length = body.length;
  const counter =
    length >= COUNTER_FROM ? (
      <Text size="xs" c={length > maxMessageLength ? 'red.8' : 'dimmed'} aria-live="polite">
        {t.counter(format.number(length), format.number(maxMessageLength))}
      </Text>
    ) : null;

  return (
    <Box component="form" onSubmit={onSubmit} p="sm" noValidate>
      <Stack gap="xs">
        <Textarea
          ref={inputRef}
          label={t.label}
          placeholder={t.placeholder}
          value={body}
          onChange={(event) => {
            setBody(event.currentTarget.value);
            if (error) {
              setError(null);
              setErrorIssues(null);
            }
          }}
          onKeyDown={onKeyDown}
          autosize
          minRows={2}
          maxRows={8}
          error={error}
          description={finePointer ? t.hint : undefined}
          inputWrapperOrder={['label', 'input', 'error', 'description']}
        />
        {images.length > 0 ? (
          <RemovableThumbnails
            images={images}
            onRemove={(id) => setImages((old) => old.filter((x) => x.id !== id))}
            alt=""
            removeLabel={t.remove}
            label={t.attachments}
          />
        ) : null}
        <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
          <Box style={{ flex: '1 1 160px', minWidth: 0 }}>{counter}</Box>
          <Group gap="xs" wrap="nowrap" align="flex-start">
            {images.length < maxMessageAttachments ? (
              <ImageUpload
                key={images.length}
                compact
                label={t.attach}
                onUploaded={(img) => setImages((old) => [...old, img].slice(0, maxMessageAttachments))}
                onBusyChange={setUploading}
              />
            ) : (
              <Text size="xs" c="dimmed" maw={180}>
                {t.attachedLimit(maxMessageAttachments)}
              </Text>
            )}
            <Button type="submit">{t.send}</Button>
          </Group>
        </Group>
      </Stack>
    </Box>
  );
}
