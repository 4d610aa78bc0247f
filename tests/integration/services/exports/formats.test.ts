import { join } from 'node:path';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServices, type TestServices } from '../../../helpers/test-services';
import { EXPORT_FORMATS, EXPORT_TYPES, type ExportFormat, type ExportType } from '../../../../shared/domain/enums';
import { EXPORT_COLUMN_CATALOGS, selectColumns, type SelectedColumn } from '../../../../shared/domain/export-columns';
import { ExportSpecSchema, type ExportSpec } from '../../../../shared/domain/export-params';
import type { ExportJob } from '../../../../shared/domain/export-job';
import { seedExportJournal } from './export-fixture';
import { expectedRows, expectedTrades } from './expected-rows';
import { csvGuarded, firstDifference, type CanonicalRow } from './canonical';
import { readCsv, readJson, readPdf, readXlsx } from './read-back';

const TRADES = 180;
let t: TestServices;
const jobs = new Map<string, ExportJob>();

const allColumns = (type: ExportType) => EXPORT_COLUMN_CATALOGS[type].map((c) => ({ key: c.key }));

function specFor(type: ExportType, format: ExportFormat): ExportSpec {
  // PDF gets the default columns (a report); the data formats get every column of the catalog.
  return ExportSpecSchema.parse({
    type,
    format,
    ...(format === 'pdf' ? {} : { columns: allColumns(type) }),
    options: format === 'csv' ? { csvFooter: true, csvBom: true } : format === 'json' && type === 'trades' ? { jsonStyle: 'ndjson' } : {},
  });
}

const money = (cents: number) => {
  const s = (Math.abs(cents) / 100).toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return cents < 0 ? `-${s}` : s;
};

beforeAll(async () => {
  t = createTestServices();
  seedExportJournal(t.services.db.sqlite, { trades: TRADES, now: Date.now() });
  t.services.settings.update({ exportConcurrency: 2, maxActiveExportJobs: 40 });
  mkdirSync(join(t.dir, 'out'));
  const queued: ExportJob[] = [];
  for (const type of EXPORT_TYPES) {
    for (const format of EXPORT_FORMATS) {
      queued.push(t.services.exports.enqueue(specFor(type, format), join(t.dir, 'out', `${type}.${format}`)));
    }
  }
  for (const job of queued) {
    const done = await t.services.exports.waitFor(job.id);
    jobs.set(`${done.type}.${done.format}`, done);
  }
}, 240_000);

afterAll(async () => {
  await t?.cleanup();
});

