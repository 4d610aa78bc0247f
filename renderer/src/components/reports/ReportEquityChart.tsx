import { useEffect, useRef, useState } from 'react';
import { AreaSeries, HistogramSeries, createChart, type IChartApi } from 'lightweight-charts';
import type { EquityCurve } from '../../../../shared/domain/analytics';
import { useFormat } from '../../hooks/use-format';
import { useThemeColors } from '../../hooks/use-theme-colors';

/**
 * Equity by trading day with the drawdown below, zoomable and pannable (wheel, drag, pinch,
 * or the buttons, which keyboard users can reach). Axis labels are the locale's money and
 * days; the text alternative states the figures a trader would read off it.
 */
export function ReportEquityChart({ curve, currency }: { curve: EquityCurve; currency: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const chartRef = useRef<IChartApi | null>(null);
  const colors = useThemeColors();
  const fmt = useFormat();
  const [visibleDays, setVisibleDays] = useState(curve.points.length);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const compact = new Intl.NumberFormat(fmt.locale, { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 });
    const dayLabel = new Intl.DateTimeFormat(fmt.locale, { month: 'short', day: 'numeric', year: '2-digit', timeZone: 'UTC' });
    const chart: IChartApi = createChart(el, {
      autoSize: true,
      layout: {
        background: { color: colors.surface },
        textColor: colors.muted,
        fontFamily: 'system-ui, sans-serif',
        attributionLogo: false,
        panes: { separatorColor: colors.border },
      },
      grid: { vertLines: { color: colors.border }, horzLines: { color: colors.border } },
      rightPriceScale: { borderColor: colors.border, minimumWidth: 72 },
      // A resized window keeps the days in view (not the bar spacing), so nothing drops off the left.
      timeScale: { borderColor: colors.border, minBarSpacing: 0.5, lockVisibleTimeRangeOnResize: true },
      localization: {
        locale: fmt.locale ?? navigator.language,
        priceFormatter: (value: number) => compact.format(value),
        timeFormatter: (time: unknown) => (typeof time === 'string' ? dayLabel.format(new Date(`${time}T00:00:00Z`)) : String(time)),
      },
      handleScroll: true,
      handleScale: true,
    });
    chartRef.current = chart;
    const equity = chart.addSeries(AreaSeries, {
      lineColor: colors.line,
      topColor: `${colors.line}55`,
      bottomColor: `${colors.line}05`,
      lineWidth: 2,
      title: 'Equity',
    });
    const drawdown = chart.addSeries(HistogramSeries, { color: colors.drawdown, title: 'Drawdown' }, 1);
    equity.setData(curve.points.map((p) => ({ time: p.day, value: p.equityCents / 100 })));
    drawdown.setData(curve.points.map((p) => ({ time: p.day, value: -p.drawdownCents / 100 })));
    chart.panes()[1]?.setHeight(100);
    chart.timeScale().fitContent();
    const onRange = () => {
      const range = chart.timeScale().getVisibleLogicalRange();
      if (range) setVisibleDays(Math.max(1, Math.round(Math.min(curve.points.length - 1, range.to) - Math.max(0, range.from) + 1)));
    };
    chart.timeScale().subscribeVisibleLogicalRangeChange(onRange);
    return () => {
      chart.timeScale().unsubscribeVisibleLogicalRangeChange(onRange);
      chart.remove();
      chartRef.current = null;
    };
  }, [curve, currency, colors, fmt]);

  const zoom = (factor: number) => {
    const scale = chartRef.current?.timeScale();
    const range = scale?.getVisibleLogicalRange();
    if (!scale || !range) return;
    const middle = (range.from + range.to) / 2;
    const half = Math.max(2, ((range.to - range.from) / 2) * factor);
    scale.setVisibleLogicalRange({ from: middle - half, to: middle + half });
  };
  const pan = (share: number) => {
    const scale = chartRef.current?.timeScale();
    const range = scale?.getVisibleLogicalRange();
    if (!scale || !range) return;
    const step = (range.to - range.from) * share;
    scale.setVisibleLogicalRange({ from: range.from + step, to: range.to + step });
  };

  const last = curve.points.at(-1);
  const deepest = curve.points.reduce<(typeof curve.points)[number] | null>((m, p) => (!m || p.drawdownCents > m.drawdownCents ? p : m), null);
  return (
    <section className="card report-chart equity-report" aria-labelledby="equity-report-title">
      <div className="page-header">
        <h2 id="equity-report-title">Equity and drawdown</h2>
        <div className="page-actions chart-controls" role="group" aria-label="Chart zoom">
          <button type="button" onClick={() => pan(-0.25)} aria-label="Move earlier">
            ◀
          </button>
          <button type="button" onClick={() => zoom(0.5)}>
            Zoom in
          </button>
          <button type="button" onClick={() => zoom(2)}>
            Zoom out
          </button>
          <button type="button" onClick={() => pan(0.25)} aria-label="Move later">
            ▶
          </button>
          <button type="button" onClick={() => chartRef.current?.timeScale().fitContent()}>
            Show all
          </button>
        </div>
      </div>
      <figure className="chart-figure">
        <div ref={ref} className="equity-chart report" data-visible-days={visibleDays} aria-hidden="true" />
        <figcaption className="muted small">
          {last
            ? `Equity went from ${fmt.plainMoney(curve.startEquityCents, currency)} to ${fmt.plainMoney(last.equityCents, currency)} over ${fmt.count(curve.points.length)} trading days; the deepest drawdown was ${fmt.plainMoney(deepest?.drawdownCents ?? 0, currency)}${deepest && deepest.drawdownCents > 0 ? ` on ${fmt.day(deepest.day)}` : ''}. Showing ${fmt.count(visibleDays)} days: drag or scroll to move, pinch or use the buttons to zoom.`
            : 'No trading days in this period.'}
        </figcaption>
      </figure>
    </section>
  );
}
