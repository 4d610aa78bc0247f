import { useId, useState, type FormEvent } from 'react';
import type { Instrument } from '../../../shared/domain/journal';
import { ASSET_CLASSES, type AssetClass } from '../../../shared/domain/enums';
import { call, errorMessage } from '../api';
import { useLookupsStore } from '../store/lookups-store';
import { fieldErrors } from '../validation';
import { TableScroll } from './TableScroll';

const ASSET_LABELS: Record<AssetClass, string> = {
  stock: 'Stock',
  future: 'Future',
  fx: 'FX',
  option: 'Option',
  crypto: 'Crypto',
  cfd: 'CFD',
};

const assetClassOptions = ASSET_CLASSES.map((c) => (
  <option key={c} value={c}>
    {ASSET_LABELS[c]}
  </option>
));

/** A typed number: '' is "not given", anything unreadable is NaN so the server names the field. */
const numberOrUndefined = (text: string) => (text.trim() === '' ? undefined : Number(text.trim().replace(',', '.')));

/** The multiplier input with its message: the server's error when there is one (it was about this value), else the hint. */
function MultiplierField(props: { id: string; value: string; error?: string; hint?: string; placeholder?: string; onChange: (value: string) => void }) {
  const { id, value, error, hint, placeholder, onChange } = props;
  const note = error ? `${id}-err` : hint ? `${id}-hint` : undefined;
  return (
    <div className="filter">
      <label htmlFor={id}>Multiplier</label>
      <input
        id={id}
        inputMode="decimal"
        value={value}
        placeholder={placeholder}
        aria-invalid={error ? true : undefined}
        aria-describedby={note}
        onChange={(e) => onChange(e.target.value)}
      />
      {error ? (
        <span id={`${id}-err`} className="field-error">
          {error}
        </span>
      ) : (
        hint && (
          <span id={`${id}-hint`} className="muted small">
            {hint}
          </span>
        )
      )}
    </div>
  );
}

