import { useEffect, useRef, useState } from 'react';
import { CandlestickSeries, createChart, createSeriesMarkers, type UTCTimestamp } from 'lightweight-charts';
import type { TradeChart as Chart } from '../../../../shared/domain/bars';
import { call, errorMessage } from '../../api';
import { useFormat } from '../../hooks/use-format';
import { useThemeColors } from '../../hooks/use-theme-colors';

/** The chart's time axis shows this machine's wall clock: epoch ms -> seconds shifted by the local offset. */
const axisTime = (ms: number) => ((ms - new Date(ms).getTimezoneOffset() * 60_000) / 1000) as UTCTimestamp;

const barLabel = (seconds: number) => (seconds % 86_400 === 0 ? `${seconds / 86_400}-day` : seconds % 3600 === 0 ? `${seconds / 3600}-hour` : `${seconds / 60}-minute`);

/** Candles around the trade with its fills marked, and MAE/MFE from the bars covering it. */
export function TradeChart({ tradeId, currency }: { tradeId: number; currency: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const colors = useThemeColors();
  const fmt = useFormat();
  const [chart, setChart] = useState<Chart | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    call('bars:forTrade', { tradeId })
      .then((found) => live && setChart(found))
      .catch((e: unknown) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [tradeId]);

  useEffect(() => {
    const el = ref.current;
    if (!el || !chart || chart.bars.length === 0 || chart.barSeconds === null) return;
    const api = createChart(el, {
      autoSize: true,
      layout: { background: { color: colors.surface }, textColor: colors.muted, fontFamily: 'system-ui, sans-serif', attributionLogo: false },
      grid: { vertLines: { color: colors.border }, horzLines: { color: colors.border } },
      rightPriceScale: { borderColor: colors.border },
      timeScale: { borderColor: colors.border, timeVisible: chart.barSeconds < 86_400 },
    });
    const series = api.addSeries(CandlestickSeries, {
      upColor: colors.win,
      downColor: colors.loss,
      borderUpColor: colors.win,
      borderDownColor: colors.loss,
      wickUpColor: colors.win,
      wickDownColor: colors.loss,
    });
    series.setData(chart.bars.map((b) => ({ time: axisTime(b.time), open: b.open, high: b.high, low: b.low, close: b.close })));
    // A marker sits on the bar its fill happened in.
    const barOf = (time: number) => chart.bars.reduce((found, b) => (b.time <= time ? b.time : found), chart.bars[0]!.time);
    createSeriesMarkers(
      series,
      chart.markers
        .map((m) => ({
          time: axisTime(barOf(m.time)),
          position: 'atPriceMiddle' as const,
          price: m.price,
          shape: m.side === 'buy' ? ('arrowUp' as const) : ('arrowDown' as const),
          color: m.side === 'buy' ? colors.line : colors.drawdown,
          text: `${m.side === 'buy' ? 'Buy' : 'Sell'} ${fmt.number(m.price)}`,
          size: 2,
        }))
        .sort((a, b) => a.time - b.time),
    );
    api.timeScale().fitContent();
    return () => api.remove();
  }, [chart, colors, fmt]);

  if (error) return <p className="notice crit" role="alert">{error}</p>;
  if (!chart) return null;
  const x = chart.excursions;
  return (
    <section aria-label="Price chart">
      <h3>Price around the trade</h3>
      {chart.bars.length > 0 && chart.barSeconds !== null ? (
        <>
          <div ref={ref} className="trade-chart" role="img" aria-label={`${barLabel(chart.barSeconds)} candles with ${chart.markers.length} fills marked`} />
          <p className="muted small">
            {barLabel(chart.barSeconds)} bars in this computer's time; arrows mark {chart.markers.map((m) => `${m.side === 'buy' ? 'a buy' : 'a sell'} at ${fmt.number(m.price)}`).join(' and ')}.
          </p>
        </>
      ) : null}
      {x && (
        <dl className="facts" aria-label="Excursions">
          <dt>MAE (worst against)</dt>
          <dd className={x.maeCents < 0 ? 'loss' : ''}>
            {fmt.money(x.maeCents, currency)} · {fmt.r(x.maeR)} · at {fmt.number(x.maePrice)}
          </dd>
          <dt>MFE (best for)</dt>
          <dd className={x.mfeCents > 0 ? 'win' : ''}>
            {fmt.money(x.mfeCents, currency)} · {fmt.r(x.mfeR)} · at {fmt.number(x.mfePrice)}
          </dd>
        </dl>
      )}
      {x && <p className="muted small">From the {x.barsCovering} bars overlapping the holding period, before fees; with bars this coarse the entry and exit bars may reach beyond the fills.</p>}
      {chart.note && <p className="muted small">{chart.note}</p>}
    </section>
  );
}
