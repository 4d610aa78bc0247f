import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A page's h1. It takes focus when the page is opened from the navigation, so keyboard and
 * screen-reader users land at the top of the new page rather than stay on the nav button.
 */
export function PageHeader({ id, title, children }: { id: string; title: string; children?: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (document.activeElement?.closest('nav[aria-label="Main"]')) ref.current?.focus();
  }, []);
  return (
    <div className="page-header">
      <h1 id={id} tabIndex={-1} ref={ref}>
        {title}
      </h1>
      {children && <div className="page-actions">{children}</div>}
    </div>
  );
}
