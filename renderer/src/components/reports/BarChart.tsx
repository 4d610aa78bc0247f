import { useId, type ReactNode } from 'react';

export interface Bar {
  key: string;
  label: string;
  value: number;
  /** What the bar's value reads as (money, count...). */
  display: string;
  /** Colour of the bar; by default the sign of its value. */
  kind?: 'win' | 'loss' | 'count';
}

const HEIGHT = 160;
const LABEL_SPACE = 34;

/**
 * A vertical bar chart in SVG: wins above the zero line in the win colour, losses below in the
 * loss colour, every bar labelled on its axis. `summary` is the text alternative; the table
 * passed as `children` holds every number under the chart.
 */
export function BarChart({ title, bars, summary, children, tone = 'pnl' }: { title: string; bars: Bar[]; summary: string; children?: ReactNode; tone?: 'pnl' | 'count' }) {
  const id = useId();
  const max = Math.max(0, ...bars.map((b) => b.value));
  const min = Math.min(0, ...bars.map((b) => b.value));
  const span = max - min || 1;
  const zero = (max / span) * HEIGHT;
  const slot = Math.max(18, Math.min(56, 430 / Math.max(1, bars.length)));
  const width = slot * bars.length;
  // Thin out axis labels so they never overlap: about 6.5 px per character at 11 px.
  const longest = Math.max(1, ...bars.map((b) => b.label.length));
  const every = Math.max(1, Math.ceil((longest * 6.5 + 6) / slot));
  return (
    <section className="card report-chart" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <figure className="bar-figure">
        <svg role="img" aria-labelledby={`${id}-cap`} width={Math.max(width, 1)} height={HEIGHT + LABEL_SPACE}>
          <line x1={0} x2={width} y1={zero} y2={zero} className="axis" />
          {bars.map((b, i) => {
            const h = (Math.abs(b.value) / span) * HEIGHT;
            const y = b.value >= 0 ? zero - h : zero;
            const cls = `bar ${b.kind ?? (tone === 'count' ? 'count' : b.value >= 0 ? 'win' : 'loss')}`;
            return (
              <g key={b.key}>
                <rect x={i * slot + slot * 0.15} y={y} width={slot * 0.7} height={Math.max(h, b.value === 0 ? 0 : 1)} className={cls}>
                  <title>{`${b.label}: ${b.display}`}</title>
                </rect>
                {i % every === 0 && (
                  <text x={i * slot + slot / 2} y={HEIGHT + 16} textAnchor="middle" className="bar-label">
                    {b.label}
                  </text>
                )}
              </g>
            );
          })}
        </svg>
        <figcaption id={`${id}-cap`} className="sr-only">
          {summary}
        </figcaption>
      </figure>
      {children}
    </section>
  );
}
