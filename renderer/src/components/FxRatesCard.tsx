import { useEffect, useId, useState, type FormEvent } from 'react';
import { TableScroll } from './TableScroll';
import type { FxRate } from '../../../shared/domain/fx-rate';
import { call, errorMessage } from '../api';
import { useFormat } from '../hooks/use-format';

const today = () => new Date().toISOString().slice(0, 10);

/**
 * The journal's exchange-rate table: import a reference-rate CSV (an ECB series or
 * "date,base,quote,rate" rows) or type a rate. Trades in another currency than their account's
 * are booked at these rates; without one they wait, out of every money total.
 */
export function FxRatesCard() {
  const fmt = useFormat();
  const ids = useId();
  const [rates, setRates] = useState<FxRate[]>([]);
  const [total, setTotal] = useState(0);
  const [waiting, setWaiting] = useState(0);
  const [draft, setDraft] = useState({ day: today(), base: 'USD', quote: 'JPY', rate: '' });
  const [csvBase, setCsvBase] = useState('EUR');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'good' | 'crit' | ''; text: string } | null>(null);

  const load = async () => {
    try {
      const list = await call('fx:rates', { limit: 50 });
      setRates(list.rates);
      setTotal(list.total);
      setWaiting(list.tradesNeedingRate);
    } catch (error) {
      setMessage({ kind: 'crit', text: errorMessage(error) });
    }
  };
  useEffect(() => {
    void load();
  }, []);

  const run = async (work: () => Promise<string>) => {
    setBusy(true);
    setMessage(null);
    try {
      setMessage({ kind: 'good', text: await work() });
      await load();
    } catch (error) {
      setMessage({ kind: 'crit', text: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };
  const booked = (n: number) => (n === 0 ? 'No trade changed.' : `${fmt.number(n)} trade${n === 1 ? '' : 's'} booked at the new rates.`);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const result = await call('fx:putRate', {
        rate: { day: draft.day, base: draft.base.trim().toUpperCase(), quote: draft.quote.trim().toUpperCase(), rate: Number(draft.rate) },
      });
      return `Saved 1 ${draft.base.toUpperCase()} = ${draft.rate} ${draft.quote.toUpperCase()} on ${draft.day}. ${booked(result.tradesBooked)}`;
    });
  };
  const importFile = (file: File | undefined) => {
    if (!file) return;
    void run(async () => {
      const result = await call('fx:importRates', { text: await file.text(), base: csvBase.trim().toUpperCase(), sourceName: file.name });
      return `Imported ${fmt.number(result.imported)} rates from ${file.name}${result.skipped ? ` (${fmt.number(result.skipped)} cells skipped)` : ''}. ${booked(result.tradesBooked)}`;
    });
  };

  return (
    <section className="card" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>Exchange rates</h2>
      <p className="muted small">
        A trade in another currency than its account is booked at the broker’s rate when the file has one, else at the latest rate here on or up to
        ten days before its trading day (directly, inverted, or through a common base such as the ECB’s euro). Without a rate it is never booked at 1:
        it waits, out of every money total.
      </p>
      <p className={`notice ${waiting > 0 ? 'warn' : ''}`} data-testid="fx-waiting">
        {waiting > 0 ? `${fmt.number(waiting)} closed trade${waiting === 1 ? '' : 's'} need${waiting === 1 ? 's' : ''} a rate.` : 'Every closed trade has a rate.'}
      </p>
      <form className="inline-form" onSubmit={submit} aria-label="Type a rate">
        <label>
          Day <input type="date" value={draft.day} onChange={(e) => setDraft({ ...draft, day: e.target.value })} required />
        </label>
        <label>
          1 <input aria-label="Base currency" size={4} maxLength={3} value={draft.base} onChange={(e) => setDraft({ ...draft, base: e.target.value })} required />
        </label>
        <label>
          = <input aria-label="Rate" inputMode="decimal" size={10} value={draft.rate} onChange={(e) => setDraft({ ...draft, rate: e.target.value })} required />
        </label>
        <input aria-label="Quote currency" size={4} maxLength={3} value={draft.quote} onChange={(e) => setDraft({ ...draft, quote: e.target.value })} required />
        <button type="submit" disabled={busy}>
          Save rate
        </button>
      </form>
      <div className="inline-form">
        <label>
          Rates per one <input aria-label="Base of a rate table" size={4} maxLength={3} value={csvBase} onChange={(e) => setCsvBase(e.target.value)} />
        </label>
        <label className="button-like">
          Import a rate CSV…
          <input type="file" accept=".csv,text/csv" className="sr-only" disabled={busy} onChange={(e) => importFile(e.target.files?.[0])} />
        </label>
      </div>
      {message && (
        <p className={`notice ${message.kind}`} role={message.kind === 'crit' ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      {rates.length > 0 && (
        <TableScroll label="Exchange rates" className="fx-rates-table">
          <table aria-labelledby={`${ids}-title`}>
            <caption className="muted small">
              The latest {fmt.number(rates.length)} of {fmt.number(total)} rates.
            </caption>
            <thead>
              <tr>
                <th scope="col">Day</th>
                <th scope="col">Rate</th>
                <th scope="col">Source</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rates.map((r) => (
                <tr key={r.id}>
                  <td>{r.day}</td>
                  <td>
                    1 {r.base} = {r.rate} {r.quote}
                  </td>
                  <td>{r.source}</td>
                  <td>
                    <button type="button" className="link" disabled={busy} onClick={() => void run(async () => `Deleted the rate. ${booked((await call('fx:deleteRate', { id: r.id })).tradesBooked)}`)}>
                      Delete
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
