import { useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import { EXPORT_FORMATS, EXPORT_TYPES, PROP_PHASES, PROP_STATUSES, type ExportFormat, type ExportType } from '../../../../shared/domain/enums';
import { EXPORT_TYPE_LABELS } from '../../../../shared/domain/export-columns';
import { GOAL_STATUSES } from '../../../../shared/domain/goals';
import { useExportsStore } from '../../store/exports-store';
import { useExportPresetsStore } from '../../store/export-presets-store';
import { useSettingsStore } from '../../store/settings-store';
import { errorMessage } from '../../api';
import { ColumnEditor } from './ColumnEditor';
import type { TradeFilter } from '../../../../shared/domain/trade';
import { FILTERS_BY_TYPE, defaultColumns, initialForm, toSpec, type ExportFormState } from './export-form-state';
import { LookupOptions } from '../LookupOptions';

export const FORMAT_LABELS: Record<ExportFormat, string> = { csv: 'CSV', json: 'JSON', xlsx: 'Excel (XLSX)', pdf: 'PDF report' };
const FIELD_NAMES: Record<string, string> = {
  dateFrom: 'From',
  dateTo: 'To',
  limit: 'At most (rows)',
  columns: 'Columns',
  title: 'Report title',
  accountIds: 'Account',
  instrumentIds: 'Instrument',
  tagIds: 'Tag',
  statuses: 'Status',
  phases: 'Phase',
};

/** 'params.filter.dateFrom' -> 'From'; 'columns.2.header' -> 'Column 3 header'. */
function fieldName(path: string): string {
  const parts = path.split('.');
  if (parts[0] === 'columns' && parts.length >= 2 && /^\d+$/.test(parts[1]!)) return `Column ${Number(parts[1]) + 1}${parts[2] === 'header' ? ' header' : ''}`;
  const named = [...parts].reverse().find((p) => FIELD_NAMES[p]);
  return named ? FIELD_NAMES[named]! : path || 'Request';
}

const words = (s: string) => s.replace(/_/g, ' ').replace(/^\w/, (c) => c.toUpperCase());

function Field({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="filter">
      <label htmlFor={id}>{label}</label>
      {children}
    </div>
  );
}

function CheckGroup({ legend, options, value, onChange }: { legend: string; options: readonly string[]; value: string[]; onChange: (v: string[]) => void }) {
  return (
    <fieldset className="check-group">
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o} className="check">
          <input type="checkbox" checked={value.includes(o)} onChange={(e) => onChange(e.target.checked ? [...value, o] : value.filter((v) => v !== o))} />
          {words(o)}
        </label>
      ))}
    </fieldset>
  );
}

/** The handed-over Trades filter in words: what the file will hold. */
function describeTradesFilter(f: TradeFilter): string {
  const parts: string[] = [];
  const count = (n: number | undefined, one: string, many: string) => {
    if (n) parts.push(n === 1 ? one : `${n} ${many}`);
  };
  if (f.dateFrom || f.dateTo) parts.push(`${f.dateFrom ?? 'the start'} to ${f.dateTo ?? 'today'}`);
  count(f.accountIds?.length, 'one account', 'accounts');
  count(f.instrumentIds?.length, 'one instrument', 'instruments');
  count(f.tagIds?.length, 'one tag', 'tags');
  count(f.setups?.length, 'one setup', 'setups');
  if (f.symbol) parts.push(`symbols containing “${f.symbol}”`);
  if (f.direction) parts.push(f.direction === 'long' ? 'long trades' : 'short trades');
  if (f.status) parts.push(f.status === 'open' ? 'open trades' : f.status === 'closed' ? 'closed trades' : 'trades waiting for a rate');
  if (f.netMinCents !== undefined || f.netMaxCents !== undefined) parts.push('a net P&L range');
  if (f.hourFrom !== undefined || f.hourTo !== undefined) parts.push('an opening-hour range');
  if (f.weekdays?.length) parts.push('some weekdays');
  if (f.holdMinMinutes !== undefined || f.holdMaxMinutes !== undefined) parts.push('a holding-time range');
  return parts.length ? parts.join(', ') : 'none (every trade)';
}

