import type { ExportType } from '../../../../shared/domain/enums';
import { catalogOf, defaultColumns, type ColumnState } from './export-form-state';

/** Choose, order and rename the columns an export writes. */
export function ColumnEditor({ type, columns, onChange }: { type: ExportType; columns: ColumnState[]; onChange: (columns: ColumnState[]) => void }) {
  const catalog = catalogOf(type);
  const headerOf = (key: string) => catalog.find((c) => c.key === key)?.header ?? key;
  const move = (index: number, delta: number) => {
    const target = index + delta;
    if (target < 0 || target >= columns.length) return;
    const next = columns.slice();
    [next[index], next[target]] = [next[target]!, next[index]!];
    onChange(next);
  };
  const patch = (index: number, change: Partial<ColumnState>) => onChange(columns.map((c, i) => (i === index ? { ...c, ...change } : c)));
  const included = columns.filter((c) => c.included).length;

  return (
    <fieldset className="columns-editor">
      <legend>
        Columns <span className="muted">({included} of {columns.length}, written in this order)</span>
      </legend>
      <div className="button-row">
        <button type="button" onClick={() => onChange(columns.map((c) => ({ ...c, included: true })))}>
          Select all
        </button>
        <button type="button" onClick={() => onChange(defaultColumns(type))}>
          Reset to defaults
        </button>
      </div>
      <ol className="column-list">
        {columns.map((c, index) => {
          const header = headerOf(c.key);
          return (
            <li key={c.key} className={c.included ? undefined : 'excluded'}>
              <label className="check">
                <input type="checkbox" checked={c.included} onChange={(e) => patch(index, { included: e.target.checked })} />
                {header}
              </label>
              <input
                type="text"
                className="alias"
                aria-label={`Header for ${header}`}
                placeholder="Rename header…"
                value={c.alias}
                disabled={!c.included}
                onChange={(e) => patch(index, { alias: e.target.value })}
              />
              <span className="move">
                <button type="button" aria-label={`Move ${header} up`} disabled={index === 0} onClick={() => move(index, -1)}>
                  ↑
                </button>
                <button type="button" aria-label={`Move ${header} down`} disabled={index === columns.length - 1} onClick={() => move(index, 1)}>
                  ↓
                </button>
              </span>
            </li>
          );
        })}
      </ol>
    </fieldset>
  );
}