describe.each(EXPORT_TYPES)('%s export', (type) => {
  const columnsFor = (format: ExportFormat): SelectedColumn[] => selectColumns(type, specFor(type, format).columns);
  const expected = (job: ExportJob, columns: SelectedColumn[]): CanonicalRow[] =>
    expectedRows(t.services.db.sqlite, type, columns, job.startedAt!);

  it('completes every format with the row count of the database and no partial file', () => {
    for (const format of EXPORT_FORMATS) {
      const job = jobs.get(`${type}.${format}`)!;
      expect(job.error).toBeNull();
      expect(job.status).toBe('completed');
      expect(job.rowsWritten).toBe(expected(job, columnsFor(format)).length);
      expect(job.rowsTotal).toBe(job.rowsWritten);
      expect(job.bytesWritten).toBe(readFileSync(job.targetPath).length);
    }
    expect(readdirSync(join(t.dir, 'out')).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });

  it('CSV reads back (csv-parse) equal to the database, guarded against formulas, with BOM and footer', () => {
    const job = jobs.get(`${type}.csv`)!;
    const columns = columnsFor('csv');
    const csv = readCsv(job.targetPath, columns);
    const rows = expected(job, columns);
    expect(rows.length).toBeGreaterThan(0);
    expect(csv.bom).toBe(true);
    expect(csv.footer).toBe(`# streamed_rows=${rows.length}`);
    expect(csv.header).toEqual(columns.map((c) => csvGuarded(c.header)));
    expect(firstDifference(columns, csv.rows, rows, { textOf: (_kind, text) => csvGuarded(text) })).toBeNull();
  });

  it('JSON reads back (JSON.parse) equal to the database', () => {
    const job = jobs.get(`${type}.json`)!;
    const columns = columnsFor('json');
    const json = readJson(job.targetPath, columns, job.options.jsonStyle);
    expect(json.keys).toEqual(columns.map((c) => c.key));
    expect(firstDifference(columns, json.rows, expected(job, columns))).toBeNull();
  });

  it('XLSX reads back (exceljs) equal to the database, typed and with a frozen bold header', async () => {
    const job = jobs.get(`${type}.xlsx`)!;
    const columns = columnsFor('xlsx');
    const xlsx = await readXlsx(job.targetPath, columns);
    expect(xlsx.header).toEqual(columns.map((c) => c.header));
    expect(xlsx.frozenHeader).toBe(true);
    expect(xlsx.headerBold).toBe(true);
    const rows = expected(job, columns);
    expect(firstDifference(columns, xlsx.rows, rows, { msTolerance: 1 })).toBeNull();
    columns.forEach((c, i) => {
      if (rows[0]![i] === null) return;
      if (c.kind === 'money') expect(xlsx.numFmts[i]).toContain('"$"#,##0.00');
      if (c.kind === 'datetime') expect(xlsx.numFmts[i]).toBe('yyyy-mm-dd hh:mm:ss');
      if (c.kind === 'day') expect(xlsx.numFmts[i]).toBe('yyyy-mm-dd');
      if (c.kind === 'percent') expect(xlsx.numFmts[i]).toBe('0.00%');
    });
  });

  it('PDF has a cover with summary, 50 rows a page with page numbers, and the rows in order', async () => {
    const job = jobs.get(`${type}.pdf`)!;
    const columns = columnsFor('pdf');
    const rows = expected(job, columns);
    const pdf = await readPdf(job.targetPath);
    expect(pdf.pages).toBe(1 + Math.ceil(rows.length / 50));
    expect(pdf.pageTexts[0]).toContain('Summary');
    expect(pdf.pageTexts[0]).toContain('Filters');
    pdf.pageTexts.forEach((text, i) => expect(text).toContain(`Page ${i + 1} of ${pdf.pages}`));
    // Each row shows up in order: find the line holding its key cells after the previous row's line.
    const lines = pdf.pageTexts.slice(1).join('\n').split('\n');
    const keyCells = columns
      .map((c, i) => ({ c, i }))
      .filter(({ c }) => c.kind === 'money' || c.kind === 'integer' || c.kind === 'day')
      .slice(0, 2);
    expect(keyCells.length).toBeGreaterThan(0);
    let at = 0;
    for (const row of rows) {
      const needles = keyCells.map(({ c, i }) => {
        const v = row[i];
        if (v === null) return '';
        return c.kind === 'money' ? money(v as number) : c.kind === 'integer' ? (v as number).toLocaleString('en-US') : String(v);
      });
      const found = lines.findIndex((line, index) => index >= at && needles.every((n) => line.includes(n)));
      expect(found, `row ${JSON.stringify(needles)} not found in order`).toBeGreaterThanOrEqual(0);
      at = found + 1;
    }
  });
});

describe('trades export filters', () => {
  it('selects exactly the Trades page rows for the same filter, in the chosen columns, order and aliases', async () => {
    const sqlite = t.services.db.sqlite;
    const prop = (sqlite.prepare("SELECT id FROM accounts WHERE name = 'Prop 50k'").get() as { id: number }).id;
    const breakout = (sqlite.prepare("SELECT id FROM tags WHERE name = 'breakout'").get() as { id: number }).id;
    const days = sqlite.prepare("SELECT MIN(close_day) AS a, MAX(close_day) AS b FROM trades").get() as { a: string; b: string };
    const filter = { accountIds: [prop], tagIds: [breakout], status: 'closed' as const, dateFrom: days.a, dateTo: days.b };
    const spec = ExportSpecSchema.parse({
      type: 'trades',
      format: 'json',
      params: { filter, sort: { key: 'closedAt', dir: 'asc' } },
      columns: [{ key: 'netPnl', header: 'Net' }, { key: 'id' }, { key: 'tags', header: 'Labels' }],
    });
    const job = await t.services.exports.waitFor(t.services.exports.enqueue(spec, join(t.dir, 'out', 'filtered.json')).id);
    expect(job.status).toBe('completed');
    const objects = JSON.parse(readFileSync(job.targetPath, 'utf8')) as Record<string, unknown>[];
    expect(Object.keys(objects[0]!)).toEqual(['Net', 'id', 'Labels']);

    const page = t.services.trades.list(filter, { key: 'closedAt', dir: 'asc' }, 0, 500);
    expect(objects.length).toBe(page.total);
    expect(objects.map((o) => o.id).sort()).toEqual(page.rows.map((r) => r.id).sort());
    const byId = new Map(expectedTrades(sqlite).map((r) => [r.id, r]));
    for (const o of objects) {
      const trade = byId.get(o.id as number)!;
      expect(Math.round((o.Net as number) * 100)).toBe(trade.netPnl);
      expect(o.Labels).toEqual(trade.tags);
      expect(o.Labels as string[]).toContain('breakout');
    }

    const limited = ExportSpecSchema.parse({ type: 'trades', format: 'csv', params: { filter, limit: 3, sort: { key: 'netPnl', dir: 'desc' } }, columns: [{ key: 'id' }, { key: 'netPnl' }] });
    const limitedJob = await t.services.exports.waitFor(t.services.exports.enqueue(limited, join(t.dir, 'out', 'top3.csv')).id);
    const top = readCsv(limitedJob.targetPath, selectColumns('trades', limited.columns)).rows;
    const best = [...objects].sort((a, b) => (b.Net as number) - (a.Net as number) || (b.id as number) - (a.id as number)).slice(0, 3);
    expect(top.map((r) => r[0])).toEqual(best.map((o) => o.id));
    expect(limitedJob.rowsTotal).toBe(3);
    expect(readdirSync(join(t.dir, 'out')).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });
});
