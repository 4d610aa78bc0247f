import { useMemo } from 'react';
import type { ImportZoneSource } from '../../../../shared/domain/import-result';

/** Every IANA zone this runtime knows, UTC first (the list Intl itself validates against). */
export function zoneList(current: string): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const zones = ['UTC', ...known.filter((z) => z !== 'UTC')];
  return zones.includes(current) ? zones : [current, ...zones];
}

const WHY: Record<ImportZoneSource, string> = {
  chosen: 'your choice',
  account: 'last used with this account',
  preset: 'last used with this layout',
  'account-zone': 'the account’s zone',
  default: 'no zone known yet: choose the one your platform writes its times in',
};

/** The zone of the times the file writes without one; the preview re-reads the file when it changes. */
export function ZonePicker({ id, zone, source, disabled, onChange }: { id: string; zone: string; source: ImportZoneSource; disabled: boolean; onChange(zone: string): void }) {
  const zones = useMemo(() => zoneList(zone), [zone]);
  return (
    <div className="filter">
      <label htmlFor={id}>Times in the file are in</label>
      <select id={id} value={zone} disabled={disabled} onChange={(e) => onChange(e.target.value)} aria-describedby={`${id}-why`}>
        {zones.map((z) => (
          <option key={z} value={z}>
            {z}
          </option>
        ))}
      </select>
      <span id={`${id}-why`} className="muted small" data-zone-source={source}>
        {WHY[source]}
      </span>
    </div>
  );
}
