import { useTradesStore } from '../../store/trades-store';
import { useFormat } from '../../hooks/use-format';
import type { TradeSummaryCurrency } from '../../../../shared/domain/trade';

function Figure({ label, value, tone }: { label: string; value: string; tone?: 'win' | 'loss' | undefined }) {
  return (
    <div className="figure">
      <dt>{label}</dt>
      <dd className={tone ? `pnl ${tone}` : undefined}>{value}</dd>
    </div>
  );
}

const toneOf = (cents: number | null) => (cents === null || cents === 0 ? undefined : cents > 0 ? 'win' : 'loss');

/** What the current filter matches, all of it (not just the rows on screen), from main. */
export function TradesSummaryBar() {
  const summary = useTradesStore((s) => s.summary);
  const error = useTradesStore((s) => s.summaryError);
  const fmt = useFormat();
  if (error) {
    return (
      <p role="alert" className="error">
        {error}
      </p>
    );
  }
  if (!summary) {
    return (
      <div className="summary-bar" aria-busy="true">
        <span className="muted">Adding up these trades…</span>
      </div>
    );
  }
  const factor = (c: TradeSummaryCurrency) => (c.profitFactor === null ? '—' : fmt.number(c.profitFactor, 2));
  const several = summary.currencies.length > 1;
  return (
    <section className="summary-bar" aria-label="Summary of these trades">
      <dl className="summary-main">
        <Figure label="Trades" value={summary.open > 0 ? `${fmt.count(summary.trades)} (${fmt.count(summary.open)} open)` : fmt.count(summary.trades)} />
        <Figure label="Win rate" value={fmt.percent(summary.winRate, 1)} />
        <Figure label="Average R" value={summary.avgR === null ? '—' : `${fmt.number(summary.avgR, 2)} R`} />
      </dl>
      {summary.currencies.length > 0 && (
        <table className="summary-currencies">
          <thead>
            <tr>
              <th scope="col">{several ? 'Currency' : <span className="sr-only">Currency</span>}</th>
              <th scope="col" className="num">Net P&amp;L</th>
              <th scope="col" className="num">Average win</th>
              <th scope="col" className="num">Average loss</th>
              <th scope="col" className="num">Profit factor</th>
            </tr>
          </thead>
          <tbody>
            {summary.currencies.map((c) => (
              <tr key={c.currency}>
                <th scope="row">{several ? c.currency : <span className="sr-only">{c.currency}</span>}</th>
                <td className={`num pnl ${toneOf(c.netCents) ?? ''}`}>{fmt.money(c.netCents, c.currency)}</td>
                <td className="num">{c.avgWinCents === null ? '—' : fmt.money(c.avgWinCents, c.currency)}</td>
                <td className="num">{c.avgLossCents === null ? '—' : fmt.money(c.avgLossCents, c.currency)}</td>
                <td className="num">{factor(c)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
