import { z } from 'zod';
import { idSchema } from './common.ts';

/** The largest image `POST /uploads` takes (10 MB). */
export const maxUploadBytes = 10 * 1024 * 1024;
/** Width × height above which an image is refused before decoding (decompression bombs). */
export const maxUploadPixels = 40_000_000;
export const uploadContentTypes = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type UploadContentType = (typeof uploadContentTypes)[number];

/** An image as the client sees it: where to load it and its thumbnail. */
export const uploadSchema = z.object({
  id: idSchema,
  url: z.string(),
  thumbUrl: z.string(),
  contentType: z.enum(uploadContentTypes),
  width: z.number().int(),
  height: z.number().int(),
});
export type Upload = z.infer<typeof uploadSchema>;

/** A reference to an image attached to something (avatar, portfolio item, insight). */
export const imageRefSchema = z.object({ id: idSchema, url: z.string(), thumbUrl: z.string() });
export type ImageRef = z.infer<typeof imageRefSchema>;

export const uploadQuerySchema = z.object({ size: z.enum(['full', 'thumb']).optional() });

export const uploadUrl = (id: string) => `/api/v1/uploads/${encodeURIComponent(id)}`;
export const uploadThumbUrl = (id: string) => `${uploadUrl(id)}?size=thumb`;
export const imageRef = (id: string): ImageRef => ({ id, url: uploadUrl(id), thumbUrl: uploadThumbUrl(id) });
