import type { AssetClass } from './enums';

export interface Account {
  id: number;
  name: string;
  broker: string | null;
  currency: string;
  timezone: string;
  startingBalanceCents: number;
}

export interface Instrument {
  id: number;
  symbol: string;
  assetClass: AssetClass;
  multiplier: number;
  /** Smallest price step; prices are shown to its decimals. Absent or null when not known. */
  tickSize?: number | null;
  /** The unit prices are quoted in: an ISO code, or a subunit such as GBp (pence). */
  currency: string;
}

export interface Tag {
  id: number;
  name: string;
  color: string;
}
