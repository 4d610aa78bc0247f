import { useId, useState } from 'react';
import {
  DATE_ORDERS,
  FILL_FIELDS,
  IMPORT_KINDS,
  TRADE_FIELDS,
  requiredFieldsOf,
  type ImportKind,
  type ImportPresetDefinition,
  type SectionStyle,
} from '../../../../shared/domain/import-preset';

const FIELD_LABELS: Record<string, string> = {
  tradeId: 'Trade ID',
  execId: 'Execution ID',
  orderId: 'Order ID',
  account: 'Account',
  symbol: 'Symbol',
  assetClass: 'Asset class',
  multiplier: 'Multiplier',
  direction: 'Direction (long/short)',
  side: 'Side (buy/sell)',
  openedAt: 'Opened at',
  closedAt: 'Closed at',
  executedAt: 'Executed at',
  qty: 'Quantity',
  price: 'Price',
  entryPrice: 'Entry price',
  exitPrice: 'Exit price',
  stopPrice: 'Stop price',
  targetPrice: 'Target price',
  grossPnl: 'Gross P&L',
  fxRate: 'Exchange rate (broker)',
  netPnl: 'Net P&L',
  rMultiple: 'R multiple',
  setup: 'Setup',
  tags: 'Tags',
  notes: 'Notes',
  openedTime: 'Opened time (when the date is apart)',
  closedTime: 'Closed time (when the date is apart)',
  executedTime: 'Executed time (when the date is apart)',
  buyPrice: 'Buy price (no direction column)',
  sellPrice: 'Sell price (no direction column)',
  boughtAt: 'Bought at (no direction column)',
  soldAt: 'Sold at (no direction column)',
  externalId: 'External ID',
  currency: 'Account currency',
  accountTimezone: 'Account time zone',
  startingBalance: 'Account starting balance',
  instrumentCurrency: 'Instrument currency',
  fills: 'Fills (Spark Journal JSON)',
};

const DATE_ORDER_LABELS: Record<string, string> = { YMD: 'Year-month-day', MDY: 'Month/day/year (US)', DMY: 'Day/month/year' };

export function emptyMapping(kind: ImportKind = 'trades'): ImportPresetDefinition {
  return {
    name: 'My broker layout',
    kind,
    columns: {},
    feeColumns: [],
    feeSign: 'positive',
    dateOrder: 'YMD',
    decimal: 'auto',
    tagSeparator: ';',
    fxLotSize: 1,
    defaultAssetClass: 'stock',
    formulaGuard: false,
    newestFirst: false,
    ownExport: false,
    stopAtFirstCell: [],
  };
}

