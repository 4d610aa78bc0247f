import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { elementScroll, observeElementOffset, useVirtualizer } from '@tanstack/react-virtual';
import type { TradeSortKey } from '../../../shared/domain/trade';
import { useLookupsStore } from '../store/lookups-store';
import { useTradesStore } from '../store/trades-store';
import { useTradeColumnsStore } from '../store/trade-columns-store';
import { useFormat } from '../hooks/use-format';
import { columnTrack, TRADE_COLUMNS, type TradeColumn } from './trade-columns';
import { tickDecimals } from '../../../shared/domain/instrument-root';

export const ROW_HEIGHT = 32;
const HEADER_HEIGHT = 34;
/**
 * Chromium stops growing an element near 33.5M px. Past this height the scroll range is
 * compressed: the scrollbar maps proportionally onto the rows, so a million rows still fit.
 */
const MAX_SCROLL_PX = 30_000_000;

/** A drag handle on a header's right edge that sets the column's width (pointer only; the chooser resets widths). */
function ResizeHandle({ column }: { column: TradeColumn }) {
  const setWidth = useTradeColumnsStore((s) => s.setWidth);
  return (
    <span
      className="col-resize"
      aria-hidden="true"
      onPointerDown={(e) => {
        e.preventDefault();
        e.stopPropagation();
        const cell = e.currentTarget.parentElement;
        if (!cell) return;
        const startX = e.clientX;
        const startWidth = cell.getBoundingClientRect().width;
        const handle = e.currentTarget;
        handle.setPointerCapture(e.pointerId);
        const move = (ev: PointerEvent) => setWidth(column.id, startWidth + ev.clientX - startX);
        const up = () => {
          handle.removeEventListener('pointermove', move);
          handle.removeEventListener('pointerup', up);
        };
        handle.addEventListener('pointermove', move);
        handle.addEventListener('pointerup', up);
      }}
    />
  );
}

function SortHeader({ column }: { column: TradeColumn }) {
  const sort = useTradesStore((s) => s.sort);
  const setSort = useTradesStore((s) => s.setSort);
  const key = column.sortKey as TradeSortKey;
  const active = sort.key === key;
  const next = active && sort.dir === 'desc' ? 'asc' : 'desc';
  return (
    <div role="columnheader" className={column.numeric ? 'num' : undefined} aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <button type="button" className="sort" onClick={() => void setSort({ key, dir: next })}>
        {column.label}
        <span aria-hidden="true">{active ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}</span>
      </button>
      <ResizeHandle column={column} />
    </div>
  );
}

