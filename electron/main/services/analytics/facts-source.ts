import type { Sqlite } from '../db/client';
import { dailyFacts } from './daily-facts';
import type { FactsSource } from './facts-types';

export type { FactsSource, GroupFacts } from './facts-types';
import { longestStreaks } from './streaks';
import { scanGroupFacts } from './breakdown';
import { dayFactsDaily, dayFactsGroups, dayFactsStreaks } from './day-facts-query';

/** Every figure from a pass over the filtered trades: the reference the day facts must equal. */
export function scanFactsSource(sqlite: Sqlite): FactsSource {
  return {
    dailyFacts: (filter) => dailyFacts(sqlite, filter),
    streaks: (filter) => longestStreaks(sqlite, filter),
    groupFacts: (filter, dimension) => scanGroupFacts(sqlite, filter, dimension),
  };
}

/**
 * Every figure merged from the analytics day facts (migration 0013) where they can answer
 * the filter exactly, else from the scan; day-facts-query.ts says which filters those are.
 */
export function dayFactsSource(sqlite: Sqlite): FactsSource {
  const scan = scanFactsSource(sqlite);
  return {
    dailyFacts: (filter) => dayFactsDaily(sqlite, filter) ?? scan.dailyFacts(filter),
    streaks: (filter) => dayFactsStreaks(sqlite, filter) ?? scan.streaks(filter),
    groupFacts: (filter, dimension) => dayFactsGroups(sqlite, filter, dimension) ?? scan.groupFacts(filter, dimension),
  };
}
