import { type InfluencerProfile, type PortfolioItem, portfolioItemBodySchema } from '@bextr/contracts';
import { Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useRef, useState } from 'react';
import { useSubmitKey } from '../../api/idempotency.ts';
import { api } from '../../api/index.ts';
import { DateField } from '../../components/DateField.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import type { UploadedImage } from '../../components/ImageUpload.tsx';
import { useI18n } from '../../i18n/use-i18n.ts';
import { networkOptions } from '../campaign/options.ts';
import { ItemCard } from './ItemCard.tsx';
import { EditingNote, ItemActions, ItemFormFooter, useFocusOnEdit } from './ItemForm.tsx';
import { UploadedImagesField } from './UploadedImagesField.tsx';
import { useFieldErrors, useProfileMutation } from './use-my-profile.ts';

const empty = { title: '', description: '', url: '', brand: '', network: '', date: '' };
const orNull = (v: string) => (v.trim() === '' ? null : v.trim());
const valuesOf = (item: PortfolioItem): typeof empty => ({
  title: item.title,
  description: item.description ?? '',
  url: item.url ?? '',
  brand: item.brand ?? '',
  network: item.network ?? '',
  date: item.date ?? '',
});

export function PortfolioSection({ profile }: { profile: InfluencerProfile }) {
  const { m } = useI18n();
  const t = m.influencers.portfolio;
  // One key per new item until it is saved: a double click adds it once.
  const addKey = useSubmitKey();
  const add = useProfileMutation(api.influencers.addPortfolio);
  const update = useProfileMutation(api.influencers.updatePortfolio);
  const remove = useProfileMutation(api.influencers.removePortfolio);
  const f = useFieldErrors();
  const [v, setV] = useState(empty);
  const [images, setImages] = useState<UploadedImage[]>([]);
  const [uploading, setUploading] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusOnEdit(editing, formRef);
  const edited = profile.portfolio.find((i) => i.id === editing) ?? null;
  const reset = () => {
    setEditing(null);
    setV(empty);
    setImages([]);
    f.clear();
  };
  const set = (key: keyof typeof empty) => (value: string | null) =>
    setV((old) => ({ ...old, [key]: value ?? '' }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (uploading) return;
    const body = f.check(portfolioItemBodySchema, {
      title: v.title,
      description: orNull(v.description),
      url: orNull(v.url),
      brand: orNull(v.brand),
      network: orNull(v.network),
      date: orNull(v.date),
      uploadIds: images.map((i) => i.id),
    });
    if (!body) return;
    if (edited) update.mutate({ id: edited.id, body }, { onError: f.fail, onSuccess: reset });
    else
      add.mutate(
        { body, key: addKey.key() },
        {
          onError: f.fail,
          onSuccess: () => {
            addKey.renew();
            reset();
          },
        },
      );
  };
  return (
    <Stack gap="md">
      {profile.portfolio.length === 0 ? <Text c="dimmed">{m.influencers.onboarding.none}</Text> : null}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {profile.portfolio.map((item) => (
          <ItemCard
            key={item.id}
            thumb={
              item.images[0]
                ? { src: item.images[0].thumbUrl, alt: m.influencers.view.imageOf(item.title) }
                : null
            }
            title={item.title}
            detail={[item.brand, item.network ? m.campaigns.networks[item.network] : null, item.date]
              .filter(Boolean)
              .join(' · ')}
            actions={
              <ItemActions
                name={item.title}
                editing={editing === item.id}
                onEdit={() => {
                  f.clear();
                  setEditing(item.id);
                  setV(valuesOf(item));
                  setImages(item.images);
                }}
                onRemove={() => {
                  if (editing === item.id) reset();
                  remove.mutate(item.id);
                }}
              />
            }
          />
        ))}
      </SimpleGrid>
      <form ref={formRef} noValidate onSubmit={submit} aria-label={m.influencers.onboarding.steps.portfolio}>
        <Stack gap="sm">
          <EditingNote name={edited?.title ?? null} />
          <FormAlert error={f.formError} />
          <TextInput
            label={t.title}
            required
            value={v.title}
            error={f.errors.title}
            onChange={(e) => set('title')(e.currentTarget.value)}
          />
          <Textarea
            label={t.description}
            autosize
            minRows={2}
            value={v.description}
            error={f.errors.description}
            onChange={(e) => set('description')(e.currentTarget.value)}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={t.url}
              type="url"
              placeholder="https://"
              value={v.url}
              error={f.errors.url}
              onChange={(e) => set('url')(e.currentTarget.value)}
            />
            <TextInput
              label={t.brand}
              value={v.brand}
              error={f.errors.brand}
              onChange={(e) => set('brand')(e.currentTarget.value)}
            />
            <Select
              label={t.network}
              data={networkOptions(m)}
              clearable
              value={v.network || null}
              onChange={set('network')}
            />
            <DateField label={t.date} clearable value={v.date} error={f.errors.date} onChange={set('date')} />
          </SimpleGrid>
          <UploadedImagesField
            images={images}
            onChange={setImages}
            label={m.influencers.upload.images}
            onBusyChange={setUploading}
          />
          {f.errors.uploadIds || f.errors['uploadIds.0'] ? (
            <Text c="red" size="sm">
              {f.errors.uploadIds ?? f.errors['uploadIds.0']}
            </Text>
          ) : null}
          <ItemFormFooter
            editingName={edited?.title ?? null}
            pending={add.isPending || update.isPending}
            uploading={uploading}
            onCancel={reset}
          />
        </Stack>
      </form>
    </Stack>
  );
}
