import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../electron/main/services/errors';
import { SeedRefusedError, seedJournalFile } from './seed-file';

const USAGE = `Usage: npm run seed -- --db <file> [--trades <n>] [--seed <n>] [--now <ISO time or epoch ms>] [--force]

Writes a deterministic demo journal (accounts, trades, tags, goals, prop evaluations,
daily equity) into a new SQLite journal file.
  --db      the journal file to create (required)
  --trades  how many trades, 1 to 5000000 (default 5000)
  --seed    generator seed, 0 to 4294967295 (default 42); same seed + same --now = same file
  --now     the instant the history ends at (default: the current time)
  --force   delete an existing file first instead of refusing`;

const wholeNumber = (name: string, min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, `--${name} must be a whole number`)
    .transform(Number)
    .refine((n) => n >= min && n <= max, `--${name} must be between ${min} and ${max}`);

const ArgsSchema = z.object({
  db: z.string({ error: '--db <file> is required' }).min(1, '--db <file> is required'),
  trades: wholeNumber('trades', 1, 5_000_000).default(5000),
  seed: wholeNumber('seed', 0, 2 ** 32 - 1).default(42),
  now: z
    .string()
    .transform((s, ctx) => {
      const value = /^\d+$/.test(s) ? Number(s) : Date.parse(s);
      if (Number.isNaN(value)) {
        ctx.addIssue({ code: 'custom', message: `--now must be an ISO time (2025-01-31T12:00:00Z) or epoch ms, not "${s}"` });
        return z.NEVER;
      }
      return value;
    })
    .optional(),
  force: z.boolean().default(false),
});

function fail(message: string): never {
  process.stderr.write(`seed: ${message}\n\n${USAGE}\n`);
  process.exit(2);
}

function main(): void {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      options: {
        db: { type: 'string' },
        trades: { type: 'string' },
        seed: { type: 'string' },
        now: { type: 'string' },
        force: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const parsed = ArgsSchema.safeParse(values);
  if (!parsed.success) fail(parsed.error.issues.map((i) => i.message).join('; '));
  const { db, trades, seed, force } = parsed.data;
  const now = parsed.data.now ?? Date.now();
  const path = resolve(db);

  process.stdout.write(`Seeding ${trades.toLocaleString('en-US')} trades (seed ${seed}, now ${new Date(now).toISOString()}) into ${path}\n`);
  try {
    const result = seedJournalFile(path, { trades, seed, now, force });
    process.stdout.write(
      [
        `accounts:      ${result.accounts}`,
        `trades:        ${result.trades.toLocaleString('en-US')}`,
        `tag links:     ${result.tagLinks.toLocaleString('en-US')}`,
        `equity days:   ${result.dailyEquityDays.toLocaleString('en-US')}`,
        `file size:     ${(result.fileBytes / 1048576).toFixed(1)} MiB`,
        `open+migrate:  ${result.openMs} ms`,
        `demo load:     ${result.durationMs} ms (${Math.round(result.trades / (result.durationMs / 1000)).toLocaleString('en-US')} trades/s)`,
      ].join('\n') + '\n',
    );
  } catch (error) {
    if (error instanceof SeedRefusedError || error instanceof AppError) {
      process.stderr.write(`seed: ${error.message}\n`);
      process.exit(1);
    }
    // SQLite's own errors (not a database, disk full, ...) say what is wrong plainly enough.
    process.stderr.write(`seed: could not seed ${path}: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}

main();