export function TradesTable() {
  const total = useTradesStore((s) => s.total);
  const pages = useTradesStore((s) => s.pages);
  const loading = useTradesStore((s) => s.loading);
  const error = useTradesStore((s) => s.error);
  const queryId = useTradesStore((s) => s.queryId);
  const ensureRange = useTradesStore((s) => s.ensureRange);
  const rowAt = useTradesStore((s) => s.rowAt);
  const selectedId = useTradesStore((s) => s.selected?.id ?? null);
  const select = useTradesStore((s) => s.select);
  const visible = useTradeColumnsStore((s) => s.visible);
  const widths = useTradeColumnsStore((s) => s.widths);
  const accounts = useLookupsStore((s) => s.accounts);
  const fmt = useFormat();
  const currencyOf = useMemo(() => new Map(accounts.map((a) => [a.id, a.currency])), [accounts]);
  const instruments = useLookupsStore((s) => s.instruments);
  const digitsOf = useMemo(() => new Map(instruments.map((i) => [i.id, tickDecimals(i.tickSize)])), [instruments]);
  const columns = useMemo(() => TRADE_COLUMNS.filter((c) => visible.includes(c.id)), [visible]);
  const template = columns.map((c) => columnTrack(c, widths[c.id])).join(' ');
  // Rows span the grid's width, or the columns' widths when those are wider (then the grid scrolls sideways).
  const rowWidth = `max(100%, ${columns.reduce((sum, c) => sum + (widths[c.id] ?? c.width), 0)}px)`;
  // The row opens from its symbol (always filled in), or from the first column without one.
  const opener = columns.some((c) => c.id === 'symbol') ? 'symbol' : columns[0]?.id;

  const scrollRef = useRef<HTMLDivElement>(null);
  const [viewport, setViewport] = useState(600);
  const virtualHeight = total * ROW_HEIGHT;
  const realHeight = Math.min(virtualHeight, MAX_SCROLL_PX);
  // Scroll positions map linearly between the real (capped) and the virtual content, header included,
  // so the top and the bottom of the scrollbar are exactly the first and the last row.
  const scale = virtualHeight > MAX_SCROLL_PX ? Math.max(1, (HEADER_HEIGHT + virtualHeight - viewport) / Math.max(1, HEADER_HEIGHT + realHeight - viewport)) : 1;
  const scaleRef = useRef(scale);
  scaleRef.current = scale;

  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    observeElementOffset: (instance, cb) => observeElementOffset(instance, (offset, isScrolling) => cb(offset * scaleRef.current, isScrolling)),
    scrollToFn: (offset, options, instance) =>
      elementScroll(offset / scaleRef.current, { ...options, adjustments: (options.adjustments ?? 0) / scaleRef.current }, instance),
  });

  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setViewport(el.clientHeight));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // A new query starts at the top.
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [queryId]);

  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  useEffect(() => {
    if (total > 0) ensureRange(first, last);
  }, [first, last, total, pages, ensureRange]);

  const scrollTop = scrollRef.current?.scrollTop ?? 0;
  const shift = scrollTop * (scale - 1);
  const firstLoaded = items.find((i) => rowAt(i.index));
  const virtualOffset = scrollTop * scale;
  const visibleFirst = Math.min(total, Math.floor(virtualOffset / ROW_HEIGHT) + 1);
  const visibleLast = Math.min(total, Math.ceil((virtualOffset + viewport - HEADER_HEIGHT) / ROW_HEIGHT - 0.01));

  // Arrow keys move between rows (focus follows, the grid scrolls and fetches as needed).
  const [focusIndex, setFocusIndex] = useState<number | null>(null);
  useEffect(() => {
    if (focusIndex === null) return;
    const button = scrollRef.current?.querySelector<HTMLButtonElement>(`[role=row][data-index="${focusIndex}"] button.open-trade`);
    if (button) {
      button.focus({ preventScroll: true });
      setFocusIndex(null);
    }
  });

  const scrollRowIntoView = (el: HTMLDivElement, index: number) => {
    const top = index * ROW_HEIGHT;
    const offset = el.scrollTop * scale;
    if (top < offset) el.scrollTop = top / scale;
    else if (top + ROW_HEIGHT > offset + el.clientHeight - HEADER_HEIGHT) el.scrollTop = (top + ROW_HEIGHT - el.clientHeight + HEADER_HEIGHT) / scale;
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const el = e.currentTarget;
    const row = (e.target as HTMLElement).closest<HTMLElement>('[role=row][data-index]');
    if (row && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
      e.preventDefault();
      const next = Math.max(0, Math.min(total - 1, Number(row.dataset.index) + (e.key === 'ArrowDown' ? 1 : -1)));
      scrollRowIntoView(el, next);
      setFocusIndex(next);
      return;
    }
    // Home/End jump through the whole result, not just the rows rendered.
    if (e.target !== e.currentTarget) return;
    if (e.key === 'Home') {
      e.preventDefault();
      el.scrollTop = 0;
    } else if (e.key === 'End') {
      e.preventDefault();
      el.scrollTop = el.scrollHeight;
    }
  };

  return (
    <div className="trades-table">
      <div className="table-status" role="status" aria-live="polite">
        {loading
          ? 'Loading trades…'
          : total === 0
            ? 'No trades match these filters.'
            : `Rows ${fmt.count(visibleFirst)}–${fmt.count(Math.max(visibleFirst, visibleLast))} of ${fmt.count(total)} trades`}
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div
        ref={scrollRef}
        className="vgrid"
        role="table"
        aria-label="Trades"
        aria-rowcount={total + 1}
        tabIndex={0}
        onKeyDown={onKeyDown}
        data-first-loaded={firstLoaded?.index ?? -1}
      >
        <div role="rowgroup">
          <div role="row" aria-rowindex={1} className="vgrid-head" style={{ gridTemplateColumns: template, height: HEADER_HEIGHT, width: rowWidth }}>
            {columns.map((c) =>
              c.sortKey ? (
                <SortHeader key={c.id} column={c} />
              ) : (
                <div key={c.id} role="columnheader" className={c.numeric ? 'num' : undefined}>
                  {c.label}
                  <ResizeHandle column={c} />
                </div>
              ),
            )}
          </div>
        </div>
        <div role="rowgroup" className="vgrid-body" style={{ height: realHeight }}>
          {items.map((item) => {
            const row = rowAt(item.index);
            const top = item.start - HEADER_HEIGHT - shift;
            if (!row) {
              return (
                <div
                  key={`p${item.index}`}
                  role="row"
                  aria-rowindex={item.index + 2}
                  className="vgrid-row placeholder"
                  style={{ gridTemplateColumns: template, height: ROW_HEIGHT, width: rowWidth, transform: `translateY(${top}px)` }}
                >
                  <div role="cell">Loading…</div>
                </div>
              );
            }
            const currency = currencyOf.get(row.accountId) ?? 'USD';
            return (
              <div
                key={row.id}
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={selectedId === row.id}
                data-trade-id={row.id}
                data-index={item.index}
                className="vgrid-row"
                style={{ gridTemplateColumns: template, height: ROW_HEIGHT, width: rowWidth, transform: `translateY(${top}px)` }}
                onDoubleClick={() => select(row, item.index)}
              >
                {columns.map((c) => (
                  <div key={c.id} role="cell" className={[c.numeric ? 'num' : '', c.className?.(row) ?? ''].join(' ').trim() || undefined}>
                    {c.id === opener ? (
                      <button type="button" className="open-trade" onClick={() => select(row, item.index)} aria-label={`Open trade ${row.symbol} ${fmt.dateTime(row.closedAt ?? row.openedAt)}`}>
                        {c.render(row, fmt, currency, digitsOf.get(row.instrumentId))}
                      </button>
                    ) : (
                      c.render(row, fmt, currency, digitsOf.get(row.instrumentId))
                    )}
                  </div>
                ))}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
