import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import type { Sqlite } from '../db/client';
import { AppError } from '../errors';
import { writeExpectedEquity } from '../equity/rebuild';
import { withTradeFilterCountsDeferred } from '../journal/trade-filter-counts';
import { withIndexesDeferred } from '../db/bulk-indexes';
import type { DemoLoadResult } from '../../../../shared/ipc/channels/app';
import { DEMO_INSTRUMENTS, DEMO_MISTAKE_COLOR, DEMO_QUALITY_COLOR, DEMO_TAG_COLORS } from './catalog';
import { generateDemoJournal, planDemoJournal } from './generate-journal';
import { createDemoTradeWriter } from './demo-writer';
import { insertDemoGoals } from './demo-goals';
import { insertActiveEvaluation, insertPassedEvaluation } from './demo-evaluations';

const DAY_MS = 86_400_000;

export interface DemoJournalOptions {
  trades: number;
  seed: number;
}

const OptionsSchema = z
  .object({
    trades: z.number().int().min(1).max(5_000_000),
    seed: z.number().int().min(0).max(2 ** 32 - 1),
    now: z.number().int().min(Date.UTC(2000, 0, 1)).max(Date.UTC(2200, 0, 1)),
  })
  .strict();

/**
 * Writes a realistic, deterministic demo journal into an empty journal: accounts in
 * several time zones and currencies, futures, stocks, options, FX and crypto trades over
 * about three years, tags, notes, open trades, goals and prop evaluations, then rebuilds
 * daily equity. The same `seed` and `now` always produce identical database content.
 * Everything happens in one transaction: on any failure nothing is left behind.
 */
export function loadDemoJournal(sqlite: Sqlite, options: DemoJournalOptions & { now: number }): DemoLoadResult {
  const parsed = OptionsSchema.safeParse(options);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError(
      'validation',
      `Demo journal options are invalid: ${issue?.path.join('.') || 'options'} ${issue?.message ?? ''}. ` +
        'Use a whole number of trades from 1 to 5,000,000 and a seed from 0 to 4294967295.',
    );
  }
  const { trades, seed, now } = parsed.data;
  const started = performance.now();
  const shape = planDemoJournal(now);

  const load = sqlite.transaction(() => {
    const counts = sqlite
      .prepare('SELECT (SELECT COUNT(*) FROM accounts) AS accounts, (SELECT COUNT(*) FROM trades) AS trades')
      .get() as { accounts: number; trades: number };
    if (counts.accounts > 0 || counts.trades > 0) {
      throw new AppError(
        'conflict',
        `The demo journal can only be loaded into an empty journal; this one has ${counts.accounts} accounts and ${counts.trades} trades. Open or create a new journal file first.`,
      );
    }

    const insertAccount = sqlite.prepare(
      `INSERT INTO accounts (name, broker, currency, timezone, starting_balance_cents, created_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
    const accountIds = shape.accounts.map((account, i) =>
      Number(
        insertAccount.run(
          account.name, account.broker, account.currency, account.timeZone, account.startingBalanceCents,
          (shape.firstDays[i] ?? 0) * DAY_MS,
        ).lastInsertRowid,
      ),
    );

    // Instruments and tags may already exist (a journal with reference data but no
    // trades): reuse them by their unique name.
    const insertInstrument = sqlite.prepare(
      `INSERT INTO instruments (symbol, asset_class, multiplier, tick_size, currency, description)
       VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (symbol) DO NOTHING`,
    );
    const instrumentId = sqlite.prepare('SELECT id FROM instruments WHERE symbol = ?').pluck();
    const instrumentIds = DEMO_INSTRUMENTS.map((i) => {
      insertInstrument.run(i.symbol, i.assetClass, i.multiplier, i.tickSize, i.currency, i.description);
      return instrumentId.get(i.symbol) as number;
    });
    const insertTag = sqlite.prepare('INSERT INTO tags (name, color) VALUES (?, ?) ON CONFLICT (name) DO NOTHING');
    const tagId = sqlite.prepare('SELECT id FROM tags WHERE name = ?').pluck();
    const tagIds = shape.tags.names.map((name, i) => {
      const kind = shape.tags.kinds[i];
      const color = kind === 'mistake' ? DEMO_MISTAKE_COLOR : kind === 'quality' ? DEMO_QUALITY_COLOR : (DEMO_TAG_COLORS[i % DEMO_TAG_COLORS.length] ?? '#6b7280');
      insertTag.run(name, color);
      return tagId.get(name) as number;
    });

    const firstId = (sqlite.prepare('SELECT COALESCE(MAX(id), 0) + 1 FROM trades').pluck().get() as number);
    const writer = createDemoTradeWriter(sqlite, { accounts: accountIds, instruments: instrumentIds, tags: tagIds, currencies: shape.accounts.map((a) => a.currency) }, firstId);
    withTradeFilterCountsDeferred(sqlite, () => {
      withIndexesDeferred(sqlite, ['trades', 'trade_tags'], () => {
        generateDemoJournal({ trades, seed, now }, shape, (batch) => writer.write(batch));
      });
    });

    insertDemoGoals(sqlite, accountIds, shape.firstDays);
    insertActiveEvaluation(sqlite, accountIds[shape.evaluationIndex] ?? 0, shape.evaluationStartDay);
    // Equity only: the deferred write above already refreshed the analytics day facts.
    writeExpectedEquity(sqlite, null, null);
    insertPassedEvaluation(sqlite, accountIds[0] ?? 0, shape.accounts[0]?.startingBalanceCents ?? 0);
    return { accounts: accountIds.length, trades: writer.written };
  });

  const result = load.immediate();
  return { ...result, durationMs: Math.round(performance.now() - started) };
}