export function ExportForm() {
  const id = useId();
  const csvBomSetting = useSettingsStore((s) => s.settings.csvBom);
  const takeHandoff = useExportsStore((s) => s.takeHandoff);
  const [form, setForm] = useState<ExportFormState>(() => ({ ...initialForm('trades', csvBomSetting), ...takeHandoff() }));
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ kind: 'ok' | 'error' | 'info'; text: string; details?: string[] } | null>(null);
  const [presetName, setPresetName] = useState('');
  const create = useExportsStore((s) => s.create);
  const presets = useExportPresetsStore((s) => s.presets);
  const savePreset = useExportPresetsStore((s) => s.save);
  const removePreset = useExportPresetsStore((s) => s.remove);
  const loadPresets = useExportPresetsStore((s) => s.load);
  useEffect(() => {
    void loadPresets();
  }, [loadPresets]);
  // Names are unique ignoring case, as the server compares them.
  const namedPreset = presets.find((p) => p.name.toLowerCase() === presetName.trim().toLowerCase());
  // A filter handed over from the Trades page replaces the single-value fields until cleared.
  const handedOver = form.type === 'trades' ? form.tradesFilter : undefined;
  const shows = handedOver ? new Set(['sort', 'limit']) : FILTERS_BY_TYPE[form.type];
  const set = (patch: Partial<ExportFormState>) => {
    setForm((f) => ({ ...f, ...patch }));
    setResult(null);
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const outcome = await create(toSpec(form));
    setBusy(false);
    if (outcome.ok) {
      setResult({ kind: 'ok', text: `Export #${outcome.job.id} started. Its progress shows under Recent exports.` });
    } else if (outcome.cancelled) {
      setResult({ kind: 'info', text: 'No file was chosen, so nothing was exported.' });
    } else {
      const details = Object.entries(outcome.fields).map(([path, message]) => `${fieldName(path)}: ${message}`);
      setResult({ kind: 'error', text: details.length ? 'The export was not started. Fix this and try again:' : outcome.message, details });
    }
  };

  return (
    <form className="card export-form" aria-labelledby={`${id}-title`} onSubmit={(e) => void onSubmit(e)} noValidate>
      <div className="page-header">
        <h2 id={`${id}-title`}>New export</h2>
        <div className="button-row">
          <label htmlFor={`${id}-preset`} className="sr-only">
            Load a preset
          </label>
          <select
            id={`${id}-preset`}
            value=""
            onChange={(e) => {
              const preset = presets.find((p) => String(p.id) === e.target.value);
              if (preset) {
                setForm({ ...initialForm(preset.form.type, csvBomSetting), ...preset.form });
                setPresetName(preset.name);
                setResult({ kind: 'info', text: `Loaded preset “${preset.name}”.` });
              }
            }}
          >
            <option value="">{presets.length ? 'Load a preset…' : 'No saved presets'}</option>
            {presets.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
      </div>

      <div className="export-grid">
        <Field id={`${id}-type`} label="What to export">
          <select
            id={`${id}-type`}
            value={form.type}
            onChange={(e) => {
              const type = e.target.value as ExportType;
              set({ type, columns: defaultColumns(type) });
            }}
          >
            {EXPORT_TYPES.map((t) => (
              <option key={t} value={t}>
                {EXPORT_TYPE_LABELS[t]}
              </option>
            ))}
          </select>
        </Field>
        <fieldset className="format-choice">
          <legend>Format</legend>
          {EXPORT_FORMATS.map((f) => (
            <label key={f} className="check">
              <input type="radio" name={`${id}-format`} value={f} checked={form.format === f} onChange={() => set({ format: f })} />
              {FORMAT_LABELS[f]}
            </label>
          ))}
        </fieldset>
      </div>

      <fieldset className="filters-fieldset">
        <legend>Filters</legend>
        {handedOver && (
          <div className="notice info" role="note">
            <p>
              Exports the trades shown on the Trades page, with its filters: {describeTradesFilter(handedOver)}.
            </p>
            <button type="button" onClick={() => set({ tradesFilter: undefined })}>
              Choose filters here instead
            </button>
          </div>
        )}
        <div className="filters plain">
          {shows.has('dates') && (
            <>
              <Field id={`${id}-from`} label="From">
                <input id={`${id}-from`} type="date" value={form.dateFrom} onChange={(e) => set({ dateFrom: e.target.value })} />
              </Field>
              <Field id={`${id}-to`} label="To">
                <input id={`${id}-to`} type="date" value={form.dateTo} onChange={(e) => set({ dateTo: e.target.value })} />
              </Field>
            </>
          )}
          {shows.has('account') && (
            <Field id={`${id}-account`} label="Account">
              <select id={`${id}-account`} value={form.accountId} onChange={(e) => set({ accountId: e.target.value })}>
                <option value="">All accounts</option>
                <LookupOptions of="accounts" />
              </select>
            </Field>
          )}
          {shows.has('instrument') && (
            <Field id={`${id}-instrument`} label="Instrument">
              <select id={`${id}-instrument`} value={form.instrumentId} onChange={(e) => set({ instrumentId: e.target.value })}>
                <option value="">All instruments</option>
                <LookupOptions of="instruments" />
              </select>
            </Field>
          )}
          {shows.has('tag') && (
            <Field id={`${id}-tag`} label="Tag">
              <select id={`${id}-tag`} value={form.tagId} onChange={(e) => set({ tagId: e.target.value })}>
                <option value="">Any tag</option>
                <LookupOptions of="tags" />
              </select>
            </Field>
          )}
          {shows.has('direction') && (
            <Field id={`${id}-direction`} label="Direction">
              <select id={`${id}-direction`} value={form.direction} onChange={(e) => set({ direction: e.target.value as ExportFormState['direction'] })}>
                <option value="">Long and short</option>
                <option value="long">Long</option>
                <option value="short">Short</option>
              </select>
            </Field>
          )}
          {shows.has('status') && (
            <Field id={`${id}-status`} label="Status">
              <select id={`${id}-status`} value={form.status} onChange={(e) => set({ status: e.target.value as ExportFormState['status'] })}>
                <option value="">Open and closed</option>
                <option value="closed">Closed</option>
                <option value="open">Open</option>
              </select>
            </Field>
          )}
          {shows.has('sort') && (
            <Field id={`${id}-sort`} label="Order">
              <select
                id={`${id}-sort`}
                value={`${form.sortKey}:${form.sortDir}`}
                onChange={(e) => {
                  const [sortKey, sortDir] = e.target.value.split(':') as [ExportFormState['sortKey'], ExportFormState['sortDir']];
                  set({ sortKey, sortDir });
                }}
              >
                <option value="closedAt:asc">Oldest close first</option>
                <option value="closedAt:desc">Newest close first</option>
                <option value="openedAt:asc">Oldest open first</option>
                <option value="openedAt:desc">Newest open first</option>
                <option value="netPnl:desc">Biggest win first</option>
                <option value="netPnl:asc">Biggest loss first</option>
                <option value="symbol:asc">Symbol A–Z</option>
                <option value="symbol:desc">Symbol Z–A</option>
                <option value="id:asc">Trade ID, lowest first</option>
                <option value="id:desc">Trade ID, highest first</option>
              </select>
            </Field>
          )}
          {shows.has('limit') && (
            <Field id={`${id}-limit`} label="At most (rows)">
              <input id={`${id}-limit`} type="text" inputMode="numeric" placeholder="All" value={form.limit} onChange={(e) => set({ limit: e.target.value })} />
            </Field>
          )}
          {shows.has('activeOnly') && (
            <label className="check">
              <input type="checkbox" checked={form.activeOnly} onChange={(e) => set({ activeOnly: e.target.checked })} />
              Active goals only
            </label>
          )}
        </div>
        {shows.has('goalStatuses') && <CheckGroup legend="Goal status" options={GOAL_STATUSES} value={form.goalStatuses} onChange={(goalStatuses) => set({ goalStatuses })} />}
        {shows.has('propPhases') && <CheckGroup legend="Phase" options={PROP_PHASES} value={form.propPhases} onChange={(propPhases) => set({ propPhases })} />}
        {shows.has('propStatuses') && <CheckGroup legend="Status" options={PROP_STATUSES} value={form.propStatuses} onChange={(propStatuses) => set({ propStatuses })} />}
      </fieldset>

      <details className="columns-details">
        <summary>
          Columns: {form.columns.filter((c) => c.included).length} chosen (choose, reorder, rename)
        </summary>
        <ColumnEditor type={form.type} columns={form.columns} onChange={(columns) => set({ columns })} />
      </details>

      <fieldset className="options-fieldset">
        <legend>Options</legend>
        <div className="filters plain">
          {form.format === 'csv' && (
            <>
              <label className="check">
                <input type="checkbox" checked={form.csvBom} onChange={(e) => set({ csvBom: e.target.checked })} />
                Byte-order mark for Excel
              </label>
              <label className="check">
                <input type="checkbox" checked={form.csvFooter} onChange={(e) => set({ csvFooter: e.target.checked })} />
                Row-count footer line
              </label>
            </>
          )}
          {form.format === 'json' && (
            <Field id={`${id}-json`} label="JSON layout">
              <select id={`${id}-json`} value={form.jsonStyle} onChange={(e) => set({ jsonStyle: e.target.value as 'array' | 'ndjson' })}>
                <option value="array">One array</option>
                <option value="ndjson">One object per line (NDJSON)</option>
              </select>
            </Field>
          )}
          {form.format === 'pdf' && (
            <Field id={`${id}-title-input`} label="Report title">
              <input id={`${id}-title-input`} type="text" placeholder={EXPORT_TYPE_LABELS[form.type]} value={form.title} onChange={(e) => set({ title: e.target.value })} />
            </Field>
          )}
          {form.format === 'xlsx' && <p className="muted">Dates and money are typed cells. Past 1,048,575 rows (one Excel sheet) the rows continue on a second sheet, each with the header row.</p>}
        </div>
      </fieldset>

      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Starting…' : `Export ${EXPORT_TYPE_LABELS[form.type].toLowerCase()} as ${FORMAT_LABELS[form.format]}`}
        </button>
        <span className="preset-save">
          <label htmlFor={`${id}-preset-name`}>Preset name</label>
          <input id={`${id}-preset-name`} type="text" value={presetName} onChange={(e) => setPresetName(e.target.value)} maxLength={80} />
          <button
            type="button"
            disabled={presetName.trim() === ''}
            onClick={() => {
              void savePreset(presetName.trim(), form).then(
                (saved) => setResult({ kind: 'info', text: `Saved preset “${saved.name}” in this journal.` }),
                (error: unknown) => setResult({ kind: 'error', text: `The preset was not saved: ${errorMessage(error)}` }),
              );
            }}
          >
            Save as preset
          </button>
          {namedPreset && (
            <button
              type="button"
              className="danger"
              onClick={() => {
                void removePreset(namedPreset.id).then(
                  () => setResult({ kind: 'info', text: `Deleted preset “${namedPreset.name}”.` }),
                  (error: unknown) => setResult({ kind: 'error', text: `The preset was not deleted: ${errorMessage(error)}` }),
                );
              }}
            >
              Delete preset
            </button>
          )}
        </span>
      </div>
      <div role="status" aria-live="polite" className={result ? `notice ${result.kind === 'error' ? 'crit' : result.kind === 'ok' ? 'good' : ''}` : 'sr-only'}>
        {result?.text}
        {result?.details && result.details.length > 0 && (
          <ul>
            {result.details.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
        )}
      </div>
    </form>
  );
}
