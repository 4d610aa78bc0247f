import { LIST_SEPARATOR, type ExportColumnKey } from '../../../../../shared/domain/export-columns';
import { PROP_STATUSES } from '../../../../../shared/domain/enums';
import type { PropEvaluationProgress } from '../../../../../shared/domain/prop';
import { computePropEvaluations } from '../../analytics/prop-evaluations';
import type { ExportJobModule } from './types';
import { commonCurrency, countText, describeIds } from './describe';

const list = (items: string[]) => (items.length ? items.join(LIST_SEPARATOR) : null);

const COLUMN_VALUE: Record<ExportColumnKey<'propEvaluation'>, (p: PropEvaluationProgress) => unknown> = {
  id: (p) => p.id,
  name: (p) => p.name,
  firm: (p) => p.firm,
  account: (p) => p.accountName,
  phase: (p) => p.phase,
  status: (p) => p.status,
  computedStatus: (p) => p.computedStatus,
  startBalance: (p) => p.startBalanceCents,
  profitTarget: (p) => p.profitTargetCents,
  cumulativeProfit: (p) => p.cumulativeProfitCents,
  // progressPct is in percent points; the percent kind carries fractions.
  progress: (p) => p.progressPct / 100,
  remainingProfit: (p) => p.remainingProfitCents,
  currentEquity: (p) => p.currentEquityCents,
  todayPnl: (p) => p.todayPnlCents,
  dailyLossLimit: (p) => p.dailyLossLimitCents,
  remainingDailyLoss: (p) => p.remainingDailyLossCents,
  dailyLossUsed: (p) => p.dailyLossUsedFraction,
  maxDrawdown: (p) => p.maxDrawdownCents,
  drawdownMode: (p) => p.drawdownMode,
  drawdownFloor: (p) => p.drawdownFloorCents,
  remainingDrawdown: (p) => p.remainingDrawdownCents,
  drawdownUsed: (p) => p.drawdownUsedFraction,
  tradingDays: (p) => p.tradingDays,
  minTradingDays: (p) => p.minTradingDays,
  startedOn: (p) => p.startedOn,
  throughDay: (p) => p.throughDay,
  alerts: (p) => list(p.alerts.map((a) => a.message)),
  breaches: (p) => list(p.breaches),
};

/** Prop evaluations as of the job's time (phase, limits left, alerts); few rows, computed then written. */
export const propEvaluationJob: ExportJobModule<'propEvaluation'> = {
  type: 'propEvaluation',
  open({ sqlite, now }, params, columns) {
    let selected: PropEvaluationProgress[] | undefined;
    const evaluations = () => {
      selected ??= computePropEvaluations(sqlite, { now }).filter(
        (p) =>
          (!params.accountIds?.length || params.accountIds.includes(p.accountId)) &&
          (!params.phases?.length || params.phases.includes(p.phase)) &&
          (!params.statuses?.length || params.statuses.includes(p.status)),
      );
      return selected;
    };
    const getters = columns.map((c) => COLUMN_VALUE[c.key as ExportColumnKey<'propEvaluation'>]);
    return {
      title: 'Prop evaluations',
      currency: commonCurrency(sqlite, params.accountIds),
      count: () => evaluations().length,
      *rows() {
        for (const evaluation of evaluations()) yield getters.map((get) => get(evaluation));
      },
      summary() {
        const all = evaluations();
        return [
          { label: 'Evaluations', value: countText(all.length) },
          ...PROP_STATUSES.map((status) => ({
            label: `${status[0]!.toUpperCase()}${status.slice(1)} by the rules`,
            value: countText(all.filter((p) => p.computedStatus === status).length),
          })),
          { label: 'With alerts', value: countText(all.filter((p) => p.alerts.length > 0).length) },
        ];
      },
      filters() {
        const lines = [`As of ${new Date(now).toISOString().slice(0, 10)}`, ...describeIds(sqlite, 'Accounts', 'accounts', params.accountIds)];
        if (params.phases?.length) lines.push(`Phase: ${params.phases.join(', ')}`);
        if (params.statuses?.length) lines.push(`Recorded status: ${params.statuses.join(', ')}`);
        return lines;
      },
    };
  },
};
