import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { EXPORT_FORMATS, EXPORT_TYPES } from '../../shared/domain/enums';
import { ExportSpecSchema, type ExportSpec } from '../../shared/domain/export-params';

export const USAGE = `Usage: npm run export -- --db <journal.db> --type <type> --format <format> --out <file> [options]

Runs one export through the app's export engine (queue + worker) without the app window.
It can run while the app (or another export) uses the same journal. It waits for retries and
exits 0 only once the file is written; 1 with the reason when the export fails or another job
already writes that file; 130 (Ctrl-C) or 143 (SIGTERM) after cancelling, partial file removed.
  --db <file>          the journal database (required)
  --type <type>        ${EXPORT_TYPES.join(' | ')} (required)
  --format <format>    ${EXPORT_FORMATS.join(' | ')} (required)
  --out <file>         the file to write (required; written as <file>.partial, then renamed)
Trade filters (trades; tagPerformance takes the date, account, instrument, tag and direction ones):
  --from <YYYY-MM-DD>  first trading day        --to <YYYY-MM-DD>     last trading day
  --account <id,...>   account ids              --instrument <id,...> instrument ids
  --tag <id,...>       tag ids                  --direction long|short
  --status open|closed                          --limit <n>           at most n trades
  --sort <key>[:asc|desc]  closedAt | openedAt | id | netPnl | symbol (default closedAt:asc)
Other types:
  --account <id,...>   (dailyPnl, goals, propEvaluation)   --active-only (goals)
Columns and format options:
  --columns <key[=Header],...>  columns in order, with optional header aliases
  --bom  --footer      CSV: byte-order mark; "# streamed_rows=N" footer
  --ndjson             JSON: one object per line instead of an array
  --title <text>       PDF report title
  --params <json>      the type's params as JSON (instead of the filter flags)`;

export class UsageError extends Error {}

export interface CliArgs {
  dbPath: string;
  outPath: string;
  spec: ExportSpec;
}

const ids = (name: string, value: string | undefined) => {
  if (value === undefined) return undefined;
  const list = value.split(',').map((s) => s.trim());
  if (list.some((s) => !/^\d+$/.test(s))) throw new UsageError(`--${name} takes whole-number ids separated by commas, not "${value}"`);
  return list.map(Number);
};

/** argv (after `--`) -> a validated export spec and paths; a UsageError says what is wrong. */
export function parseExportArgs(argv: string[]): CliArgs | 'help' {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        db: { type: 'string' },
        type: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        account: { type: 'string' },
        instrument: { type: 'string' },
        tag: { type: 'string' },
        direction: { type: 'string' },
        status: { type: 'string' },
        limit: { type: 'string' },
        sort: { type: 'string' },
        'active-only': { type: 'boolean' },
        columns: { type: 'string' },
        bom: { type: 'boolean' },
        footer: { type: 'boolean' },
        ndjson: { type: 'boolean' },
        title: { type: 'string' },
        params: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) return 'help';
  const str = (name: string) => values[name] as string | undefined;
  for (const required of ['db', 'type', 'format', 'out']) {
    if (!str(required)) throw new UsageError(`--${required} is required`);
  }
  const type = str('type')!;
  if (!(EXPORT_TYPES as readonly string[]).includes(type)) throw new UsageError(`--type must be one of ${EXPORT_TYPES.join(', ')}, not "${type}"`);

  let params: Record<string, unknown>;
  if (str('params')) {
    try {
      params = JSON.parse(str('params')!) as Record<string, unknown>;
    } catch {
      throw new UsageError('--params must be valid JSON');
    }
  } else {
    const limit = str('limit');
    if (limit !== undefined && !/^\d+$/.test(limit)) throw new UsageError(`--limit must be a whole number, not "${limit}"`);
    const [sortKey, sortDir = 'asc'] = (str('sort') ?? 'closedAt:asc').split(':');
    const common = {
      dateFrom: str('from'),
      dateTo: str('to'),
      accountIds: ids('account', str('account')),
      instrumentIds: ids('instrument', str('instrument')),
      tagIds: ids('tag', str('tag')),
      direction: str('direction'),
    };
    const defined = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
    params =
      type === 'trades'
        ? defined({ filter: defined({ ...common, status: str('status') }), sort: { key: sortKey, dir: sortDir }, limit: limit === undefined ? undefined : Number(limit) })
        : type === 'tagPerformance'
          ? defined(common)
          : type === 'dailyPnl'
            ? defined({ dateFrom: common.dateFrom, dateTo: common.dateTo, accountIds: common.accountIds })
            : type === 'goals'
              ? defined({ accountIds: common.accountIds, activeOnly: values['active-only'] === true ? true : undefined })
              : defined({ accountIds: common.accountIds });
  }
  const columns = str('columns')
    ?.split(',')
    .map((part) => {
      const [key, header] = part.split('=');
      return header === undefined ? { key: key!.trim() } : { key: key!.trim(), header: header.trim() };
    });
  const parsed = ExportSpecSchema.safeParse({
    type,
    format: str('format'),
    params,
    ...(columns ? { columns } : {}),
    options: {
      ...(values.bom ? { csvBom: true } : {}),
      csvFooter: values.footer === true,
      jsonStyle: values.ndjson ? 'ndjson' : 'array',
      ...(str('title') ? { title: str('title') } : {}),
    },
  });
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 5)
      .map((issue) => `${issue.path.length ? `${issue.path.map(String).join('.')}: ` : ''}${issue.message}`)
      .join('; ');
    throw new UsageError(`invalid export: ${issues}`);
  }
  return { dbPath: resolve(str('db')!), outPath: resolve(str('out')!), spec: parsed.data };
}
