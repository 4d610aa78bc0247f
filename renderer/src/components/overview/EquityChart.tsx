import { useEffect, useRef } from 'react';
import { AreaSeries, LineSeries, createChart, type IChartApi } from 'lightweight-charts';
import type { EquityCurve } from '../../../../shared/domain/analytics';
import { useFormat } from '../../hooks/use-format';
import { useThemeColors } from '../../hooks/use-theme-colors';

/**
 * Equity by trading day, with the drawdown from the running peak in a pane below.
 * The numbers behind it are summarised in text for screen readers.
 */
export function EquityChart({ curve, currency }: { curve: EquityCurve; currency: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const colors = useThemeColors();
  const fmt = useFormat();

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
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
      rightPriceScale: { borderColor: colors.border },
      timeScale: { borderColor: colors.border },
      localization: {
        locale: fmt.locale ?? navigator.language,
        priceFormatter: (value: number) => fmt.plainMoney(Math.round(value * 100), currency),
      },
      handleScroll: false,
      handleScale: false,
    });
    const equity = chart.addSeries(AreaSeries, {
      lineColor: colors.line,
      topColor: `${colors.line}55`,
      bottomColor: `${colors.line}05`,
      lineWidth: 2,
      title: 'Equity',
    });
    const drawdown = chart.addSeries(
      LineSeries,
      { color: colors.drawdown, lineWidth: 2, title: 'Drawdown' },
      1,
    );
    equity.setData(curve.points.map((p) => ({ time: p.day, value: p.equityCents / 100 })));
    drawdown.setData(curve.points.map((p) => ({ time: p.day, value: -p.drawdownCents / 100 })));
    const panes = chart.panes();
    panes[1]?.setHeight(90);
    chart.timeScale().fitContent();
    return () => chart.remove();
  }, [curve, currency, colors, fmt]);

  const last = curve.points.at(-1);
  const maxDd = curve.points.reduce((m, p) => Math.max(m, p.drawdownCents), 0);
  return (
    <figure className="chart-figure">
      <div ref={ref} className="equity-chart" aria-hidden="true" />
      <figcaption className="sr-only">
        {last
          ? `Equity went from ${fmt.plainMoney(curve.startEquityCents, currency)} to ${fmt.plainMoney(last.equityCents, currency)} over ${curve.points.length} trading days; the deepest drawdown was ${fmt.plainMoney(maxDd, currency)}.`
          : 'No trading days in this period.'}
      </figcaption>
    </figure>
  );
}
