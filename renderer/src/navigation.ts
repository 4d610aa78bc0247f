export const PAGES = [
  { id: 'overview', label: 'Overview' },
  { id: 'trades', label: 'Trades' },
  { id: 'performance', label: 'Performance' },
  { id: 'journal', label: 'Journal' },
  { id: 'import', label: 'Import' },
  { id: 'exports', label: 'Exports' },
  { id: 'settings', label: 'Settings' },
] as const;

export type Page = (typeof PAGES)[number]['id'];

/** Screens main may ask for (notification and tray clicks) mapped onto pages; unknown names are ignored. */
const SCREEN_ALIASES: Record<string, Page> = {
  equity: 'overview',
  goals: 'overview',
  prop: 'overview',
  // Export timings live under Exports ("Export health"); Performance is trading performance.
  perf: 'exports',
};

export function pageForScreen(screen: string): Page | null {
  const direct = PAGES.find((p) => p.id === screen);
  return direct ? direct.id : (SCREEN_ALIASES[screen] ?? null);
}
