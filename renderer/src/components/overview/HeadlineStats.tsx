import type { AnalyticsSummary } from '../../../../shared/domain/analytics';
import { useFormat } from '../../hooks/use-format';

function holdTime(ms: number | null): string {
  if (ms === null) return '—';
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes} min`;
  const hours = minutes / 60;
  if (hours < 48) return `${hours.toFixed(1)} h`;
  return `${(hours / 24).toFixed(1)} days`;
}

export function HeadlineStats({ summary, currency }: { summary: AnalyticsSummary; currency: string }) {
  const fmt = useFormat();
  const tone = (cents: number | null) => (cents === null || cents === 0 ? '' : cents > 0 ? 'win' : 'loss');
  const stats: { label: string; value: string; tone?: string; sub?: string }[] = [
    { label: 'Net P&L', value: fmt.money(summary.netPnlCents, currency), tone: tone(summary.netPnlCents), sub: `${fmt.count(summary.tradeCount)} closed trades, fees ${fmt.plainMoney(summary.feesCents, currency)}` },
    { label: 'Win rate', value: fmt.percent(summary.winRate), sub: `${fmt.count(summary.winCount)} won, ${fmt.count(summary.lossCount)} lost` },
    {
      label: 'Average win',
      value: summary.avgWinCents === null ? '—' : fmt.money(Math.round(summary.avgWinCents), currency),
      tone: tone(summary.avgWinCents),
      sub: summary.largestWinCents === null ? 'No winning trade' : `Largest ${fmt.money(summary.largestWinCents, currency)}`,
    },
    {
      label: 'Average loss',
      value: summary.avgLossCents === null ? '—' : fmt.money(Math.round(summary.avgLossCents), currency),
      tone: tone(summary.avgLossCents),
      sub: summary.largestLossCents === null ? 'No losing trade' : `Largest ${fmt.money(summary.largestLossCents, currency)}`,
    },
    {
      label: 'Expectancy',
      value: summary.expectancyCents === null ? '—' : fmt.money(Math.round(summary.expectancyCents), currency),
      tone: tone(summary.expectancyCents),
      sub: 'Average net P&L per trade',
    },
    {
      label: 'Expectancy (R)',
      value: fmt.r(summary.expectancyR),
      tone: tone(summary.expectancyR),
      sub:
        summary.rTradeCount === 0
          ? 'No closed trade has a stop or planned risk'
          : `Average R ${fmt.r(summary.avgR)} over ${fmt.count(summary.rTradeCount)} trades with a risk; wins ${fmt.r(summary.avgWinR)}, losses ${fmt.r(summary.avgLossR)}`,
    },
    { label: 'Profit factor', value: summary.profitFactor === null ? '—' : fmt.number(summary.profitFactor, 2), sub: 'Gross profit ÷ gross loss' },
    {
      label: 'Max drawdown',
      value: fmt.plainMoney(summary.maxDrawdownCents, currency),
      tone: summary.maxDrawdownCents > 0 ? 'loss' : '',
      sub: summary.maxDrawdownPct === null ? 'From the running peak' : `${fmt.percent(summary.maxDrawdownPct)} of the peak`,
    },
    { label: 'Average hold', value: holdTime(summary.avgHoldMs), sub: `Winners ${holdTime(summary.avgHoldWinMs)}, losers ${holdTime(summary.avgHoldLossMs)}` },
    {
      label: 'Typical day swing',
      value: summary.dailyStdDevCents === null ? '—' : `± ${fmt.plainMoney(Math.round(summary.dailyStdDevCents), currency)}`,
      sub:
        summary.dailyStdDevCents === null
          ? 'Needs two trading days'
          : `Standard deviation of day P&L over ${fmt.count(summary.tradingDays)} trading days`,
    },
  ];
  return (
    <dl className="stats headline" aria-label="Headline figures">
      {stats.map((s) => (
        <div className="stat" key={s.label}>
          <dt>{s.label}</dt>
          <dd className={s.tone}>{s.value}</dd>
          {s.sub && <dd className="stat-sub">{s.sub}</dd>}
        </div>
      ))}
    </dl>
  );
}
