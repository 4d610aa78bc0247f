import type { AssetClass } from './enums';

// A futures contract: root, month code (F..Z), one- or two-digit year: ESZ5, NQH25, 6EM24.
const FUTURES_CONTRACT = /^([A-Z0-9]{1,6}?)([FGHJKMNQUVXZ])(\d{1,2})$/;

/**
 * The product an instrument belongs to: a futures contract's root (ESZ5 -> ES), an
 * option's underlying (the symbol's first word), else the symbol itself. Filters and
 * reports group contracts of one product under it.
 */
export function instrumentRoot(symbol: string, assetClass: AssetClass): string {
  const first = symbol.trim().split(/\s+/)[0] ?? symbol;
  if (assetClass === 'future') {
    const match = FUTURES_CONTRACT.exec(first.toUpperCase());
    if (match?.[1]) return match[1];
  }
  return first;
}
