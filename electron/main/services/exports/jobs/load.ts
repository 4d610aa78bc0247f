import type { ExportSpec } from '../../../../../shared/domain/export-params';
import type { SelectedColumn } from '../../../../../shared/domain/export-columns';
import type { JobContext, RowSource } from './types';

/**
 * openRowSource for the worker: only the spec's job module is loaded (the goal and prop jobs
 * pull in the analytics code), which keeps a worker's start-up short.
 */
export async function loadRowSource(spec: ExportSpec, ctx: JobContext, columns: SelectedColumn[]): Promise<RowSource> {
  switch (spec.type) {
    case 'trades':
      return (await import('./trades')).tradesJob.open(ctx, spec.params, columns);
    case 'dailyPnl':
      return (await import('./daily-pnl')).dailyPnlJob.open(ctx, spec.params, columns);
    case 'tagPerformance':
      return (await import('./tag-performance')).tagPerformanceJob.open(ctx, spec.params, columns);
    case 'goals':
      return (await import('./goals')).goalsJob.open(ctx, spec.params, columns);
    case 'propEvaluation':
      return (await import('./prop-evaluation')).propEvaluationJob.open(ctx, spec.params, columns);
    case 'dailyNotes':
      return (await import('./daily-notes')).dailyNotesJob.open(ctx, spec.params, columns);
  }
}
