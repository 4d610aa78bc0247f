import { z } from 'zod';

/** The largest file that can be attached to a trade. */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
/** The most attachments one trade holds (a review screen, not a file store). */
export const ATTACHMENTS_PER_TRADE_MAX = 50;
/** What can be attached: images shown as thumbnails, PDFs kept as files. */
export const ATTACHMENT_MIMES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf'] as const;
export type AttachmentMime = (typeof ATTACHMENT_MIMES)[number];

/** Base64 length of `bytes` bytes. */
export const base64Length = (bytes: number) => 4 * Math.ceil(bytes / 3);

export const AttachmentNameSchema = z.string().trim().min(1, 'a file needs a name').max(200, 'a file name has at most 200 characters');

/**
 * A file crosses IPC as base64 (the test harness speaks JSON). The schema lets through
 * twice the cap so that a file a little over it gets the service's message naming its
 * size; anything larger is refused here.
 */
export const AttachmentAddSchema = z
  .object({
    tradeId: z.number().int().positive(),
    name: AttachmentNameSchema,
    dataBase64: z
      .string()
      .min(4, 'the file is empty')
      .max(base64Length(2 * ATTACHMENT_MAX_BYTES), `a file may be at most ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MiB`)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64'),
  })
  .strict();
export type AttachmentAddInput = z.infer<typeof AttachmentAddSchema>;

export interface AttachmentMeta {
  id: number;
  tradeId: number;
  name: string;
  mime: AttachmentMime;
  size: number;
  createdAt: number;
}

export interface AttachmentData extends AttachmentMeta {
  dataBase64: string;
}

/** "12.3 MiB" for messages about the cap. */
export function mebibytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

/** The message for a file over the cap, the same in the renderer's early check and the service. */
export function tooLargeMessage(name: string, bytes: number): string {
  return `${name} is ${mebibytes(bytes)}; files up to ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MiB can be attached. Crop or compress it, then attach it again.`;
}
