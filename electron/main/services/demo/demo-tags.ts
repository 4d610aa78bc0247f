import { DEMO_ACCOUNTS, DEMO_EVALUATION, DEMO_MISTAKE_TAGS, DEMO_QUALITY_TAG } from './catalog';

/** Every tag the demo uses, with the bit each one has in a trade's tag mask. */
export interface DemoTagSet {
  names: readonly string[];
  kinds: readonly ('setup' | 'mistake' | 'quality')[];
  bit(name: string): number;
}

export function createDemoTagSet(): DemoTagSet {
  const names: string[] = [];
  const kinds: ('setup' | 'mistake' | 'quality')[] = [];
  const add = (name: string, kind: 'setup' | 'mistake' | 'quality') => {
    if (!names.includes(name)) {
      names.push(name);
      kinds.push(kind);
    }
  };
  for (const account of [...DEMO_ACCOUNTS, DEMO_EVALUATION.account]) {
    for (const setup of account.setups) add(setup.name, 'setup');
  }
  for (const mistake of DEMO_MISTAKE_TAGS) add(mistake, 'mistake');
  add(DEMO_QUALITY_TAG, 'quality');
  // A 32-bit mask holds the tags of one trade.
  if (names.length > 31) throw new Error(`The demo defines ${names.length} tags; a trade's tag mask holds at most 31.`);
  return {
    names,
    kinds,
    bit(name) {
      const index = names.indexOf(name);
      if (index < 0) throw new Error(`Unknown demo tag "${name}".`);
      return 1 << index;
    },
  };
}
