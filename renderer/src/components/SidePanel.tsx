import { useEffect, useRef, type ReactNode } from 'react';

/** A modal side panel: focus moves in on open and back out on close; Escape closes it. */
export function SidePanel({ title, onClose, children }: { title: string; onClose: () => void; children: ReactNode }) {
  const closeRef = useRef<HTMLButtonElement>(null);
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    closeRef.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onCloseRef.current();
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
      previous?.focus();
    };
  }, []);
  return (
    <>
      <div className="panel-backdrop" onClick={onClose} />
      <aside className="side-panel wide" role="dialog" aria-modal="true" aria-label={title}>
        <div className="page-header">
          <h2>{title}</h2>
          <button type="button" ref={closeRef} onClick={onClose}>
            Close
          </button>
        </div>
        {children}
      </aside>
    </>
  );
}
