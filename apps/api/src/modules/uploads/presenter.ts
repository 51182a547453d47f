import { type Upload, uploadThumbUrl, uploadUrl } from '@bextr/contracts';
import type { UploadRow } from '../../db/schema.ts';

export function presentUpload(row: UploadRow): Upload {
  return {
    id: row.id,
    url: uploadUrl(row.id),
    thumbUrl: uploadThumbUrl(row.id),
    contentType: row.contentType,
    width: row.width,
    height: row.height,
  };
}
