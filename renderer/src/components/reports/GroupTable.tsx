import { TableScroll } from '../TableScroll';
import { useFormat } from '../../hooks/use-format';

export interface GroupRow {
  key: string;
  label: string;
  trades: number;
  wins: number;
  netCents: number;
}

/** The numbers under a bar chart: one row per bar. */
export function GroupTable({ label, heading, rows, currency }: { label: string; heading: string; rows: GroupRow[]; currency: string }) {
  const fmt = useFormat();
  return (
    <TableScroll label={label} className="group-table">
      <table>
        <thead>
          <tr>
            <th scope="col">{heading}</th>
            <th scope="col" className="num">
              Trades
            </th>
            <th scope="col" className="num">
              Win rate
            </th>
            <th scope="col" className="num">
              Net P&amp;L
            </th>
            <th scope="col" className="num">
              Average
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              <td className="num">{fmt.count(r.trades)}</td>
              <td className="num">{r.trades ? fmt.percent(r.wins / r.trades) : '—'}</td>
              <td className={`num pnl ${r.netCents > 0 ? 'win' : r.netCents < 0 ? 'loss' : ''}`}>{fmt.money(r.netCents, currency)}</td>
              <td className="num">{r.trades ? fmt.money(Math.round(r.netCents / r.trades), currency) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
