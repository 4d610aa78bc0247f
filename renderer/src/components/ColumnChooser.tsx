import { TRADE_COLUMNS } from './trade-columns';
import { useTradeColumnsStore } from '../store/trade-columns-store';

/** A disclosure with one checkbox per Trades column. */
export function ColumnChooser() {
  const visible = useTradeColumnsStore((s) => s.visible);
  const toggle = useTradeColumnsStore((s) => s.toggle);
  const reset = useTradeColumnsStore((s) => s.reset);
  return (
    <details
      className="popover"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && e.currentTarget.open) {
          e.currentTarget.open = false;
          e.currentTarget.querySelector('summary')?.focus();
        }
      }}
    >
      <summary>Columns ({visible.length})</summary>
      <fieldset className="popover-body">
        <legend>Show these columns</legend>
        {TRADE_COLUMNS.map((c) => (
          <label key={c.id} className="check">
            <input
              type="checkbox"
              checked={visible.includes(c.id)}
              disabled={visible.length === 1 && visible.includes(c.id)}
              onChange={() => toggle(c.id)}
            />
            {c.label}
          </label>
        ))}
        <button type="button" onClick={reset}>
          Reset to default columns
        </button>
      </fieldset>
    </details>
  );
}
