import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { BAR_SIZES, BARS_CSV_MAX_CHARS, type BarSet, type BarsImportResult } from '../../../../shared/domain/bars';
import { call, errorMessage } from '../../api';
import { useFormat } from '../../hooks/use-format';
import { useLookupsStore } from '../../store/lookups-store';
import { TableScroll } from '../TableScroll';

const SIZE_LABELS: Record<number, string> = { 60: '1 minute', 300: '5 minutes', 900: '15 minutes', 1800: '30 minutes', 3600: '1 hour', 14_400: '4 hours', 86_400: '1 day' };

/** Import OHLC bars exported by a charting platform, so trades show candles, MAE and MFE. */
export function BarsCard() {
  const id = useId();
  const fmt = useFormat();
  const instruments = useLookupsStore((s) => s.instruments);
  const [symbol, setSymbol] = useState('');
  const [barSeconds, setBarSeconds] = useState(60);
  const [timeZone, setTimeZone] = useState(Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
  const [timeMarks, setTimeMarks] = useState<'start' | 'end'>('start');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<BarsImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sets, setSets] = useState<BarSet[]>([]);

  const load = useCallback(async () => {
    try {
      setSets(await call('bars:list', {}));
    } catch (e) {
      setError(errorMessage(e));
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) {
      setError('Choose the bar file first.');
      return;
    }
    if (file.size > BARS_CSV_MAX_CHARS) {
      setError(`${file.name} is ${fmt.bytes(file.size)}; bar files up to ${BARS_CSV_MAX_CHARS / 1024 / 1024} MiB can be imported. Export a shorter range.`);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const csvText = await file.text();
      setResult(await call('bars:import', { symbol, barSeconds, timeZone, timeMarks, fileName: file.name, csvText }));
      await load();
    } catch (err) {
      setResult(null);
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Price bars</h2>
      <p className="muted small">
        Export candles from your charting platform (TradingView “Export chart data”, NinjaTrader, MetaTrader) and import them here. Trades of that symbol then show
        candles with their fills, and their MAE and MFE.
      </p>
      <form className="trade-edit" aria-label="Import price bars" onSubmit={(e) => void submit(e)} noValidate>
        <div className="edit-grid">
          <div className="field">
            <label htmlFor={`${id}-symbol`}>Symbol</label>
            <input id={`${id}-symbol`} list={`${id}-symbols`} value={symbol} onChange={(e) => setSymbol(e.target.value)} placeholder="e.g. ESZ5" />
            <datalist id={`${id}-symbols`}>
              {instruments.map((i) => (
                <option key={i.id} value={i.symbol} />
              ))}
            </datalist>
          </div>
          <div className="field">
            <label htmlFor={`${id}-size`}>Bar size</label>
            <select id={`${id}-size`} value={barSeconds} onChange={(e) => setBarSeconds(Number(e.target.value))}>
              {BAR_SIZES.map((s) => (
                <option key={s} value={s}>
                  {SIZE_LABELS[s]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-zone`}>Time zone of the file's times</label>
            <input id={`${id}-zone`} value={timeZone} onChange={(e) => setTimeZone(e.target.value)} placeholder="e.g. America/New_York, UTC" />
          </div>
          <div className="field">
            <label htmlFor={`${id}-marks`}>A row's time is the bar's</label>
            <select id={`${id}-marks`} value={timeMarks} onChange={(e) => setTimeMarks(e.target.value as 'start' | 'end')}>
              <option value="start">start (TradingView, MetaTrader)</option>
              <option value="end">end (NinjaTrader exports)</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-file`}>Bar file (CSV or TXT)</label>
            <input id={`${id}-file`} type="file" accept=".csv,.txt,text/csv,text/plain" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          </div>
        </div>
        <div className="button-row">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Importing…' : 'Import bars'}
          </button>
        </div>
      </form>
      {error && (
        <p className="notice crit" role="alert">
          {error}
        </p>
      )}
      {result && (
        <p className="notice good" role="status">
          Imported {fmt.count(result.imported)} {SIZE_LABELS[result.barSeconds]} bars of {result.symbol} ({fmt.dateTime(result.firstTime)} to {fmt.dateTime(result.lastTime)}),
          read as {result.layout}.{result.skippedCount > 0 && ` Skipped ${fmt.count(result.skippedCount)} lines, e.g. line ${result.skipped[0]!.line}: ${result.skipped[0]!.reason}.`}
        </p>
      )}
      {sets.length > 0 && (
        <TableScroll label="Imported bars">
          <table>
            <thead>
              <tr>
                <th scope="col">Symbol</th>
                <th scope="col">Bar size</th>
                <th scope="col" className="num">
                  Bars
                </th>
                <th scope="col">From</th>
                <th scope="col">To</th>
              </tr>
            </thead>
            <tbody>
              {sets.map((s) => (
                <tr key={`${s.instrumentId}:${s.barSeconds}`}>
                  <th scope="row">{s.symbol}</th>
                  <td>{SIZE_LABELS[s.barSeconds] ?? `${s.barSeconds} s`}</td>
                  <td className="num">{fmt.count(s.count)}</td>
                  <td>{fmt.dateTime(s.firstTime)}</td>
                  <td>{fmt.dateTime(s.lastTime)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
