import type { ReactNode } from 'react';

export interface MultiOption<V> {
  value: V;
  label: string;
  /** Options shown indented under this one (e.g. a futures root's contracts). */
  children?: MultiOption<V>[];
}

function closeOnEscape(e: React.KeyboardEvent<HTMLDetailsElement>) {
  if (e.key === 'Escape' && e.currentTarget.open) {
    e.currentTarget.open = false;
    e.currentTarget.querySelector('summary')?.focus();
  }
}

/**
 * A filter that takes any number of values: a disclosure showing what is chosen, with one
 * checkbox per option. A parent option stands for all its children: ticking it picks them
 * all, and it shows ticked when all are picked, half-ticked when some are.
 */
export function MultiSelect<V extends string | number>({
  label,
  allLabel,
  options,
  selected,
  onChange,
  footer,
}: {
  label: string;
  allLabel: string;
  options: MultiOption<V>[];
  selected: readonly V[];
  onChange(next: V[]): void;
  footer?: ReactNode;
}) {
  const chosen = new Set(selected);
  const leaves = (o: MultiOption<V>): V[] => (o.children?.length ? o.children.flatMap(leaves) : [o.value]);
  const toggle = (values: V[], on: boolean) => {
    const next = new Set(chosen);
    for (const v of values) {
      if (on) next.add(v);
      else next.delete(v);
    }
    onChange([...next]);
  };
  const names = options.flatMap((o) => (o.children?.length ? o.children : [o])).filter((o) => chosen.has(o.value)).map((o) => o.label);
  const summary = names.length === 0 ? allLabel : names.length <= 2 ? names.join(', ') : `${names.length} chosen`;

  const box = (o: MultiOption<V>, nested: boolean) => {
    const values = leaves(o);
    const picked = values.filter((v) => chosen.has(v)).length;
    return (
      <label key={`${nested ? 'c' : 'p'}-${String(o.value)}`} className={nested ? 'check nested' : 'check'}>
        <input
          type="checkbox"
          checked={picked === values.length}
          ref={(el) => {
            if (el) el.indeterminate = picked > 0 && picked < values.length;
          }}
          onChange={(e) => toggle(values, e.target.checked)}
        />
        {o.label}
      </label>
    );
  };

  return (
    <div className="filter">
      <span className="filter-label" aria-hidden="true">
        {label}
      </span>
      <details className="popover multi" onKeyDown={closeOnEscape}>
        <summary aria-label={`${label}: ${summary}`}>
          <span className="multi-summary">{summary}</span>
        </summary>
        <fieldset className="popover-body left">
          <legend>{label}</legend>
          <div className="multi-options">
            {options.length === 0 && <p className="muted">None in this journal.</p>}
            {options.map((o) => (
              <div key={String(o.value)}>
                {box(o, false)}
                {o.children && o.children.length > 1 && o.children.map((c) => box(c, true))}
              </div>
            ))}
          </div>
          <div className="multi-actions">
            <button type="button" onClick={() => onChange([])} disabled={chosen.size === 0}>
              {allLabel}
            </button>
            {footer}
          </div>
        </fieldset>
      </details>
    </div>
  );
}
