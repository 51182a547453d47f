import {
  type Collaboration,
  type CollaborationDeliverable,
  DECISION_NOTE_MAX,
  issuesToFieldErrors,
  PROOF_IMAGES_MAX,
  PROOF_NOTE_MAX,
  type Proof,
  proofBodySchema,
  requestChangesBodySchema,
} from '@bextr/contracts';
import { Anchor, Button, Group, Image, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { api } from '../../api/index.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { ImageUpload, type UploadedImage } from '../../components/ImageUpload.tsx';
import { RemovableThumbnails } from '../../components/RemovableThumbnails.tsx';
import { useNotify } from '../../components/use-notify.ts';
import { useContractForm } from '../../forms/use-contract-form.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { deliverableLine } from '../offers/OfferFacts.tsx';
import { LineStatusBadge } from './CollaborationStatusBadge.tsx';
import { useCollaborationAction } from './use-collaboration.ts';

const preWrap = { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' } as const;

function ProofItem({ proof }: { proof: Proof }) {
  const { m, format } = useI18n();
  const t = m.collaborations.deliverables;
  return (
    <Stack component="li" gap={4}>
      <Text size="xs" c="dimmed">
        {t.sentOn(format.dateTime(proof.createdAt))}
      </Text>
      {proof.url ? (
        <Anchor href={proof.url} target="_blank" rel="noopener noreferrer nofollow" size="sm" style={preWrap}>
          {proof.url}
        </Anchor>
      ) : null}
      {proof.note ? (
        <Text size="sm" style={preWrap}>
          {proof.note}
        </Text>
      ) : null}
      {proof.images.length > 0 ? (
        <Group gap="xs">
          {proof.images.map((img, i) => (
            <Anchor
              key={img.id}
              href={img.url}
              target="_blank"
              rel="noopener"
              aria-label={t.screenshot(i + 1)}
            >
              <Image src={img.thumbUrl} alt="" w={72} h={72} radius="sm" fit="cover" />
            </Anchor>
          ))}
        </Group>
      ) : null}
      {proof.decision && proof.decidedAt ? (
        <Paper p="xs" radius="sm" bg="var(--mantine-color-default-hover)">
          <Text size="sm" fw={600}>
            {proof.decision === 'approved'
              ? t.approvedOn(format.date(proof.decidedAt))
              : t.changesOn(format.date(proof.decidedAt))}
          </Text>
          {proof.decisionNote ? (
            <Text size="sm" style={preWrap}>
              {t.businessNote}: {proof.decisionNote}
            </Text>
          ) : null}
        </Paper>
      ) : null}
    </Stack>
  );
}

/** The influencer's proof of one line: a link, a note, screenshots (at least a link or an image). */
function ProofForm({
  collaboration,
  line,
}: {
  collaboration: Collaboration;
  line: CollaborationDeliverable;
}) {
  const { m } = useI18n();
  const t = m.collaborations.deliverables.proofForm;
  const notify = useNotify();
  const [images, setImages] = useState<UploadedImage[]>([]);
  const [uploading, setUploading] = useState(false);
  const { form, formError, formNotes, fail, handleSubmit } = useContractForm({
    schema: proofBodySchema,
    initialValues: { url: '', note: '' },
    toBody: (v) => ({
      ...(v.url.trim() ? { url: v.url.trim() } : {}),
      ...(v.note.trim() ? { note: v.note } : {}),
      ...(images.length > 0 ? { uploadIds: images.map((i) => i.id) } : {}),
    }),
  });
  const submit = useCollaborationAction(
    collaboration.id,
    (body: Parameters<typeof api.collaborations.submitProof>[2]) =>
      api.collaborations.submitProof(collaboration.id, line.id, body),
  );
  const titleId = `proof-form-${line.id}`;
  return (
    <Paper
      component="form"
      withBorder
      p="sm"
      radius="md"
      aria-labelledby={titleId}
      noValidate
      onSubmit={handleSubmit((body) =>
        submit.mutate(body, {
          onSuccess: () => {
            notify(t.sent);
            form.reset();
            setImages([]);
          },
          onError: fail,
        }),
      )}
    >
      <Stack gap="sm">
        <Title order={4} size="h6" id={titleId}>
          {line.status === 'changes_requested' ? t.resubmitTitle : t.title}
        </Title>
        <TextInput
          label={t.url}
          placeholder={t.urlPlaceholder}
          type="url"
          inputMode="url"
          key={form.key('url')}
          {...form.getInputProps('url')}
        />
        <Textarea
          label={t.note}
          autosize
          minRows={2}
          maxLength={PROOF_NOTE_MAX}
          key={form.key('note')}
          {...form.getInputProps('note')}
        />
        <Stack gap={6}>
          <Text size="sm" fw={500}>
            {t.screenshots}
          </Text>
          {images.length > 0 ? (
            <RemovableThumbnails
              images={images}
              alt=""
              label={t.screenshots}
              removeLabel={t.removeScreenshot}
              onRemove={(id) => setImages((list) => list.filter((i) => i.id !== id))}
            />
          ) : null}
          {images.length < PROOF_IMAGES_MAX ? (
            <ImageUpload
              compact
              label={t.addScreenshot}
              onBusyChange={setUploading}
              onUploaded={(image) => setImages((list) => [...list, image])}
            />
          ) : null}
        </Stack>
        <FormAlert error={formError} extra={formNotes} />
        <Group>
          <Button
            type="submit"
            loading={submit.isPending}
            disabled={uploading}
            title={uploading ? t.uploading : undefined}
          >
            {t.submit}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** The business's answer to a submitted line: approve, or ask for changes with a note. */
function Decision({ collaboration, line }: { collaboration: Collaboration; line: CollaborationDeliverable }) {
  const { m, locale } = useI18n();
  const t = m.collaborations.deliverables;
  const notify = useNotify();
  const [asking, setAsking] = useState(false);
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | null>(null);
  const label = deliverableLine(m, line);
  const approve = useCollaborationAction(collaboration.id, () =>
    api.collaborations.approve(collaboration.id, line.id),
  );
  const changes = useCollaborationAction(collaboration.id, (text: string) =>
    api.collaborations.requestChanges(collaboration.id, line.id, text),
  );
  const sendChanges = (event: FormEvent) => {
    event.preventDefault();
    const parsed = requestChangesBodySchema.safeParse({ note });
    if (!parsed.success) {
      setNoteError(issuesToFieldErrors(parsed.error.issues, locale)[0]?.message ?? null);
      return;
    }
    changes.mutate(note, {
      onSuccess: () => {
        notify(t.changesSent);
        setAsking(false);
        setNote('');
      },
    });
  };
  return (
    <Stack gap="sm">
      <Group gap="sm">
        <Button
          color="teal"
          loading={approve.isPending}
          aria-label={t.approveNamed(label)}
          onClick={() => approve.mutate(undefined, { onSuccess: () => notify(t.approved) })}
        >
          {t.approve}
        </Button>
        {asking ? null : (
          <Button variant="default" onClick={() => setAsking(true)}>
            {t.requestChanges}
          </Button>
        )}
      </Group>
      {asking ? (
        <form onSubmit={sendChanges} noValidate>
          <Stack gap="xs">
            <Textarea
              label={t.changesNote}
              required
              autosize
              minRows={2}
              maxLength={DECISION_NOTE_MAX}
              value={note}
              error={noteError}
              data-autofocus
              onChange={(e) => {
                setNote(e.currentTarget.value);
                setNoteError(null);
              }}
            />
            <Group gap="sm">
              <Button type="submit" loading={changes.isPending}>
                {t.sendChanges}
              </Button>
              <Button variant="subtle" onClick={() => setAsking(false)}>
                {t.cancelAction}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
      <FormAlert error={approve.error ?? changes.error} />
    </Stack>
  );
}

/** One line of the agreement: its terms, where it stands, every proof, and what the viewer may do. */
export function DeliverableCard({
  collaboration,
  line,
}: {
  collaboration: Collaboration;
  line: CollaborationDeliverable;
}) {
  const { m } = useI18n();
  const t = m.collaborations.deliverables;
  const label = deliverableLine(m, line);
  return (
    <Paper component="li" withBorder p="md" radius="md" aria-label={label}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Stack gap={2} style={{ flex: '1 1 12rem', minWidth: 0 }}>
            <Title order={3} size="h5" style={{ overflowWrap: 'anywhere' }}>
              {label}
            </Title>
            {line.notes ? (
              <Text size="sm" c="dimmed" style={preWrap}>
                {line.notes}
              </Text>
            ) : null}
          </Stack>
          <LineStatusBadge status={line.status} />
        </Group>
        {line.proofs.length > 0 ? (
          <Stack gap="xs">
            <Text size="sm" fw={600}>
              {t.proofs}
            </Text>
            <Stack component="ul" gap="md" p={0} m={0} style={{ listStyle: 'none' }}>
              {line.proofs.map((proof) => (
                <ProofItem key={proof.id} proof={proof} />
              ))}
            </Stack>
          </Stack>
        ) : line.current ? (
          <Text size="sm" c="dimmed">
            {t.noProof}
          </Text>
        ) : null}
        {line.abilities.submitProof ? <ProofForm collaboration={collaboration} line={line} /> : null}
        {line.abilities.approve ? <Decision collaboration={collaboration} line={line} /> : null}
      </Stack>
    </Paper>
  );
}
