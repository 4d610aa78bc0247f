import { readFileSync, writeFileSync } from 'node:fs';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { openDb } from '../../electron/main/services/db/client';
import { systemClock } from '../../electron/main/services/clock';
import { silentLogger } from '../../electron/main/services/logging';
import { tradesExportQuery } from '../../electron/main/services/exports/jobs/trades';
import { TradesExportParamsSchema, ExportSpecSchema } from '../../shared/domain/export-params';
import { selectColumns, LIST_SEPARATOR, type SelectedColumn } from '../../shared/domain/export-columns';
import { runHeadlessExport } from '../cli/headless-export';

/**
 * One measurement of the export benchmark, run in its own process (bundled, like the app):
 *   raw      iterate the trades export's own SELECT, nothing written
 *   export   one export through the engine (service + queue + worker), event loop watched
 *   exceljs  a plain exceljs streaming WorkbookWriter fed the same rows (baseline)
 *   pdflib   a plain pdf-lib report of the same rows drawn with page.drawText (baseline)
 * Prints one JSON line: rows, wallMs, maxRssMiB (+ mode-specific figures).
 */

const { values } = parseArgs({
  options: {
    mode: { type: 'string' },
    db: { type: 'string' },
    out: { type: 'string' },
    format: { type: 'string' },
    limit: { type: 'string' },
    worker: { type: 'string' },
    migrations: { type: 'string' },
  },
});

const limit = values.limit ? Number(values.limit) : undefined;
const params = TradesExportParamsSchema.parse(limit ? { limit } : {});
const columns = selectColumns('trades', undefined);
/**
 * Peak RSS of this process. On Linux it is VmHWM from /proc/self/status: getrusage's maxRSS
 * survives fork and exec, so a child of a parent that had just seeded the journal (300 MiB)
 * reported the parent's peak as its own. VmHWM belongs to this process's address space only.
 */
function maxRssMiB(): number {
  try {
    const hwm = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (hwm) return Number(hwm[1]) / 1024;
  } catch {
    // not Linux: fall back to getrusage
  }
  return process.resourceUsage().maxRSS / 1024;
}

/** CPU of every thread of this process (main, worker, libuv pool): steadier than wall on shared cores. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

function print(result: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify({ ...result, cpuMs: cpuMs(), maxRssMiB: maxRssMiB() })}\n`);
}

function* sourceRows(dbPath: string): Generator<unknown[]> {
  const db = openDb(dbPath, { readonly: true });
  try {
    db.sqlite.pragma('temp_store = FILE');
    const query = tradesExportQuery(params, columns);
    yield* db.sqlite.prepare(query.sql).raw(true).iterate(...query.params) as IterableIterator<unknown[]>;
  } finally {
    db.close();
  }
}

function raw(dbPath: string): void {
  const started = performance.now();
  let rows = 0;
  let cells = 0;
  for (const row of sourceRows(dbPath)) {
    rows += 1;
    cells += row.length;
  }
  print({ rows, cells, wallMs: performance.now() - started });
}

async function engineExport(): Promise<void> {
  const baseRssMiB = process.memoryUsage().rss / 1048576;
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  const spec = ExportSpecSchema.parse({ type: 'trades', format: values.format, params });
  const t0 = performance.now();
  let startedAfterMs: number | undefined;
  const { job, perf, wallMs } = await runHeadlessExport({
    onProgress: (p) => {
      if (startedAfterMs === undefined && p.rowsTotal !== null) startedAfterMs = performance.now() - t0;
    },
    dbPath: values.db!,
    migrationsFolder: values.migrations!,
    outPath: values.out!,
    spec,
    worker: { path: values.worker! },
    clock: systemClock,
    logger: silentLogger,
  });
  loop.disable();
  if (job.status !== 'completed') throw new Error(`export ${job.status}: ${job.error?.message}`);
  print({
    rows: job.rowsWritten,
    bytes: job.bytesWritten,
    wallMs,
    workerMs: perf?.durationMs,
    startedAfterMs,
    peakHeapMiB: (perf?.peakHeapBytes ?? 0) / 1048576,
    baseRssMiB,
    loopP99Ms: loop.percentile(99) / 1e6,
    loopMaxMs: loop.max / 1e6,
  });
}

const EXCEL_FORMATS: Partial<Record<SelectedColumn['kind'], string>> = {
  money: '"$"#,##0.00;-"$"#,##0.00',
  datetime: 'yyyy-mm-dd hh:mm:ss',
  day: 'yyyy-mm-dd',
  percent: '0.00%',
};

/** What a developer would write with exceljs's streaming writer, typed cells included. */
async function plainExceljs(): Promise<void> {
  // Loaded only here, so the engine's runs do not carry the baselines' libraries in their RSS.
  const { default: ExcelJS } = await import('exceljs');
  const started = performance.now();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: values.out!, useStyles: true });
  const sheet = workbook.addWorksheet('Trades', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, key: c.key, width: 14, style: EXCEL_FORMATS[c.kind] ? { numFmt: EXCEL_FORMATS[c.kind] } : {} }));
  sheet.getRow(1).font = { bold: true };
  let rows = 0;
  for (const row of sourceRows(values.db!)) {
    sheet
      .addRow(
        row.map((v, i) => {
          if (v === null) return null;
          switch (columns[i]!.kind) {
            case 'money':
              return (v as number) / 100;
            case 'datetime':
              return new Date(v as number);
            case 'day':
              return new Date(`${v as string}T00:00:00Z`);
            case 'list':
              return (v as string).split(LIST_SEPARATOR).join('; ');
            default:
              return v;
          }
        }),
      )
      .commit();
    rows += 1;
  }
  sheet.commit();
  await workbook.commit();
  print({ rows, wallMs: performance.now() - started });
}

