import { useEffect, useId, useState } from 'react';
import { TableScroll } from '../components/TableScroll';
import { formatRowError, type ImportRowError } from '../../../shared/domain/import-result';
import { PageHeader } from '../components/PageHeader';
import { MappingEditor, emptyMapping } from '../components/import/MappingEditor';
import { useFormat } from '../hooks/use-format';
import { useImportStore, type OnError } from '../store/import-store';
import { LookupOptions } from '../components/LookupOptions';
import { NewAccountsCard } from '../components/import/NewAccountsCard';
import { ZonePicker, zoneList } from '../components/import/ZonePicker';

function RowErrors({ errors, total, title }: { errors: ImportRowError[]; total: number; title: string }) {
  const fmt = useFormat();
  if (errors.length === 0) return null;
  return (
    <section className="row-errors" aria-label={title}>
      <h3>
        {title}: {fmt.count(total)} {total === 1 ? 'row' : 'rows'}
      </h3>
      <ul>
        {errors.map((e, i) => (
          <li key={`${e.row}-${e.column}-${i}`} data-row={e.row}>
            {formatRowError(e)}
          </li>
        ))}
      </ul>
      {total > errors.length && <p className="muted small">Showing the first {fmt.count(errors.length)}.</p>}
    </section>
  );
}

function Result() {
  const fmt = useFormat();
  const result = useImportStore((s) => s.result);
  if (!result) return null;
  const headline: Record<typeof result.status, { tone: string; text: string }> = {
    committed: {
      tone: 'good',
      text: `Imported ${fmt.count(result.tradesCreated)} new trades${result.tradesUpdated ? ` and updated ${fmt.count(result.tradesUpdated)}` : ''}${result.tradesLeftOpen ? `; ${fmt.count(result.tradesLeftOpen)} left open` : ''}.`,
    },
    aborted: {
      tone: 'crit',
      text: `Nothing was imported: ${fmt.count(result.errorRows)} ${result.errorRows === 1 ? 'row has' : 'rows have'} errors. Fix them in the file, or choose “Skip rows with errors” and import again.`,
    },
    nothing_new: { tone: 'warn', text: 'Nothing new: every trade in this file is already in your journal.' },
    dry_run: {
      tone: 'good',
      text: `Check finished: ${fmt.count(result.tradesCreated)} trades would be created${result.tradesUpdated ? `, ${fmt.count(result.tradesUpdated)} updated` : ''}${result.tradesLeftOpen ? `, ${fmt.count(result.tradesLeftOpen)} left open` : ''}. Nothing was written.`,
    },
  };
  const h = headline[result.status];
  return (
    <section className="card" aria-labelledby="import-result-title" data-status={result.status}>
      <h2 id="import-result-title">Result</h2>
      <p className={`notice ${h.tone}`} role="status">
        {h.text}
      </p>
      <dl className="facts">
        <dt>Rows read</dt>
        <dd>{fmt.count(result.rowCount)}</dd>
        <dt>Valid and new</dt>
        <dd>{fmt.count(result.acceptedRows)}</dd>
        <dt>With errors</dt>
        <dd>{fmt.count(result.errorRows)}</dd>
        <dt>Already imported</dt>
        <dd>{fmt.count(result.duplicateRows)}</dd>
        <dt>Accounts created</dt>
        <dd>{fmt.count(result.accountsCreated)}</dd>
        <dt>Instruments created</dt>
        <dd>{fmt.count(result.instrumentsCreated)}</dd>
        <dt>Took</dt>
        <dd>{fmt.duration(result.durationMs)}</dd>
      </dl>
      <RowErrors errors={result.errors} total={result.errorRows} title="Rows with errors" />
    </section>
  );
}

