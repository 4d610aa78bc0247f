import { openDb, type DbHandle } from './db/client';
import { createTradesQuery, type TradesQuery } from './journal/trades-query';
import { createLookups, type Lookups } from './journal/lookups';
import { createTradesSummary, type TradesSummary } from './journal/trades-summary';
import { createEventBus, type EventBus } from './event-bus';
import type { Desktop } from './desktop-port';
import type { Clock } from './clock';
import type { Logger } from './logging';
import { loadDemoJournal, type DemoJournalOptions } from './demo/load-demo';
import type { DemoLoadResult } from '../../../shared/ipc/channels/app';
import { createSettingsStore, type SettingsStore } from './settings/settings-store';
import { createEquityService, type EquityService } from './equity/equity-service';
import { createEquityValidator, sourceValidationWorker } from './equity/validation-threads';
import { createThreadedAnalytics, sourceAnalyticsWorker, type ThreadedAnalytics } from './analytics/analytics-thread';
import type { WorkerEntry } from './workers/worker-entry';
import { createGoalsService, type GoalsService } from './analytics/goals-service';
import { createPropEvaluationsService, type PropEvaluationsService } from './analytics/prop-service';
import { createExportService, type ExportService } from './exports/export-service';
import type { ExportQueueDeps } from './exports/queue';
import { sourceExportWorker, type ExportWorkerConfig } from './exports/worker-config';
import { createExportPresetStore, type ExportPresetStore } from './exports/preset-store';
import { createJournalWrites, type JournalWrites } from './journal/trade-writes-services';
import { createReviewServices, type ReviewServices } from './journal/review-services';
import { createImportService, type ImportService } from './import/import-service';
import { createBackupService, type BackupService } from './backup/backup-service';
import { readBackupFolderSetting, resolveBackupFolder } from './backup/backup-files';
import { createFileTokens, type FileTokens } from './files/file-tokens';

export interface ServicesConfig {
  dbPath: string;
  migrationsFolder: string;
  desktop: Desktop;
  clock: Clock;
  logger: Logger;
  appVersion?: string;
  backupDir?: string;
  /** Where the export worker's code is; defaults to worker.ts from source (tsx), for tests and scripts. */
  exportWorker?: ExportWorkerConfig;
  /** Export lease timings and this process's identity as a job owner (tests pose as another host). */
  exportLease?: ExportQueueDeps['lease'];
  exportOwner?: ExportQueueDeps['owner'];
  /** The analytics worker entry (bundled in the app; from source by default). */
  analyticsWorker?: WorkerEntry;
  /** The equity validation worker entry (bundled in the app; from source by default). */
  equityValidationWorker?: WorkerEntry;
}

export interface Services {
  config: ServicesConfig;
  db: DbHandle;
  events: EventBus;
  desktop: Desktop;
  clock: Clock;
  logger: Logger;
  settings: SettingsStore;
  lookups: Lookups;
  trades: TradesQuery;
  /** The Trades page's summary of one filter, and the setup names for its filter. */
  tradesSummary: TradesSummary;
  demo: { load(options: DemoJournalOptions): DemoLoadResult };
  /** Daily equity: status, validation (scheduled), rebuild, discrepancies. */
  equity: EquityService;
  /** Metrics, breakdowns, equity curve and calendar, computed in a worker_thread. */
  analytics: ThreadedAnalytics;
  goals: GoalsService;
  /** Prop-firm evaluations. */
  prop: PropEvaluationsService;
  /** The export queue and its jobs (exports:* and perf:* channels). */
  exports: ExportService;
  /** Saved export forms (exports:presets, exports:savePreset, exports:deletePreset). */
  exportPresets: ExportPresetStore;
  /** Manual writes: trades, tags, accounts, instruments (equity kept in step). */
  journal: JournalWrites;
  /** Trade review: attachments, daily notes, playbooks, price bars. */
  review: ReviewServices;
  /** CSV/XLSX import, presets, history and undo. */
  imports: ImportService;
  /** Online, automatic (daily, pre-restore) backups and restore. */
  backup: BackupService;
  /** Files picked in main's dialogs, known to the renderer only by token. */
  fileTokens: FileTokens;
  /** Stops background work and closes the database. */
  close(): Promise<void>;
}

