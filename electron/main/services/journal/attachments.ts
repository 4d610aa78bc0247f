import type { Sqlite } from '../db/client';
import { AppError } from '../errors';
import {
  ATTACHMENT_MAX_BYTES,
  ATTACHMENTS_PER_TRADE_MAX,
  tooLargeMessage,
  type AttachmentAddInput,
  type AttachmentData,
  type AttachmentMeta,
  type AttachmentMime,
} from '../../../../shared/domain/attachments';

const startsWith = (bytes: Buffer, signature: number[], at = 0) => signature.every((b, i) => bytes[at + i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** The type a file's first bytes prove (a name or a claimed type proves nothing), or null. */
export function sniffMime(bytes: Buffer): AttachmentMime | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'image/gif';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
  if (startsWith(bytes, ascii('%PDF-'))) return 'application/pdf';
  return null;
}

const META = 'id, trade_id AS tradeId, name, mime, size, created_at AS createdAt';

/** Screenshots and files per trade, stored as BLOBs in trade_attachments (backups carry them). */
export function createAttachments(deps: { sqlite: Sqlite; now: () => number }) {
  const { sqlite, now } = deps;
  const tradeExists = sqlite.prepare('SELECT 1 FROM trades WHERE id = ?').pluck();
  const countOf = sqlite.prepare('SELECT COUNT(*) FROM trade_attachments WHERE trade_id = ?').pluck();
  const insert = sqlite.prepare('INSERT INTO trade_attachments (trade_id, name, mime, bytes, size, created_at) VALUES (?, ?, ?, ?, ?, ?)');
  const listOf = sqlite.prepare(`SELECT ${META} FROM trade_attachments WHERE trade_id = ? ORDER BY id`);
  const metaOf = sqlite.prepare(`SELECT ${META} FROM trade_attachments WHERE id = ?`);
  const bytesOf = sqlite.prepare('SELECT bytes FROM trade_attachments WHERE id = ?').pluck();
  const remove = sqlite.prepare('DELETE FROM trade_attachments WHERE id = ?');

  const meta = (id: number): AttachmentMeta => {
    const found = metaOf.get(id) as AttachmentMeta | undefined;
    if (!found) throw new AppError('not_found', `Attachment ${id} does not exist; it may have been deleted.`);
    return found;
  };

  return {
    add(input: AttachmentAddInput): AttachmentMeta {
      const bytes = Buffer.from(input.dataBase64, 'base64');
      if (bytes.length === 0) throw new AppError('validation', `${input.name} is empty; nothing was attached.`);
      if (bytes.length > ATTACHMENT_MAX_BYTES) throw new AppError('limit', tooLargeMessage(input.name, bytes.length));
      const mime = sniffMime(bytes);
      if (!mime) {
        throw new AppError('validation', `${input.name} is not a PNG, JPEG, GIF or WebP image or a PDF file (judged by its contents); only those can be attached.`);
      }
      const id = sqlite.transaction(() => {
        if (!tradeExists.get(input.tradeId)) throw new AppError('not_found', `Trade ${input.tradeId} does not exist; it may have been deleted.`);
        if ((countOf.get(input.tradeId) as number) >= ATTACHMENTS_PER_TRADE_MAX) {
          throw new AppError('limit', `This trade already has ${ATTACHMENTS_PER_TRADE_MAX} attachments; delete one before adding another.`);
        }
        return Number(insert.run(input.tradeId, input.name, mime, bytes, bytes.length, now()).lastInsertRowid);
      }).immediate();
      return meta(id);
    },
    list(tradeId: number): AttachmentMeta[] {
      return listOf.all(tradeId) as AttachmentMeta[];
    },
    get(id: number): AttachmentData {
      const found = meta(id);
      return { ...found, dataBase64: (bytesOf.get(id) as Buffer).toString('base64') };
    },
    delete(id: number): { deleted: number } {
      meta(id);
      return { deleted: remove.run(id).changes };
    },
  };
}

export type Attachments = ReturnType<typeof createAttachments>;
