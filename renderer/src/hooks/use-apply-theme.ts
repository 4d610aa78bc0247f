import { useEffect } from 'react';
import { useSettingsStore } from '../store/settings-store';

/** Mirrors the theme and locale settings onto <html> (data-theme drives the CSS variables). */
export function useApplyTheme(): void {
  const theme = useSettingsStore((s) => s.settings.theme);
  const locale = useSettingsStore((s) => s.settings.locale);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  useEffect(() => {
    document.documentElement.lang = locale || navigator.language || 'en';
  }, [locale]);
}
