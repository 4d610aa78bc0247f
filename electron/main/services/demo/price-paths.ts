import type { Rng } from './prng';
import type { DemoInstrument } from './catalog';

/**
 * One price level per calendar day for each instrument: a mean-reverting geometric
 * random walk, so prices trend and swing over the years but stay near their base.
 * Indexed by `dayNumber - firstDay`.
 */
export function createPricePaths(
  instruments: readonly DemoInstrument[],
  firstDay: number,
  dayCount: number,
  rng: Rng,
): (instrumentIndex: number, dayNumber: number) => number {
  const paths = instruments.map((instrument, index) => {
    const path = new Float64Array(dayCount);
    const walk = rng.fork(index);
    const base = Math.log(instrument.basePrice);
    let level = base;
    for (let day = 0; day < dayCount; day++) {
      path[day] = Math.exp(level);
      level += -0.002 * (level - base) + instrument.dailyVol * walk.normal();
    }
    return path;
  });
  return (instrumentIndex, dayNumber) => {
    const path = paths[instrumentIndex];
    const day = Math.min(dayCount - 1, Math.max(0, dayNumber - firstDay));
    return path?.[day] ?? Number.NaN;
  };
}
