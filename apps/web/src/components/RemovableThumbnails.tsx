import { ActionIcon, Box, Group, Image } from '@mantine/core';

/** A row of uploaded images' thumbnails, each with a small remove button on its corner. */
export function RemovableThumbnails({
  images,
  onRemove,
  alt,
  removeLabel,
  label,
}: {
  images: readonly { id: string; thumbUrl: string }[];
  onRemove: (id: string) => void;
  /** Each thumbnail's alternative text ("" when the thumbnails are decoration). */
  alt: string;
  /** The remove button's name, from the image's number (1-based). */
  removeLabel: (n: number) => string;
  /** When given, the row is a group of this name. */
  label?: string;
}) {
  return (
    <Group gap="xs" role={label ? 'group' : undefined} aria-label={label}>
      {images.map((img, index) => (
        <Box key={img.id} pos="relative">
          <Image src={img.thumbUrl} alt={alt} w={56} h={56} radius="sm" fit="cover" />
          <ActionIcon
            size="sm"
            color="red"
            pos="absolute"
            top={-6}
            right={-6}
            radius="xl"
            aria-label={removeLabel(index + 1)}
            onClick={() => onRemove(img.id)}
          >
            ✕
          </ActionIcon>
        </Box>
      ))}
    </Group>
  );
}