function InstrumentEditor({ instrument, onDone }: { instrument: Instrument; onDone: (message: string | null) => void }) {
  const id = useId();
  const reload = useLookupsStore((s) => s.load);
  const [assetClass, setAssetClass] = useState<AssetClass>(instrument.assetClass);
  const [multiplier, setMultiplier] = useState(String(instrument.multiplier));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const changesPnl = numberOrUndefined(multiplier) !== instrument.multiplier;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const result = await call('instruments:update', {
        id: instrument.id,
        patch: { assetClass, multiplier: numberOrUndefined(multiplier) ?? Number.NaN },
      });
      await reload();
      onDone(
        result.tradesRecomputed > 0
          ? `Saved ${instrument.symbol}: P&L and equity recomputed for ${result.tradesRecomputed.toLocaleString()} closed trades.`
          : `Saved ${instrument.symbol}.`,
      );
    } catch (error) {
      const fields = fieldErrors(error, ['patch']);
      setErrors(Object.keys(fields).length ? fields : { '': errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="filters plain" aria-label={`Edit instrument ${instrument.symbol}`} onSubmit={(e) => void submit(e)} noValidate>
      <div className="filter">
        <label htmlFor={`${id}-class`}>Asset class</label>
        <select id={`${id}-class`} value={assetClass} onChange={(e) => setAssetClass(e.target.value as AssetClass)}>
          {assetClassOptions}
        </select>
      </div>
      <MultiplierField
        id={`${id}-multiplier`}
        value={multiplier}
        error={errors.multiplier}
        hint={changesPnl ? 'Saving recomputes the P&L of its closed trades.' : 'Currency per point, per contract.'}
        onChange={(value) => {
          setMultiplier(value);
          setErrors(({ multiplier: _old, ...rest }) => rest);
        }}
      />
      <span className="button-row">
        <button type="submit" className="primary" disabled={busy}>
          Save {instrument.symbol}
        </button>
        <button type="button" onClick={() => onDone(null)}>
          Cancel
        </button>
      </span>
      {errors[''] && <p className="notice crit">{errors['']}</p>}
    </form>
  );
}

function AddInstrumentForm({ onDone }: { onDone: (message: string) => void }) {
  const id = useId();
  const reload = useLookupsStore((s) => s.load);
  const [symbol, setSymbol] = useState('');
  const [assetClass, setAssetClass] = useState<AssetClass | ''>('');
  const [multiplier, setMultiplier] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const created = await call('instruments:create', {
        symbol,
        ...(assetClass ? { assetClass } : {}),
        ...(numberOrUndefined(multiplier) !== undefined ? { multiplier: numberOrUndefined(multiplier) } : {}),
      });
      await reload();
      setSymbol('');
      setAssetClass('');
      setMultiplier('');
      setErrors({});
      onDone(`Added ${created.symbol} (${ASSET_LABELS[created.assetClass]}, multiplier ${created.multiplier}).`);
    } catch (error) {
      const fields = fieldErrors(error);
      setErrors(Object.keys(fields).length ? fields : { '': errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  const error = (key: string) =>
    errors[key] && (
      <span id={`${id}-${key}-err`} className="field-error">
        {errors[key]}
      </span>
    );

  return (
    <form className="filters plain" aria-label="Add instrument" onSubmit={(e) => void submit(e)} noValidate>
      <div className="filter">
        <label htmlFor={`${id}-symbol`}>Symbol</label>
        <input
          id={`${id}-symbol`}
          value={symbol}
          placeholder="MNQZ5"
          aria-invalid={errors.symbol ? true : undefined}
          aria-describedby={errors.symbol ? `${id}-symbol-err` : undefined}
          onChange={(e) => setSymbol(e.target.value)}
        />
        {error('symbol')}
      </div>
      <div className="filter">
        <label htmlFor={`${id}-class`}>Asset class</label>
        <select id={`${id}-class`} value={assetClass} onChange={(e) => setAssetClass(e.target.value as AssetClass | '')}>
          <option value="">Detect from symbol</option>
          {assetClassOptions}
        </select>
      </div>
      <MultiplierField
        id={`${id}-multiplier`}
        value={multiplier}
        placeholder="Detect"
        error={errors.multiplier}
        onChange={(value) => {
          setMultiplier(value);
          setErrors(({ multiplier: _old, ...rest }) => rest);
        }}
      />
      <span className="button-row">
        <button type="submit" className="primary" disabled={busy}>
          Add instrument
        </button>
      </span>
      {errors[''] && <p className="notice crit">{errors['']}</p>}
    </form>
  );
}

/**
 * Instruments: the asset class and multiplier decide a trade's P&L (points x quantity x
 * multiplier), so a wrong multiplier from an import can be corrected here.
 */
export function InstrumentsCard() {
  const instruments = useLookupsStore((s) => s.instruments);
  const [editing, setEditing] = useState<number | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  return (
    <section className="card" aria-labelledby="instruments-title">
      <h2 id="instruments-title">Instruments</h2>
      <p className="muted small">
        A trade&apos;s P&amp;L is price difference x quantity x multiplier, in the instrument&apos;s currency. Changing a multiplier
        recomputes the trades whose P&amp;L came from prices; a P&amp;L the broker reported is kept as reported.
      </p>
      {instruments.length === 0 ? (
        <p className="muted">No instruments yet: they are added with trades, imports or below.</p>
      ) : (
        <TableScroll label="Instrument list" className="instruments-table">
          <table>
            <thead>
              <tr>
                <th scope="col">Symbol</th>
                <th scope="col">Asset class</th>
                <th scope="col" className="num">
                  Multiplier
                </th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {instruments.map((i) =>
                editing === i.id ? (
                  <tr key={i.id}>
                    <td colSpan={4}>
                      <InstrumentEditor
                        instrument={i}
                        onDone={(done) => {
                          setEditing(null);
                          if (done) setMessage(done);
                        }}
                      />
                    </td>
                  </tr>
                ) : (
                  <tr key={i.id}>
                    <th scope="row">{i.symbol}</th>
                    <td>{ASSET_LABELS[i.assetClass]}</td>
                    <td className="num">{i.multiplier.toLocaleString()}</td>
                    <td className="num">
                      <button type="button" onClick={() => setEditing(i.id)} aria-label={`Edit instrument ${i.symbol}`}>
                        Edit
                      </button>
                    </td>
                  </tr>
                ),
              )}
            </tbody>
          </table>
        </TableScroll>
      )}
      <h3>Add an instrument</h3>
      <AddInstrumentForm onDone={setMessage} />
      {message && (
        <p className="notice good" role="status">
          {message}
        </p>
      )}
    </section>
  );
}
