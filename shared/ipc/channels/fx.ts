import { z } from 'zod';
import { channel } from '../define';
import { FxRateInputSchema, FxRatesImportSchema, type FxRate, type FxRatesImportResult } from '../../domain/fx-rate';

export interface FxRatesList {
  rates: FxRate[];
  total: number;
  /** Closed trades still waiting for a rate (kept out of money totals). */
  tradesNeedingRate: number;
}

export const fxChannels = {
  'fx:rates': channel<FxRatesList>()(z.object({ limit: z.number().int().min(1).max(5000).default(200) }).strict()),
  /** Types one rate; trades waiting for it are booked in the same transaction. */
  'fx:putRate': channel<FxRatesImportResult>()(z.object({ rate: FxRateInputSchema }).strict()),
  /** Imports a reference-rate CSV the renderer read from a file the user picked (text, never a path). */
  'fx:importRates': channel<FxRatesImportResult>()(FxRatesImportSchema),
  'fx:deleteRate': channel<{ deleted: true; tradesBooked: number }>()(z.object({ id: z.number().int().positive() }).strict()),
};
