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
  /** The unit prices are quoted in: an ISO code, or a subunit such as GBp (pence). */
  currency: string;
}

export interface Tag {
  id: number;
  name: string;
  color: string;
}
