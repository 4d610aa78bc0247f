import type { MessagePort } from 'node:worker_threads';
import type { FileOps } from './file-ops';
import { runExport } from './run-export';
import type { WorkerData, WorkerMessage } from './worker-protocol';

/**
 * The body of the export worker: run the job, report to main, end. Kept apart from the entry
 * file so a test entry can hand in a faulty file layer and reuse everything else.
 */
export async function runWorker(port: MessagePort, data: WorkerData, fileOps: FileOps): Promise<void> {
  const control = new Int32Array(data.control);
  const post = (message: WorkerMessage) => port.postMessage(message);
  const outcome = await runExport(data.job, {
    fileOps,
    control: () => Atomics.load(control, 0),
    onStarted: (rowsTotal) => post({ kind: 'started', rowsTotal }),
    onProgress: (progress) => post({ kind: 'progress', ...progress }),
  });
  post(outcome);
}
