import { useId } from 'react';
import type { NewAccountSettings } from '../../../../shared/domain/import-options';
import { TableScroll } from '../TableScroll';

/**
 * The accounts the file names that the journal does not have: the import creates them with
 * these settings, so the user confirms currency, zone (which decides each trade's day) and
 * starting balance here instead of finding defaults later.
 */
export function NewAccountsCard({
  accounts,
  settings,
  zones,
  onChange,
}: {
  accounts: { name: string; rows: number }[];
  settings: Record<string, NewAccountSettings>;
  zones: string[];
  onChange(name: string, next: NewAccountSettings): void;
}) {
  const id = useId();
  if (accounts.length === 0) return null;
  return (
    <section aria-labelledby={`${id}-title`} className="new-accounts">
      <h3 id={`${id}-title`}>New accounts this file creates</h3>
      <TableScroll label="New accounts">
        <table aria-labelledby={`${id}-title`}>
          <thead>
            <tr>
              <th scope="col">Account</th>
              <th scope="col">Currency</th>
              <th scope="col">Time zone</th>
              <th scope="col" className="num">
                Starting balance
              </th>
            </tr>
          </thead>
          <tbody>
            {accounts.map(({ name }) => {
              const s = settings[name];
              if (!s) return null;
              return (
                <tr key={name} data-new-account={name}>
                  <th scope="row">{name}</th>
                  <td>
                    <input
                      aria-label={`Currency of ${name}`}
                      value={s.currency}
                      maxLength={3}
                      size={4}
                      onChange={(e) => onChange(name, { ...s, currency: e.target.value.toUpperCase() })}
                    />
                  </td>
                  <td>
                    <select aria-label={`Time zone of ${name}`} value={s.timezone} onChange={(e) => onChange(name, { ...s, timezone: e.target.value })}>
                      {(zones.includes(s.timezone) ? zones : [s.timezone, ...zones]).map((z) => (
                        <option key={z} value={z}>
                          {z}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td className="num">
                    <input
                      aria-label={`Starting balance of ${name}`}
                      type="number"
                      step="0.01"
                      value={(s.startingBalanceCents / 100).toFixed(2)}
                      onChange={(e) => onChange(name, { ...s, startingBalanceCents: Math.round(Number(e.target.value || '0') * 100) })}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
