import { useId, useState } from 'react';
import { useSavedViewsStore, type SavedView } from '../../store/saved-views-store';
import { useTradesStore } from '../../store/trades-store';

/** Pick, save and delete named views (filters and order) of the Trades page; a delete can be undone. */
export function SavedViews() {
  const id = useId();
  const views = useSavedViewsStore((s) => s.views);
  const save = useSavedViewsStore((s) => s.save);
  const remove = useSavedViewsStore((s) => s.remove);
  const filter = useTradesStore((s) => s.filter);
  const sort = useTradesStore((s) => s.sort);
  const applyFilter = useTradesStore((s) => s.applyFilter);
  const [current, setCurrent] = useState('');
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const [deleted, setDeleted] = useState<SavedView | null>(null);
  const [message, setMessage] = useState('');

  const open = (viewName: string) => {
    setCurrent(viewName);
    const view = views.find((v) => v.name === viewName);
    if (!view) return;
    useTradesStore.setState({ sort: view.sort });
    void applyFilter(view.filter);
    setMessage(`Showing the view “${view.name}”.`);
  };

  return (
    <div className="filter saved-views">
      <label htmlFor={`${id}-view`}>Saved view</label>
      <div className="inline">
        <select id={`${id}-view`} value={current} onChange={(e) => open(e.target.value)}>
          <option value="">{views.length ? 'Choose a view' : 'No saved views'}</option>
          {views.map((v) => (
            <option key={v.name} value={v.name}>
              {v.name}
            </option>
          ))}
        </select>
        {naming ? (
          <>
            <label htmlFor={`${id}-name`} className="sr-only">
              Name of the view
            </label>
            <input
              id={`${id}-name`}
              value={name}
              maxLength={60}
              placeholder="Name of the view"
              autoFocus
              onChange={(e) => setName(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Escape') setNaming(false);
              }}
            />
            <button
              type="button"
              className="primary"
              disabled={name.trim() === ''}
              onClick={() => {
                save({ name: name.trim(), filter, sort });
                setCurrent(name.trim());
                setMessage(`Saved the view “${name.trim()}”.`);
                setNaming(false);
                setName('');
              }}
            >
              Save
            </button>
          </>
        ) : (
          <button type="button" onClick={() => setNaming(true)}>
            Save view…
          </button>
        )}
        {current && !naming && (
          <button
            type="button"
            onClick={() => {
              const gone = remove(current);
              setDeleted(gone ?? null);
              setCurrent('');
              setMessage(gone ? `Deleted the view “${gone.name}”.` : '');
            }}
          >
            Delete view
          </button>
        )}
      </div>
      <p role="status" className="view-status">
        {message}
        {deleted && (
          <button
            type="button"
            className="link"
            onClick={() => {
              save(deleted);
              setCurrent(deleted.name);
              setMessage(`Restored the view “${deleted.name}”.`);
              setDeleted(null);
            }}
          >
            Undo
          </button>
        )}
      </p>
    </div>
  );
}
