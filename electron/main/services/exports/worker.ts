import { parentPort, workerData } from 'node:worker_threads';
import { createNodeFileOps } from './file-ops';
import { runWorker } from './worker-main';
import type { WorkerData } from './worker-protocol';

// The export worker_thread's entry (bundled as out/main/export-worker.js).
if (!parentPort) throw new Error('export worker: must run as a worker_thread');
void runWorker(parentPort, workerData as WorkerData, createNodeFileOps());