/**
 * The leanest plain exceljs run: the streaming writer's defaults (no styles), each row fed
 * as SQLite returns it (money in cents, times as epoch numbers). Untyped cells, so not a
 * usable export: the lower bound of what exceljs itself costs on these rows.
 */
async function plainExceljsMinimal(): Promise<void> {
  const { default: ExcelJS } = await import('exceljs');
  const started = performance.now();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: values.out! });
  const sheet = workbook.addWorksheet('Trades');
  sheet.addRow(columns.map((c) => c.header)).commit();
  let rows = 0;
  for (const row of sourceRows(values.db!)) {
    sheet.addRow(row).commit();
    rows += 1;
  }
  sheet.commit();
  await workbook.commit();
  print({ rows, wallMs: performance.now() - started });
}

/** What a developer would write with pdf-lib: drawText per cell, 50 rows a page, page numbers, save(). */
async function plainPdfLib(): Promise<void> {
  const { PDFDocument, StandardFonts } = await import('pdf-lib');
  const started = performance.now();
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const cover = doc.addPage([842, 595]);
  cover.drawText('Trades', { x: 36, y: 540, size: 18, font: bold });
  const width = (842 - 72) / columns.length;
  const safe = (s: string) => s.replace(/[^\x20-\x7e]/g, '?').slice(0, 18);
  let page = cover;
  let rows = 0;
  for (const row of sourceRows(values.db!)) {
    if (rows % 50 === 0) {
      page = doc.addPage([842, 595]);
      columns.forEach((c, i) => page.drawText(safe(c.header), { x: 36 + i * width, y: 560, size: 5.5, font: bold }));
    }
    const y = 550 - (rows % 50) * 10;
    row.forEach((v, i) => {
      if (v !== null) page.drawText(safe(String(v)), { x: 36 + i * width, y, size: 5.5, font });
    });
    rows += 1;
  }
  const pages = doc.getPages();
  pages.forEach((p, i) => p.drawText(`Page ${i + 1} of ${pages.length}`, { x: 740, y: 20, size: 8, font }));
  writeFileSync(values.out!, await doc.save());
  print({ rows, wallMs: performance.now() - started });
}

const modes: Record<string, () => void | Promise<void>> = {
  raw: () => raw(values.db!),
  export: engineExport,
  exceljs: plainExceljs,
  'exceljs-min': plainExceljsMinimal,
  pdflib: plainPdfLib,
};
const run = modes[values.mode ?? ''];
if (!run) throw new Error(`unknown --mode ${values.mode}`);
await run();