/** Which header of the file holds each field; required fields are marked. */
export function MappingEditor({
  headers,
  initial,
  onApply,
  onSave,
  onTable,
  busy,
}: {
  headers: string[];
  initial: ImportPresetDefinition;
  onApply: (m: ImportPresetDefinition) => void;
  onSave: (m: ImportPresetDefinition) => void;
  /** Where the table starts changed: re-read the headers from there before columns are mapped. */
  onTable: (table: Pick<ImportPresetDefinition, 'headerRow' | 'section'>) => void;
  busy: boolean;
}) {
  const id = useId();
  const [mapping, setMapping] = useState<ImportPresetDefinition>(initial);
  const fields = mapping.kind === 'trades' ? TRADE_FIELDS : FILL_FIELDS;
  const required = new Set(requiredFieldsOf(mapping));
  const columns = mapping.columns as Record<string, string | undefined>;
  const setColumn = (field: string, header: string) => {
    const next = { ...columns };
    if (header === '') delete next[field];
    else next[field] = header;
    setMapping({ ...mapping, columns: next });
  };
  const missing = [...required].filter((f) => !columns[f]);
  const setTable = (next: ImportPresetDefinition) => {
    setMapping(next);
    onTable({ headerRow: next.headerRow, section: next.section });
  };
  const { headerRow, section, rowFilter } = mapping;
  const setFilter = (column: string, valuesText: string) => {
    const values = valuesText.split(',').map((v) => v.trim()).filter((v) => v !== '');
    const next = { ...mapping };
    if (column === '' || values.length === 0) delete next.rowFilter;
    else next.rowFilter = { column, values };
    setMapping(next);
  };
  const [filterColumn, setFilterColumn] = useState(rowFilter?.column ?? '');
  const [filterValues, setFilterValues] = useState(rowFilter?.values.join(', ') ?? '');
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Column mapping</h2>
      <p className="muted small">Tell Spark Journal which column of your file holds each figure. Fields marked “required” must be mapped.</p>
      <div className="filters plain">
        <div className="filter">
          <label htmlFor={`${id}-name`}>Layout name</label>
          <input id={`${id}-name`} value={mapping.name} onChange={(e) => setMapping({ ...mapping, name: e.target.value })} />
        </div>
        <div className="filter">
          <label htmlFor={`${id}-kind`}>One row per</label>
          <select id={`${id}-kind`} value={mapping.kind} onChange={(e) => setMapping({ ...mapping, kind: e.target.value as ImportKind, columns: {} })}>
            {IMPORT_KINDS.map((k) => (
              <option key={k} value={k}>
                {k === 'trades' ? 'Trade (entry and exit on one row)' : 'Fill (one execution per row)'}
              </option>
            ))}
          </select>
        </div>
        <div className="filter">
          <label htmlFor={`${id}-dates`}>Dates are written</label>
          <select id={`${id}-dates`} value={mapping.dateOrder} onChange={(e) => setMapping({ ...mapping, dateOrder: e.target.value as ImportPresetDefinition['dateOrder'] })}>
            {DATE_ORDERS.map((d) => (
              <option key={d} value={d}>
                {DATE_ORDER_LABELS[d]}
              </option>
            ))}
          </select>
        </div>
        <div className="filter">
          <label htmlFor={`${id}-decimal`}>Decimal mark</label>
          <select id={`${id}-decimal`} value={mapping.decimal} onChange={(e) => setMapping({ ...mapping, decimal: e.target.value as ImportPresetDefinition['decimal'] })}>
            <option value="auto">Detect</option>
            <option value=".">Point (1,234.56)</option>
            <option value=",">Comma (1.234,56)</option>
          </select>
        </div>
        <div className="filter">
          <label htmlFor={`${id}-feesign`}>Fees are written as</label>
          <select id={`${id}-feesign`} value={mapping.feeSign} onChange={(e) => setMapping({ ...mapping, feeSign: e.target.value as ImportPresetDefinition['feeSign'] })}>
            <option value="positive">Positive amounts</option>
            <option value="negative">Negative amounts</option>
          </select>
        </div>
      </div>
      <fieldset className="filters plain table-shape">
        <legend>Where the table is</legend>
        <div className="filter">
          <label htmlFor={`${id}-header-row`}>Header row</label>
          <input
            id={`${id}-header-row`}
            type="number"
            min={1}
            placeholder="found by the column names"
            value={headerRow ?? ''}
            onChange={(e) => {
              const next = { ...mapping };
              const n = Number(e.target.value);
              if (e.target.value === '' || !Number.isInteger(n) || n < 1) delete next.headerRow;
              else next.headerRow = n;
              setTable(next);
            }}
          />
        </div>
        <div className="filter">
          <label htmlFor={`${id}-section`}>Only the section</label>
          <input
            id={`${id}-section`}
            placeholder="e.g. Trades"
            value={section?.name ?? ''}
            onChange={(e) => {
              const next = { ...mapping };
              if (e.target.value.trim() === '') delete next.section;
              else next.section = { name: e.target.value, style: section?.style ?? 'firstCell' };
              setTable(next);
            }}
          />
        </div>
        <div className="filter">
          <label htmlFor={`${id}-section-style`}>The section is marked by</label>
          <select
            id={`${id}-section-style`}
            value={section?.style ?? 'firstCell'}
            disabled={!section}
            onChange={(e) => section && setTable({ ...mapping, section: { ...section, style: e.target.value as SectionStyle } })}
          >
            <option value="firstCell">its name in the first cell of every row</option>
            <option value="title">a title row above it</option>
          </select>
        </div>
        <div className="filter">
          <label htmlFor={`${id}-filter-column`}>Keep only rows whose column</label>
          <select
            id={`${id}-filter-column`}
            value={filterColumn}
            onChange={(e) => {
              setFilterColumn(e.target.value);
              setFilter(e.target.value, filterValues);
            }}
          >
            <option value="">— every row —</option>
            {headers.map((h) => (
              <option key={h} value={h}>
                {h}
              </option>
            ))}
          </select>
        </div>
        <div className="filter">
          <label htmlFor={`${id}-filter-values`}>is one of (comma-separated)</label>
          <input
            id={`${id}-filter-values`}
            placeholder="e.g. Order"
            value={filterValues}
            onChange={(e) => {
              setFilterValues(e.target.value);
              setFilter(filterColumn, e.target.value);
            }}
          />
        </div>
        <label className="check">
          <input type="checkbox" checked={mapping.newestFirst} onChange={(e) => setMapping({ ...mapping, newestFirst: e.target.checked })} />
          The newest row comes first
        </label>
      </fieldset>
      <div className="mapping-grid">
        {fields.map((field) => (
          <div className="filter" key={field}>
            <label htmlFor={`${id}-f-${field}`}>
              {FIELD_LABELS[field] ?? field}
              {required.has(field) ? ' (required)' : ''}
            </label>
            <select id={`${id}-f-${field}`} value={columns[field] ?? ''} aria-invalid={required.has(field) && !columns[field] ? true : undefined} onChange={(e) => setColumn(field, e.target.value)}>
              <option value="">— not in this file —</option>
              {headers.map((h) => (
                <option key={h} value={h}>
                  {h}
                </option>
              ))}
            </select>
          </div>
        ))}
      </div>
      <fieldset className="check-group fee-columns">
        <legend>Fee and commission columns (added together)</legend>
        {headers.map((h) => (
          <label key={h} className="check">
            <input
              type="checkbox"
              checked={mapping.feeColumns.includes(h)}
              onChange={(e) => setMapping({ ...mapping, feeColumns: e.target.checked ? [...mapping.feeColumns, h] : mapping.feeColumns.filter((c) => c !== h) })}
            />
            {h}
          </label>
        ))}
      </fieldset>
      {missing.length > 0 && (
        <p className="notice warn">Still to map: {missing.map((f) => FIELD_LABELS[f] ?? f).join(', ')}.</p>
      )}
      <div className="button-row">
        <button type="button" className="primary" disabled={busy} onClick={() => onApply(mapping)}>
          Preview with this mapping
        </button>
        <button type="button" disabled={busy} onClick={() => onSave(mapping)}>
          Save as preset
        </button>
      </div>
    </section>
  );
}
