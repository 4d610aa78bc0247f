import { create } from 'zustand';
import type { ExportHealth, ExportJob, ExportProgressEvent } from '../../../shared/domain/export-job';
import type { ExportSpecInput } from '../../../shared/domain/export-params';
import { call, errorMessage, subscribe } from '../api';
import { fieldErrors } from '../validation';
import type { ExportFormState } from '../components/exports/export-form-state';

export type CreateResult =
  | { ok: true; job: ExportJob }
  | { ok: false; cancelled: true }
  | { ok: false; cancelled: false; message: string; fields: Record<string, string> };

interface ExportsState {
  jobs: ExportJob[];
  health: ExportHealth | null;
  error: string | null;
  /** Per-job message from the last action (cancel, retry, ...) that failed. */
  actionErrors: Record<number, string>;
  load(): Promise<void>;
  loadHealth(): Promise<void>;
  create(spec: ExportSpecInput): Promise<CreateResult>;
  act(action: 'cancel' | 'retry' | 'reexport' | 'reveal' | 'open', id: number): Promise<void>;
  /** Form values another screen hands over (e.g. the Trades page's filter), read once by the form. */
  handoff: Partial<ExportFormState> | null;
  handOff(values: Partial<ExportFormState>): void;
  takeHandoff(): Partial<ExportFormState>;
  /** Starts listening to pushed progress; returns the unsubscribe. */
  listen(): () => void;
}

const TERMINAL = new Set(['completed', 'failed', 'cancelled']);

/**
 * Puts a whole job into the list unless a newer state of it is already there: pushed events
 * can overtake the invoke answer that created the job (a small export may finish first).
 */
function upsert(jobs: ExportJob[], job: ExportJob): ExportJob[] {
  const index = jobs.findIndex((j) => j.id === job.id);
  if (index === -1) return [job, ...jobs].sort((a, b) => b.id - a.id);
  if (jobs[index]!.updatedAt > job.updatedAt) return jobs;
  const next = jobs.slice();
  next[index] = job;
  return next;
}

function applyProgress(job: ExportJob, p: ExportProgressEvent): ExportJob {
  return {
    ...job,
    status: p.status,
    attempt: p.attempt,
    rowsWritten: p.rowsWritten,
    rowsTotal: p.rowsTotal,
    bytesWritten: p.bytesWritten,
    // The first progress of a run marks its start for the rate shown.
    startedAt: job.startedAt ?? (p.status === 'running' ? Date.now() : null),
  };
}

/** The job list is fed by invoke results and pushed events; progress is never polled. */
export const useExportsStore = create<ExportsState>((set, get) => ({
  jobs: [],
  health: null,
  error: null,
  actionErrors: {},
  handoff: null,
  handOff(values) {
    set({ handoff: values });
  },
  takeHandoff() {
    const values = get().handoff ?? {};
    set({ handoff: null });
    return values;
  },
  async load() {
    try {
      const [jobs, health] = await Promise.all([call('exports:list', { limit: 100 }), call('exports:health', {})]);
      set({ jobs, health, error: null });
    } catch (error) {
      set({ error: errorMessage(error) });
    }
  },
  async loadHealth() {
    try {
      set({ health: await call('exports:health', {}) });
    } catch (error) {
      set({ error: errorMessage(error) });
    }
  },
  async create(spec) {
    try {
      const job = await call('exports:create', spec);
      if (!job) return { ok: false, cancelled: true };
      set({ jobs: upsert(get().jobs, job) });
      void get().loadHealth();
      return { ok: true, job };
    } catch (error) {
      return { ok: false, cancelled: false, message: errorMessage(error), fields: fieldErrors(error) };
    }
  },
  async act(action, id) {
    const { [id]: _cleared, ...rest } = get().actionErrors;
    set({ actionErrors: rest });
    try {
      if (action === 'reveal' || action === 'open') {
        await call(action === 'reveal' ? 'exports:reveal' : 'exports:open', { id });
        return;
      }
      const channel = action === 'cancel' ? 'exports:cancel' : action === 'retry' ? 'exports:retry' : 'exports:reexport';
      const job = await call(channel, { id });
      if (job) set({ jobs: upsert(get().jobs, job) });
      void get().loadHealth();
    } catch (error) {
      set({ actionErrors: { ...get().actionErrors, [id]: errorMessage(error) } });
    }
  },
  listen() {
    const fetching = new Set<number>();
    const offProgress = subscribe('exports:progress', (p) => {
      const job = get().jobs.find((j) => j.id === p.jobId);
      // A progress of an earlier run never reopens a finished job (a retry arrives as a whole job).
      if (job && TERMINAL.has(job.status) && !TERMINAL.has(p.status) && p.attempt <= job.attempt) return;
      if (job) {
        set({ jobs: upsert(get().jobs, applyProgress(job, p)) });
        // Queued/running counters move only when a job changes state, not on every progress tick.
        if (job.status !== p.status) void get().loadHealth();
      } else if (!fetching.has(p.jobId)) {
        // Not known yet (its create answer is still on the way, or it was started elsewhere): fetch it once.
        fetching.add(p.jobId);
        void call('exports:get', { id: p.jobId })
          .then((fresh) => set({ jobs: upsert(get().jobs, fresh) }))
          .catch(() => undefined)
          .finally(() => fetching.delete(p.jobId));
      }
    });
    const offFinished = subscribe('exports:finished', ({ job }) => {
      set({ jobs: upsert(get().jobs, job) });
      void get().loadHealth();
    });
    return () => {
      offProgress();
      offFinished();
    };
  },
}));
