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
}

export interface Tag {
  id: number;
  name: string;
  color: string;
}
