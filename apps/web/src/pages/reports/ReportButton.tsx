import {
  REPORT_DESCRIPTION_MAX,
  REPORT_EVIDENCE_MAX,
  type ReportBody,
  type ReportCategory,
  reportCategories,
} from '@bextr/contracts';
import { Alert, Anchor, Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, isApiError } from '../../api/index.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { ImageUpload, type UploadedImage } from '../../components/ImageUpload.tsx';
import { RemovableThumbnails } from '../../components/RemovableThumbnails.tsx';
import { useNotify } from '../../components/use-notify.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { reportKeys } from './report-queries.ts';

/** The id of the open report a 409 REPORT_ALREADY_OPEN points at. */
function openReportId(error: unknown): string | null {
  if (!isApiError(error) || error.code !== 'REPORT_ALREADY_OPEN') return null;
  const details = error.details as { reportId?: unknown } | undefined;
  return typeof details?.reportId === 'string' ? details.reportId : null;
}

/** "Report a problem" with the other side of a collaboration or an offer's thread: a form with the
 * category, the description and evidence images; on success the report's page opens. */
export function ReportButton({
  against,
  collaborationId,
  conversationId,
  size = 'xs',
}: {
  against: { id: string; name: string };
  collaborationId?: string | undefined;
  conversationId?: string | undefined;
  size?: 'xs' | 'sm';
}) {
  const { m } = useI18n();
  const t = m.reports.form;
  const notify = useNotify();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [opened, { open, close }] = useDisclosure(false);
  const [category, setCategory] = useState<ReportCategory | null>(null);
  const [description, setDescription] = useState('');
  const [images, setImages] = useState<UploadedImage[]>([]);
  const [uploading, setUploading] = useState(false);
  const create = useMutation({
    mutationFn: () =>
      // Without a category the server names the missing field, in the page's language.
      api.reports.create({
        againstUserId: against.id,
        ...(collaborationId ? { collaborationId } : {}),
        ...(conversationId ? { conversationId } : {}),
        ...(category ? { category } : {}),
        description,
        evidenceUploadIds: images.map((i) => i.id),
      } as ReportBody),
    onSuccess: async (report) => {
      close();
      notify(t.sent);
      await queryClient.invalidateQueries({ queryKey: reportKeys.all });
      void navigate(`/reports/${encodeURIComponent(report.id)}`);
    },
  });
  const fieldError = (path: string) =>
    isApiError(create.error) ? create.error.fields.find((f) => f.path === path)?.message : undefined;
  const existing = openReportId(create.error);
  return (
    <>
      <Button variant="default" size={size} onClick={open} aria-label={t.buttonNamed(against.name)}>
        {t.button}
      </Button>
      <Modal
        opened={opened}
        onClose={close}
        title={t.title(against.name)}
        closeButtonProps={{ 'aria-label': m.common.close }}
        size="lg"
        centered
      >
        <form
          onSubmit={(event) => {
            event.preventDefault();
            create.mutate();
          }}
          noValidate
        >
          <Stack gap="md">
            <Text size="sm">{t.lead(against.name)}</Text>
            {collaborationId ? (
              <Text size="sm" c="dimmed">
                {t.disputeNote}
              </Text>
            ) : null}
            <Select
              label={t.category}
              placeholder={t.categoryPlaceholder}
              data={reportCategories.map((c) => ({ value: c, label: m.reports.categories[c] }))}
              value={category}
              onChange={(value) => setCategory(value as ReportCategory | null)}
              error={fieldError('category')}
              required
              data-autofocus
              comboboxProps={{ withinPortal: true }}
            />
            <Textarea
              label={t.description}
              description={t.descriptionHint}
              value={description}
              onChange={(event) => setDescription(event.currentTarget.value)}
              error={fieldError('description')}
              required
              autosize
              minRows={4}
              maxRows={12}
              maxLength={REPORT_DESCRIPTION_MAX}
            />
            <Stack gap="xs">
              <Text size="sm" fw={500}>
                {t.evidence}
              </Text>
              <Text size="xs" c="dimmed">
                {t.evidenceHint}
              </Text>
              {images.length > 0 ? (
                <RemovableThumbnails
                  images={images}
                  alt={t.evidenceAlt}
                  removeLabel={t.removeImage}
                  onRemove={(id) => setImages((all) => all.filter((i) => i.id !== id))}
                />
              ) : null}
              {images.length < REPORT_EVIDENCE_MAX ? (
                <ImageUpload
                  key={images.length}
                  label={t.addImage}
                  compact
                  onBusyChange={setUploading}
                  onUploaded={(image) => setImages((all) => [...all, image])}
                />
              ) : null}
            </Stack>
            {existing ? (
              <Alert color="yellow" variant="light" role="alert">
                {t.alreadyOpen}{' '}
                <Anchor component={Link} to={`/reports/${encodeURIComponent(existing)}`} onClick={close}>
                  {t.openIt}
                </Anchor>
              </Alert>
            ) : create.error && !(isApiError(create.error) && create.error.fields.length > 0) ? (
              <FormAlert error={create.error} />
            ) : null}
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={close}>
                {t.cancel}
              </Button>
              <Button type="submit" color="red.9" loading={create.isPending} disabled={uploading}>
                {t.submit}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
