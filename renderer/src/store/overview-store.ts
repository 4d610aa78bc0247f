import { create } from 'zustand';
import type { AnalyticsFilter, AnalyticsSummary, EquityCurve, PnlCalendar } from '../../../shared/domain/analytics';
import type { GoalProgress } from '../../../shared/domain/goals';
import type { PropEvaluationProgress } from '../../../shared/domain/prop';
import { dayInZone } from '../../../shared/domain/day';
import { call, errorMessage } from '../api';

export const PERIODS = [
  { id: 'all', label: 'All time' },
  { id: 'ytd', label: 'This year' },
  { id: '90d', label: 'Last 90 days' },
  { id: '30d', label: 'Last 30 days' },
] as const;
export type Period = (typeof PERIODS)[number]['id'];

export interface OverviewScope {
  /** null = every account (offered only when they share one currency). */
  accountId: number | null;
  period: Period;
}

function dateFrom(period: Period, now: number): string | undefined {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const today = dayInZone(now, zone);
  if (period === 'all') return undefined;
  if (period === 'ytd') return `${today.slice(0, 4)}-01-01`;
  const days = period === '90d' ? 89 : 29;
  return dayInZone(now - days * 86_400_000, zone);
}

export function filterOf(scope: OverviewScope, now = Date.now()): AnalyticsFilter {
  const filter: AnalyticsFilter = {};
  if (scope.accountId !== null) filter.accountIds = [scope.accountId];
  const from = dateFrom(scope.period, now);
  if (from) filter.dateFrom = from;
  return filter;
}

interface OverviewState {
  scope: OverviewScope | null;
  summary: AnalyticsSummary | null;
  curve: EquityCurve | null;
  calendar: PnlCalendar | null;
  month: string | null;
  goals: GoalProgress[];
  props: PropEvaluationProgress[];
  loading: boolean;
  error: string | null;
  seq: number;
  setScope(scope: OverviewScope): Promise<void>;
  setMonth(month: string): Promise<void>;
  reload(): Promise<void>;
}

export const useOverviewStore = create<OverviewState>((set, get) => ({
  scope: null,
  summary: null,
  curve: null,
  calendar: null,
  month: null,
  goals: [],
  props: [],
  loading: false,
  error: null,
  seq: 0,
  async setScope(scope) {
    set({ scope, month: null });
    await get().reload();
  },
  async reload() {
    const scope = get().scope;
    if (!scope) return;
    const seq = get().seq + 1;
    set({ loading: true, seq });
    const filter = filterOf(scope);
    try {
      const [summary, curve, goals, props] = await Promise.all([
        call('analytics:summary', { filter }),
        call('analytics:equityCurve', { filter }),
        call('goals:list', {}),
        call('prop:list', {}),
      ]);
      if (get().seq !== seq) return;
      const month = get().month ?? summary.lastDay?.slice(0, 7) ?? new Date().toISOString().slice(0, 7);
      const calendar = await call('analytics:calendar', { filter, month });
      if (get().seq !== seq) return;
      set({ summary, curve, goals, props, calendar, month, loading: false, error: null });
    } catch (error) {
      if (get().seq === seq) set({ error: errorMessage(error), loading: false });
    }
  },
  async setMonth(month) {
    const scope = get().scope;
    if (!scope) return;
    set({ month });
    try {
      const calendar = await call('analytics:calendar', { filter: filterOf(scope), month });
      if (get().month === month) set({ calendar });
    } catch (error) {
      set({ error: errorMessage(error) });
    }
  },
}));