/**
 * The composition root. Electron main, the test harness, the CLI and the scripts all
 * build the app through here, so they run the same graph; only the Desktop differs.
 */
export function createServices(config: ServicesConfig): Services {
  const db = openDb(config.dbPath, {
    migrationsFolder: config.migrationsFolder,
    // Pre-migration backups go to the same folder (and naming) as the automatic ones.
    backupDir: resolveBackupFolder(readBackupFolderSetting(config.dbPath), config.backupDir, config.dbPath),
    now: () => config.clock.now(),
  });
  const events = createEventBus();
  const settings = createSettingsStore(db.sqlite, config.logger, () => config.clock.now());
  const journal = createJournalWrites({ sqlite: db.sqlite, events, now: () => config.clock.now() });
  const validator = createEquityValidator({
    sqlite: db.sqlite, dbPath: config.dbPath, entry: config.equityValidationWorker ?? sourceValidationWorker(), logger: config.logger,
  });
  const trades = createTradesQuery(db.sqlite);
  const services: Services = {
    config,
    db,
    events,
    desktop: config.desktop,
    clock: config.clock,
    logger: config.logger,
    settings,
    lookups: createLookups(db.sqlite),
    trades,
    tradesSummary: createTradesSummary(db.sqlite, trades),
    demo: {
      load(options) {
        const result = loadDemoJournal(db.sqlite, { ...options, now: config.clock.now() });
        events.emit('journal:changed', { reason: 'demo-loaded' });
        config.logger.info('journal.demo.loaded', { ...result });
        return result;
      },
    },
    equity: createEquityService({
      sqlite: db.sqlite, clock: config.clock, logger: config.logger, events, desktop: config.desktop, settings, validator,
    }),
    analytics: createThreadedAnalytics({ dbPath: config.dbPath, entry: config.analyticsWorker ?? sourceAnalyticsWorker(), logger: config.logger }),
    goals: createGoalsService(db.sqlite, config.clock),
    prop: createPropEvaluationsService(db.sqlite, config.clock),
    exports: createExportService({
      sqlite: db.sqlite, dbPath: config.dbPath, clock: config.clock, logger: config.logger, events,
      desktop: config.desktop, settings, worker: config.exportWorker ?? sourceExportWorker(),
      lease: config.exportLease, owner: config.exportOwner,
    }),
    exportPresets: createExportPresetStore(db.sqlite, config.logger, () => config.clock.now()),
    journal,
    review: createReviewServices({ sqlite: db.sqlite, now: () => config.clock.now(), instruments: journal.instruments }),
    imports: createImportService({
      sqlite: db.sqlite, events, desktop: config.desktop, logger: config.logger, now: () => config.clock.now(),
      accounts: journal.accounts, instruments: journal.instruments,
    }),
    backup: createBackupService({
      sqlite: db.sqlite, dbPath: config.dbPath, migrationsFolder: config.migrationsFolder, configuredFolder: config.backupDir,
      settings, desktop: config.desktop, clock: config.clock, logger: config.logger, events,
      // Validate what was restored; rebuild (repairing stale trade days and nets) only what it got wrong.
      reconcile: async () => {
        const checked = await services.equity.validate({ accountId: null, trigger: 'restore' });
        if (checked.status === 'ok') return { daysRebuilt: 0, tradesRepaired: 0, validation: 'ok' };
        const rebuilt = await services.equity.rebuild({ accountId: null });
        return { daysRebuilt: rebuilt.days, tradesRepaired: rebuilt.tradesRepaired, validation: rebuilt.validation.status };
      },
    }),
    fileTokens: createFileTokens(() => config.clock.now()),
    async close() {
      await services.backup.stop();
      services.equity.stop();
      await validator.close();
      await services.exports.stop();
      await services.analytics.close();
      db.close();
    },
  };
  services.equity.start();
  services.exports.start();
  services.backup.start();
  return services;
}
