import type { ExportType } from '../../../../../shared/domain/enums';
import type { ExportSpec } from '../../../../../shared/domain/export-params';
import type { SelectedColumn } from '../../../../../shared/domain/export-columns';
import type { ExportJobModule, JobContext, RowSource } from './types';
import { tradesJob } from './trades';
import { dailyPnlJob } from './daily-pnl';
import { tagPerformanceJob } from './tag-performance';
import { goalsJob } from './goals';
import { propEvaluationJob } from './prop-evaluation';
import { dailyNotesJob } from './daily-notes';

export const EXPORT_JOBS: { [T in ExportType]: ExportJobModule<T> } = {
  trades: tradesJob,
  dailyPnl: dailyPnlJob,
  tagPerformance: tagPerformanceJob,
  goals: goalsJob,
  propEvaluation: propEvaluationJob,
  dailyNotes: dailyNotesJob,
};

/** Opens the row source of a spec, keeping each type's params paired with its own module. */
export function openRowSource(spec: ExportSpec, ctx: JobContext, columns: SelectedColumn[]): RowSource {
  switch (spec.type) {
    case 'trades':
      return EXPORT_JOBS.trades.open(ctx, spec.params, columns);
    case 'dailyPnl':
      return EXPORT_JOBS.dailyPnl.open(ctx, spec.params, columns);
    case 'tagPerformance':
      return EXPORT_JOBS.tagPerformance.open(ctx, spec.params, columns);
    case 'goals':
      return EXPORT_JOBS.goals.open(ctx, spec.params, columns);
    case 'propEvaluation':
      return EXPORT_JOBS.propEvaluation.open(ctx, spec.params, columns);
    case 'dailyNotes':
      return EXPORT_JOBS.dailyNotes.open(ctx, spec.params, columns);
  }
}
