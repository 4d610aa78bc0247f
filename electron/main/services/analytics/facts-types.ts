import type { TradeFilter } from '../../../../shared/domain/trade';
import type { BreakdownDimension } from '../../../../shared/domain/analytics';
import type { TradeFacts } from './closed-trades-sql';
import type { DayFacts } from './daily-facts';

export interface GroupFacts extends TradeFacts {
  key: string | number | null;
  label: string;
}

/** Where the analytics views get their per-day and per-group sums and their streaks. */
export interface FactsSource {
  dailyFacts(filter: TradeFilter): DayFacts[];
  streaks(filter: TradeFilter): { win: number; loss: number };
  groupFacts(filter: TradeFilter, dimension: BreakdownDimension): GroupFacts[];
}

