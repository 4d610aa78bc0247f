import { useState } from 'react';
import type { Tag } from '../../../shared/domain/journal';
import { call, errorMessage } from '../api';
import { useLookupsStore } from '../store/lookups-store';

/** Rename, recolour, merge or delete tags; trades keep their other tags. */
export function TagsCard() {
  const tags = useLookupsStore((s) => s.tags);
  const reload = useLookupsStore((s) => s.load);
  const [selected, setSelected] = useState<Tag | null>(null);
  const [name, setName] = useState('');
  const [color, setColor] = useState('#6b7280');
  const [mergeInto, setMergeInto] = useState('');
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [message, setMessage] = useState<{ kind: 'good' | 'crit'; text: string } | null>(null);

  const run = async (action: () => Promise<string>) => {
    try {
      setMessage({ kind: 'good', text: await action() });
      setSelected(null);
      setConfirmDelete(false);
      await reload();
    } catch (error) {
      setMessage({ kind: 'crit', text: errorMessage(error) });
    }
  };

  return (
    <section className="card" aria-labelledby="tags-title">
      <h2 id="tags-title">Tags</h2>
      {tags.length === 0 ? (
        <p className="muted">No tags yet. Add them to trades from the Trades page.</p>
      ) : (
        <ul className="tag-list" aria-label="Tags">
          {tags.map((t) => (
            <li key={t.id}>
              <button
                type="button"
                className="tag-pick"
                aria-pressed={selected?.id === t.id}
                onClick={() => {
                  setSelected(t);
                  setName(t.name);
                  setColor(t.color);
                  setMergeInto('');
                  setConfirmDelete(false);
                  setMessage(null);
                }}
              >
                <span className="tag-swatch" style={{ background: t.color }} aria-hidden="true" />
                {t.name}
              </button>
            </li>
          ))}
        </ul>
      )}
      {selected && (
        <div className="tag-editor">
          <div className="filters plain">
            <div className="filter">
              <label htmlFor="tag-rename">Rename “{selected.name}” to</label>
              <input id="tag-rename" value={name} onChange={(e) => setName(e.target.value)} />
            </div>
            <button type="button" disabled={name.trim() === '' || name === selected.name} onClick={() => void run(async () => (await call('tags:update', { id: selected.id, patch: { name } }), `Renamed to ${name}.`))}>
              Rename
            </button>
            <div className="filter">
              <label htmlFor="tag-color">Colour of “{selected.name}”</label>
              <input id="tag-color" type="color" value={color} onChange={(e) => setColor(e.target.value)} />
            </div>
            <button
              type="button"
              disabled={color.toLowerCase() === selected.color.toLowerCase()}
              onClick={() => void run(async () => (await call('tags:update', { id: selected.id, patch: { color } }), `Changed the colour of ${selected.name}.`))}
            >
              Save colour
            </button>
            <div className="filter">
              <label htmlFor="tag-merge">Merge into</label>
              <select id="tag-merge" value={mergeInto} onChange={(e) => setMergeInto(e.target.value)}>
                <option value="">Choose a tag</option>
                {tags
                  .filter((t) => t.id !== selected.id)
                  .map((t) => (
                    <option key={t.id} value={t.id}>
                      {t.name}
                    </option>
                  ))}
              </select>
            </div>
            <button
              type="button"
              disabled={mergeInto === ''}
              onClick={() =>
                void run(async () => {
                  const result = await call('tags:merge', { sourceIds: [selected.id], targetId: Number(mergeInto) });
                  return `Merged into ${result.tag.name}; ${result.tradesRetagged.toLocaleString()} trades retagged.`;
                })
              }
            >
              Merge
            </button>
            {confirmDelete ? (
              <>
                <button
                  type="button"
                  className="danger"
                  onClick={() => void run(async () => `Deleted; ${(await call('tags:delete', { id: selected.id })).tradesUntagged.toLocaleString()} trades lost the tag.`)}
                >
                  Delete “{selected.name}” for good
                </button>
                <button type="button" onClick={() => setConfirmDelete(false)}>
                  Keep
                </button>
              </>
            ) : (
              <button type="button" className="danger" onClick={() => setConfirmDelete(true)}>
                Delete…
              </button>
            )}
          </div>
        </div>
      )}
      {message && (
        <p className={`notice ${message.kind}`} role={message.kind === 'crit' ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
    </section>
  );
}
