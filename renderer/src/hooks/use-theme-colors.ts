import { useEffect, useState } from 'react';
import { useSettingsStore } from '../store/settings-store';

export interface ThemeColors {
  text: string;
  muted: string;
  border: string;
  surface: string;
  line: string;
  drawdown: string;
  win: string;
  loss: string;
}

function read(): ThemeColors {
  const style = getComputedStyle(document.documentElement);
  const v = (name: string) => style.getPropertyValue(name).trim();
  return {
    text: v('--text'),
    muted: v('--muted'),
    border: v('--border'),
    surface: v('--surface'),
    line: v('--chart-line'),
    drawdown: v('--chart-dd'),
    win: v('--win'),
    loss: v('--loss'),
  };
}

/** The current theme's colours for canvas drawing (charts cannot use CSS variables). */
export function useThemeColors(): ThemeColors {
  const theme = useSettingsStore((s) => s.settings.theme);
  const [colors, setColors] = useState<ThemeColors>(read);
  useEffect(() => {
    setColors(read());
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const onChange = () => setColors(read());
    media.addEventListener('change', onChange);
    return () => media.removeEventListener('change', onChange);
  }, [theme]);
  return colors;
}
