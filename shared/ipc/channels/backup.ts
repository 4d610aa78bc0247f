import { z } from 'zod';
import { channel } from '../define';

export interface BackupResultDto {
  path: string;
  bytes: number;
  durationMs: number;
}

export interface BackupFileDto {
  path: string;
  fileName: string;
  kind: 'pre-migration' | 'pre-restore' | 'daily';
  createdAt: number;
  bytes: number;
}

export interface RestoreResultDto {
  restoredFrom: string;
  preRestoreBackup: string;
  tables: Record<string, number>;
  durationMs: number;
  /** Repairs made and the validation verdict, before the restore reported success. */
  reconciled?: { daysRebuilt: number; tradesRepaired: number; validation: string } | undefined;
}

export const backupChannels = {
  /** Asks where to save, then writes an online backup there; null when the dialog was cancelled. */
  'backup:create': channel<BackupResultDto | null>()(z.object({}).strict()),
  /** The automatic backups (daily, pre-restore, pre-migration), newest first, and their folder. */
  'backup:list': channel<{ folder: string; files: BackupFileDto[] }>()(z.object({}).strict()),
  /**
   * Restores a backup after checking it (integrity, schema): `name` is a file name from
   * backup:list; without it the user picks the file in main's dialog (null when cancelled).
   * The journal as it was is backed up first.
   */
  'backup:restore': channel<RestoreResultDto | null>()(
    z
      .object({
        name: z
          .string()
          .min(1)
          .max(255)
          .regex(/^[^/\\\0]+$/, 'is a file name from the backup list, without a folder')
          .refine((name) => name !== '.' && name !== '..', 'is a file name from the backup list, without a folder')
          .optional(),
      })
      .strict(),
  ),
};