function History() {
  const fmt = useFormat();
  const batches = useImportStore((s) => s.batches);
  const undo = useImportStore((s) => s.undo);
  const busy = useImportStore((s) => s.busy);
  const [confirm, setConfirm] = useState<number | null>(null);
  return (
    <section className="card" aria-labelledby="history-title">
      <h2 id="history-title">Past imports</h2>
      {batches.length === 0 ? (
        <p className="muted">No imports yet.</p>
      ) : (
        <TableScroll label="Import history">
          <table aria-labelledby="history-title">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">File</th>
                <th scope="col">Account</th>
                <th scope="col" className="num">
                  Trades
                </th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {batches.map((b) => (
                <tr key={b.id} data-batch-id={b.id}>
                  <td>{fmt.dateTime(b.createdAt)}</td>
                  <td>{b.sourceName}</td>
                  <td>{b.accountName}</td>
                  <td className="num">{fmt.count(b.tradeCount)}</td>
                  <td>{b.status === 'committed' ? <span className="badge ok">Imported</span> : <span className="badge">Undone {fmt.dateTime(b.undoneAt)}</span>}</td>
                  <td>
                    {b.status === 'committed' &&
                      (confirm === b.id ? (
                        <span className="button-row">
                          <button type="button" className="danger" disabled={busy !== null} onClick={() => void undo(b.id).then(() => setConfirm(null))}>
                            Remove {fmt.count(b.tradeCount)} trades
                          </button>
                          <button type="button" onClick={() => setConfirm(null)}>
                            Keep
                          </button>
                        </span>
                      ) : (
                        <button type="button" onClick={() => setConfirm(b.id)} aria-label={`Undo import of ${b.sourceName}`}>
                          Undo
                        </button>
                      ))}
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

export function ImportPage() {
  const id = useId();
  const fmt = useFormat();
  const {
    file, accountId, presetId, mapping, presets, preview, busy, message, newAccounts,
    loadLists, chooseFile, setAccount, setPreset, setTimeZone, setNewAccount, setTable, applyMapping, savePreset, deletePreset, run,
  } = useImportStore();
  const savedPreset = presets.find((p) => p.id === presetId && !p.builtin);
  const [onError, setOnError] = useState<OnError>('abort');
  const [showMapping, setShowMapping] = useState(false);
  useEffect(() => {
    void loadLists();
  }, [loadLists]);

  // A mapping applied here (saved or not) is a layout: the import can run with it.
  const needsMapping = preview !== null && ((preview.presetId === null && mapping === null) || preview.missing.length > 0);
  // A mapping being tried stays open beside its preview until it is saved or dropped.
  const mappingOpen = showMapping || needsMapping || mapping !== null;
  const mappingStart = mapping ?? presets.find((p) => p.id === presetId)?.definition ?? emptyMapping(preview?.kind ?? 'trades');

  return (
    <section aria-labelledby="import-title" className="page">
      <PageHeader id="import-title" title="Import" />
      <section className="card" aria-labelledby={`${id}-file`}>
        <h2 id={`${id}-file`}>1. Choose a file</h2>
        <p className="muted small">A CSV or Excel export from your broker or platform (Interactive Brokers, NinjaTrader, Tradovate, MetaTrader, or a Spark Journal export).</p>
        <div className="button-row">
          <button type="button" className="primary" disabled={busy !== null} onClick={() => void chooseFile()}>
            {busy === 'choose' ? 'Waiting for the file…' : file ? 'Choose another file…' : 'Choose a file…'}
          </button>
          {file && (
            <span className="file-chip">
              {file.fileName}
              {preview && ` · ${preview.format.toUpperCase()}${preview.format === 'csv' ? `, separated by “${preview.delimiter === '\t' ? 'tab' : preview.delimiter}”` : ''}`}
            </span>
          )}
        </div>
        {message && (
          <div className={`notice ${message.kind === 'error' ? 'crit' : message.kind === 'ok' ? 'good' : ''}`} role={message.kind === 'error' ? 'alert' : 'status'}>
            {message.text}
            {message.details && message.details.length > 0 && (
              <ul>
                {message.details.map((d) => (
                  <li key={d}>{d}</li>
                ))}
              </ul>
            )}
          </div>
        )}
      </section>

      {file && preview && (
        <>
          <section className="card" aria-labelledby={`${id}-setup`}>
            <h2 id={`${id}-setup`}>2. Check how it reads</h2>
            <div className="filters plain">
              <div className="filter">
                <label htmlFor={`${id}-preset`}>Layout</label>
                <select id={`${id}-preset`} value={mapping ? '__custom' : (presetId ?? '')} onChange={(e) => (e.target.value === '__custom' ? setShowMapping(true) : void setPreset(e.target.value || null))}>
                  {!presetId && !mapping && <option value="">No layout matches: map the columns</option>}
                  {mapping && <option value="__custom">Your mapping: {mapping.name}</option>}
                  {presets.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.definition.name}
                      {p.id === preview.detectedPresetId ? ' (detected)' : ''}
                      {p.builtin ? '' : ' (saved)'}
                    </option>
                  ))}
                </select>
              </div>
              <div className="filter">
                <label htmlFor={`${id}-account`}>Into account</label>
                <select id={`${id}-account`} value={accountId ?? ''} onChange={(e) => void setAccount(e.target.value === '' ? null : Number(e.target.value))}>
                  <option value="">The accounts named in the file</option>
                  <LookupOptions of="accounts" />
                </select>
              </div>
              <ZonePicker id={`${id}-zone`} zone={preview.timeZone} source={preview.timeZoneSource} disabled={busy !== null} onChange={(z) => void setTimeZone(z)} />
              {savedPreset && !mapping && (
                <button type="button" className="danger" disabled={busy !== null} onClick={() => void deletePreset(savedPreset.id)}>
                  Delete saved layout
                </button>
              )}
              <button type="button" onClick={() => setShowMapping((v) => !v)} aria-expanded={mappingOpen}>
                {mappingOpen ? 'Hide column mapping' : 'Edit column mapping'}
              </button>
            </div>
            {preview.missing.length > 0 && (
              <p className="notice warn">
                This layout expects columns the file does not have: {preview.missing.map((m) => `“${m.header}” (${m.field})`).join(', ')}. Map them below.
              </p>
            )}
            {preview.trades.length > 0 && (
              <>
                <h3>{preview.trades.length === 1 ? 'The first trade as it will be imported' : `The first ${fmt.count(preview.trades.length)} trades as they will be imported`}</h3>
                <TableScroll label="Trades as they will be imported" className="preview-table">
                  <table>
                    <thead>
                      <tr>
                        <th scope="col">Row</th>
                        {accountId === null && <th scope="col">Account</th>}
                        <th scope="col">Symbol</th>
                        <th scope="col">Side</th>
                        <th scope="col">Opened ({preview.timeZone})</th>
                        <th scope="col">Closed ({preview.timeZone})</th>
                        <th scope="col" className="num">
                          Qty
                        </th>
                        <th scope="col" className="num">
                          Entry
                        </th>
                        <th scope="col" className="num">
                          Exit
                        </th>
                        <th scope="col" className="num">
                          Net P&amp;L
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {preview.trades.map((t) => (
                        <tr key={t.row}>
                          <td>{t.row}</td>
                          {accountId === null && <td>{t.account ?? '—'}</td>}
                          <td className="symbol">{t.symbol}</td>
                          <td className={`side ${t.direction}`}>{t.direction === 'long' ? 'Long' : 'Short'}</td>
                          <td className="time">{fmt.dateTimeIn(t.openedAt, preview.timeZone)}</td>
                          <td className="time">{fmt.dateTimeIn(t.closedAt, preview.timeZone)}</td>
                          <td className="num">{fmt.number(t.qty)}</td>
                          <td className="num">{fmt.number(t.entryPrice)}</td>
                          <td className="num">{fmt.number(t.exitPrice)}</td>
                          <td className={`num pnl ${t.netPnlCents > 0 ? 'win' : t.netPnlCents < 0 ? 'loss' : ''}`}>{fmt.amount(t.netPnlCents)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableScroll>
              </>
            )}
            {preview.trades.length === 0 && preview.sampleRows.length > 0 && (
              <>
                <h3>The first rows of the file</h3>
                <TableScroll label="First rows of the file" className="preview-table">
                  <table>
                    <thead>
                      <tr>
                        <th scope="col">Row</th>
                        {preview.headers.map((h) => (
                          <th scope="col" key={h}>
                            {h}
                          </th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {preview.sampleRows.slice(0, 10).map((r) => (
                        <tr key={r.row}>
                          <td>{r.row}</td>
                          {r.cells.map((c, i) => (
                            <td key={i}>{c}</td>
                          ))}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableScroll>
              </>
            )}
            <NewAccountsCard accounts={preview.newAccounts} settings={newAccounts} zones={zoneList(preview.timeZone)} onChange={setNewAccount} />
            <RowErrors errors={preview.errors} total={preview.errors.length} title="Problems in the first rows" />
            {preview.instruments.some((i) => !i.certain) && (
              <p className="notice warn">
                Check these instruments: {preview.instruments.filter((i) => !i.certain).map((i) => `${i.fileSymbol} → ${i.symbol} (${i.assetClass}, ×${i.multiplier})`).join('; ')}.
              </p>
            )}
          </section>
          {mappingOpen && (
            <MappingEditor
              key={`${file?.token ?? ''}|${presetId ?? 'none'}`}
              headers={preview.headers}
              initial={mappingStart}
              busy={busy !== null}
              onApply={(m) => void applyMapping(m)}
              onSave={(m) => void savePreset(m)}
              onTable={(t) => void setTable(t)}
            />
          )}
          <section className="card" aria-labelledby={`${id}-run`}>
            <h2 id={`${id}-run`}>3. Import</h2>
            <fieldset className="check-group">
              <legend>If some rows have errors</legend>
              <label className="check">
                <input type="radio" name={`${id}-onerror`} checked={onError === 'abort'} onChange={() => setOnError('abort')} />
                Import nothing, show me the errors
              </label>
              <label className="check">
                <input type="radio" name={`${id}-onerror`} checked={onError === 'skip'} onChange={() => setOnError('skip')} />
                Skip rows with errors, import the rest
              </label>
            </fieldset>
            <div className="button-row">
              <button type="button" className="primary" disabled={busy !== null || needsMapping} onClick={() => void run(onError, false)}>
                {busy === 'run' ? 'Importing…' : 'Import trades'}
              </button>
              <button type="button" disabled={busy !== null || needsMapping} onClick={() => void run(onError, true)}>
                Check the whole file first
              </button>
            </div>
          </section>
          <Result />
        </>
      )}
      <History />
    </section>
  );
}
