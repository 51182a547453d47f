import type { Dispatch, SetStateAction } from 'react';
import { ImageUpload, type UploadedImage } from '../../components/ImageUpload.tsx';
import { RemovableThumbnails } from '../../components/RemovableThumbnails.tsx';
import { useI18n } from '../../i18n/use-i18n.ts';

/** The images uploaded so far, each with a remove button, then an upload field for one more. */
export function UploadedImagesField({
  images,
  onChange,
  label,
  onBusyChange,
}: {
  images: UploadedImage[];
  onChange: Dispatch<SetStateAction<UploadedImage[]>>;
  label: string;
  onBusyChange: (busy: boolean) => void;
}) {
  const { m } = useI18n();
  return (
    <>
      <RemovableThumbnails
        images={images}
        onRemove={(id) => onChange((old) => old.filter((x) => x.id !== id))}
        alt={m.influencers.upload.preview}
        removeLabel={(n) => `${m.influencers.upload.remove} ${n}`}
      />
      <ImageUpload
        key={images.length}
        label={label}
        onUploaded={(img) => onChange((old) => [...old, img])}
        onBusyChange={onBusyChange}
      />
    </>
  );
}
