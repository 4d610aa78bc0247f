import { sourceExportWorker } from '../../electron/main/services/exports/worker-config';
import { startExportCli } from './export-cli';

startExportCli(process.argv.slice(2), sourceExportWorker());
