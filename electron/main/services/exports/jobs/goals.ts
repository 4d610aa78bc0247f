import type { ExportColumnKey } from '../../../../../shared/domain/export-columns';
import { GOAL_STATUSES, type GoalProgress } from '../../../../../shared/domain/goals';
import { computeGoalProgress } from '../../analytics/goals';
import type { ExportJobModule } from './types';
import { commonCurrency, countText, describeIds } from './describe';

/** Target and current value in the goal's natural unit: a currency amount, trades, or a fraction. */
const natural = (goal: GoalProgress, value: number | null) =>
  value === null ? null : goal.unit === 'cents' ? value / 100 : value;

const UNIT_LABELS: Record<GoalProgress['unit'], string> = { cents: 'amount', count: 'trades', fraction: 'fraction' };

const COLUMN_VALUE: Record<ExportColumnKey<'goals'>, (g: GoalProgress) => unknown> = {
  id: (g) => g.id,
  name: (g) => g.name,
  account: (g) => g.accountName ?? 'All accounts',
  kind: (g) => g.kind,
  period: (g) => g.period,
  unit: (g) => UNIT_LABELS[g.unit],
  target: (g) => natural(g, g.target),
  currentValue: (g) => natural(g, g.currentValue),
  progress: (g) => g.progress,
  status: (g) => g.status,
  periodStart: (g) => g.periodStart,
  periodEnd: (g) => g.periodEnd,
  periodComplete: (g) => g.periodComplete,
  tradeCount: (g) => g.tradeCount,
  tradingDays: (g) => g.tradingDays,
  startsOn: (g) => g.startsOn,
  endsOn: (g) => g.endsOn,
  active: (g) => g.active,
  message: (g) => g.message,
};

/** Goal progress as of the job's time; a journal holds few goals, so the computed list is held. */
export const goalsJob: ExportJobModule<'goals'> = {
  type: 'goals',
  open({ sqlite, now }, params, columns) {
    let selected: GoalProgress[] | undefined;
    const goals = () => {
      selected ??= computeGoalProgress(sqlite, { now }).filter(
        (g) =>
          (!params.activeOnly || g.active) &&
          (!params.accountIds?.length || (g.accountId !== null && params.accountIds.includes(g.accountId))) &&
          (!params.statuses?.length || params.statuses.includes(g.status)),
      );
      return selected;
    };
    const getters = columns.map((c) => COLUMN_VALUE[c.key as ExportColumnKey<'goals'>]);
    return {
      title: 'Goals',
      currency: commonCurrency(sqlite, params.accountIds),
      count: () => goals().length,
      *rows() {
        for (const goal of goals()) yield getters.map((get) => get(goal));
      },
      summary() {
        const list = goals();
        return [
          { label: 'Goals', value: countText(list.length) },
          ...GOAL_STATUSES.map((status) => ({
            label: status.replace('_', ' ').replace(/^./, (c) => c.toUpperCase()),
            value: countText(list.filter((g) => g.status === status).length),
          })),
        ];
      },
      filters() {
        const lines = [`As of ${new Date(now).toISOString().slice(0, 10)}`, ...describeIds(sqlite, 'Accounts', 'accounts', params.accountIds)];
        if (params.activeOnly) lines.push('Active goals only');
        if (params.statuses?.length) lines.push(`Status: ${params.statuses.join(', ')}`);
        return lines;
      },
    };
  },
};
