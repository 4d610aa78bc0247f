import { z } from 'zod';
import { channel } from '../define';
import { BarsImportSchema, TradeChartSchema, type BarSet, type BarsImportResult, type TradeChart } from '../../domain/bars';

/** Price context without a data vendor: bars the user imports, and a trade's chart with MAE/MFE. */
export const barsChannels = {
  /** The file's text crosses (the renderer read a file the user picked); bars at a stored time replace it. */
  'bars:import': channel<BarsImportResult>()(BarsImportSchema),
  'bars:list': channel<BarSet[]>()(z.object({}).strict()),
  'bars:forTrade': channel<TradeChart>()(TradeChartSchema),
};
