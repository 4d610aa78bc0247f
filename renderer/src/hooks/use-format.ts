import { useMemo } from 'react';
import { createFormatters, type Formatters } from '../format';
import { useSettingsStore } from '../store/settings-store';

/** Formatters for the locale chosen in Settings. */
export function useFormat(): Formatters {
  const locale = useSettingsStore((s) => s.settings.locale);
  return useMemo(() => createFormatters(locale), [locale]);
}
