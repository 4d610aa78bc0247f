import { EXPORT_COLUMN_CATALOGS, type ExportColumnDef } from '../../../../shared/domain/export-columns';
import type { ExportType } from '../../../../shared/domain/enums';
import type { ExportSpecInput } from '../../../../shared/domain/export-params';
import type { ExportFormState } from '../../../../shared/domain/export-preset';

export interface ColumnState {
  key: string;
  included: boolean;
  /** Header alias; '' keeps the default header. */
  alias: string;
}

export type { ExportFormState } from '../../../../shared/domain/export-preset';

/** Which filter fields each export type takes. */
export const FILTERS_BY_TYPE: Record<ExportType, ReadonlySet<string>> = {
  trades: new Set(['dates', 'account', 'instrument', 'tag', 'direction', 'status', 'sort', 'limit']),
  dailyPnl: new Set(['dates', 'account']),
  tagPerformance: new Set(['dates', 'account', 'instrument', 'tag', 'direction']),
  goals: new Set(['account', 'activeOnly', 'goalStatuses']),
  propEvaluation: new Set(['account', 'propPhases', 'propStatuses']),
  dailyNotes: new Set(['dates', 'account']),
};

export function catalogOf(type: ExportType): readonly ExportColumnDef[] {
  return EXPORT_COLUMN_CATALOGS[type];
}

export function defaultColumns(type: ExportType): ColumnState[] {
  return catalogOf(type).map((c) => ({ key: c.key, included: c.default, alias: '' }));
}

export function initialForm(type: ExportType = 'trades', csvBom = false): ExportFormState {
  return {
    type,
    format: 'csv',
    dateFrom: '',
    dateTo: '',
    accountId: '',
    instrumentId: '',
    tagId: '',
    direction: '',
    status: '',
    sortKey: 'closedAt',
    sortDir: 'asc',
    limit: '',
    activeOnly: false,
    goalStatuses: [],
    propPhases: [],
    propStatuses: [],
    columns: defaultColumns(type),
    csvBom,
    csvFooter: false,
    jsonStyle: 'array',
    title: '',
  };
}

const ids = (value: string) => (value === '' ? undefined : [Number(value)]);
const opt = (value: string) => (value === '' ? undefined : value);

/**
 * The request for `exports:create`. Values are passed as typed; the server's schema
 * is the judge, and its messages are shown beside the form.
 */
export function toSpec(form: ExportFormState): ExportSpecInput {
  const columns = form.columns.filter((c) => c.included).map((c) => (c.alias.trim() ? { key: c.key, header: c.alias.trim() } : { key: c.key }));
  const options = {
    csvBom: form.csvBom,
    csvFooter: form.csvFooter,
    jsonStyle: form.jsonStyle,
    ...(form.title.trim() ? { title: form.title.trim() } : {}),
  };
  const base = { format: form.format, columns, options };
  const dates = { dateFrom: opt(form.dateFrom), dateTo: opt(form.dateTo) };
  switch (form.type) {
    case 'trades':
      return {
        ...base,
        type: 'trades',
        params: {
          filter: form.tradesFilter ?? {
            ...dates,
            accountIds: ids(form.accountId),
            instrumentIds: ids(form.instrumentId),
            tagIds: ids(form.tagId),
            direction: form.direction || undefined,
            status: form.status || undefined,
          },
          sort: { key: form.sortKey, dir: form.sortDir },
          limit: form.limit.trim() === '' ? undefined : Number(form.limit),
        },
      } as ExportSpecInput;
    case 'dailyPnl':
      return { ...base, type: 'dailyPnl', params: { ...dates, accountIds: ids(form.accountId) } } as ExportSpecInput;
    case 'dailyNotes':
      return { ...base, type: 'dailyNotes', params: { ...dates, accountIds: ids(form.accountId) } } as ExportSpecInput;
    case 'tagPerformance':
      return {
        ...base,
        type: 'tagPerformance',
        params: {
          ...dates,
          accountIds: ids(form.accountId),
          instrumentIds: ids(form.instrumentId),
          tagIds: ids(form.tagId),
          direction: form.direction || undefined,
        },
      } as ExportSpecInput;
    case 'goals':
      return {
        ...base,
        type: 'goals',
        params: { accountIds: ids(form.accountId), activeOnly: form.activeOnly, statuses: form.goalStatuses.length ? form.goalStatuses : undefined },
      } as ExportSpecInput;
    case 'propEvaluation':
      return {
        ...base,
        type: 'propEvaluation',
        params: {
          accountIds: ids(form.accountId),
          phases: form.propPhases.length ? form.propPhases : undefined,
          statuses: form.propStatuses.length ? form.propStatuses : undefined,
        },
      } as ExportSpecInput;
  }
}
