import type { ReactNode } from 'react';

/**
 * A table that may scroll inside its box: focusable so keyboard users can scroll it
 * with the arrow keys, and named so screen readers announce what it holds.
 */
export function TableScroll({ label, className, children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <div className={`table-wrap ${className ?? ''}`.trim()} tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
