import { parentPort, workerData } from 'node:worker_threads';
import { openDb } from '../db/client';
import { AppError } from '../errors';
import { createAnalyticsService } from './analytics-service';
import { ANALYTICS_METHODS, type AnalyticsRequest, type AnalyticsResponse, type AnalyticsWorkerData } from './analytics-protocol';

// The analytics worker_thread's entry (bundled as out/main/analytics-worker.js): the same
// in-process service over its own read-only connection, so a summary of a million trades
// never holds up the main process.
if (!parentPort) throw new Error('analytics worker: must run as a worker_thread');
const port = parentPort;
const { dbPath } = workerData as AnalyticsWorkerData;
const db = openDb(dbPath, { readonly: true });
const service = createAnalyticsService(db.sqlite);

port.on('message', (request: AnalyticsRequest) => {
  let response: AnalyticsResponse;
  try {
    if (!ANALYTICS_METHODS.includes(request.method)) throw new AppError('internal', `Unknown analytics call ${String(request.method)}.`);
    const call = service[request.method] as (...args: unknown[]) => unknown;
    response = { id: request.id, ok: true, value: call(...request.args) };
  } catch (error) {
    // AppErrors keep their code and message; anything else is reported to main, which logs it.
    response =
      error instanceof AppError
        ? { id: request.id, ok: false, error: { code: error.code, message: error.message } }
        : { id: request.id, ok: false, error: { code: 'internal', message: error instanceof Error ? error.message : String(error) } };
  }
  port.postMessage(response);
});
