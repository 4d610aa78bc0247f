import { z } from 'zod';
import { channel } from '../define';
import { AttachmentAddSchema, type AttachmentData, type AttachmentMeta } from '../../domain/attachments';

const Id = z.number().int().positive();

/** Screenshots and files per trade. Bytes cross as base64; listings carry no bytes. */
export const attachmentsChannels = {
  'attachments:list': channel<AttachmentMeta[]>()(z.object({ tradeId: Id }).strict()),
  'attachments:get': channel<AttachmentData>()(z.object({ id: Id }).strict()),
  /** Over 10 MiB is a `limit` error naming the size; a file that is no image or PDF by its bytes is `validation`. */
  'attachments:add': channel<AttachmentMeta>()(AttachmentAddSchema),
  'attachments:delete': channel<{ deleted: number }>()(z.object({ id: Id }).strict()),
};
