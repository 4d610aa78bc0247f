import { useCallback, useEffect, useId, useRef, useState, type DragEvent } from 'react';
import { ATTACHMENT_MAX_BYTES, tooLargeMessage, type AttachmentMeta } from '../../../../shared/domain/attachments';
import { call, errorMessage } from '../../api';
import { useFormat } from '../../hooks/use-format';

/** The file as base64 (what crosses IPC), without the data: URL prefix. */
function readBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

const isImage = (mime: string) => mime.startsWith('image/');

/**
 * Screenshots and files of a trade: paste from the clipboard (anywhere in the panel), drop
 * files, or pick them. Images show as thumbnails and open full size on click.
 */
export function TradeAttachments({ tradeId }: { tradeId: number }) {
  const id = useId();
  const fmt = useFormat();
  const [items, setItems] = useState<AttachmentMeta[]>([]);
  const [sources, setSources] = useState<Record<number, string>>({});
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [viewing, setViewing] = useState<AttachmentMeta | null>(null);
  const [over, setOver] = useState(false);
  const pickRef = useRef<HTMLInputElement>(null);

  const load = useCallback(async () => {
    try {
      const list = await call('attachments:list', { tradeId });
      setItems(list);
      const images = list.filter((a) => isImage(a.mime));
      const loaded = await Promise.all(images.map((a) => call('attachments:get', { id: a.id })));
      setSources(Object.fromEntries(loaded.map((a) => [a.id, `data:${a.mime};base64,${a.dataBase64}`])));
    } catch (error) {
      setMessage({ kind: 'error', text: errorMessage(error) });
    }
  }, [tradeId]);
  useEffect(() => {
    void load();
  }, [load]);

  const addFiles = useCallback(
    async (files: File[]) => {
      if (files.length === 0) return;
      setBusy(true);
      const problems: string[] = [];
      let added = 0;
      for (const file of files) {
        const name = file.name || `pasted-${new Date().toISOString().replace(/[:.]/g, '-')}.png`;
        if (file.size > ATTACHMENT_MAX_BYTES) {
          problems.push(tooLargeMessage(name, file.size));
          continue;
        }
        try {
          await call('attachments:add', { tradeId, name, dataBase64: await readBase64(file) });
          added += 1;
        } catch (error) {
          problems.push(errorMessage(error));
        }
      }
      setBusy(false);
      setMessage(problems.length ? { kind: 'error', text: problems.join(' ') } : { kind: 'ok', text: added === 1 ? 'Attached 1 file.' : `Attached ${added} files.` });
      await load();
    },
    [tradeId, load],
  );

  // A paste anywhere while the trade is open attaches the clipboard's image or files.
  useEffect(() => {
    const onPaste = (e: ClipboardEvent) => {
      const files = [...(e.clipboardData?.files ?? [])];
      if (files.length === 0) return;
      e.preventDefault();
      void addFiles(files);
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, [addFiles]);

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    void addFiles([...e.dataTransfer.files]);
  };

  return (
    <section aria-labelledby={`${id}-title`} className="attachments">
      <h3 id={`${id}-title`}>Screenshots and files</h3>
      <div
        className={`drop-zone${over ? ' over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <span className="muted small">Paste a screenshot (Ctrl+V), drop images or PDFs here, or</span>{' '}
        <button type="button" onClick={() => pickRef.current?.click()} disabled={busy}>
          Choose files…
        </button>
        <input
          ref={pickRef}
          type="file"
          hidden
          multiple
          accept="image/png,image/jpeg,image/gif,image/webp,application/pdf"
          aria-label="Choose files to attach"
          onChange={(e) => {
            void addFiles([...(e.target.files ?? [])]);
            e.target.value = '';
          }}
        />
        <span className="muted small"> Up to {ATTACHMENT_MAX_BYTES / 1024 / 1024} MiB each.</span>
      </div>
      {message && (
        <p className={`notice ${message.kind === 'ok' ? 'good' : 'crit'}`} role={message.kind === 'ok' ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
      {items.length === 0 ? (
        <p className="muted small">No screenshots yet.</p>
      ) : (
        <ul className="thumbs" aria-label="Attachments">
          {items.map((a) => (
            <li key={a.id} className="thumb">
              {isImage(a.mime) ? (
                <button type="button" className="thumb-open" onClick={() => setViewing(a)} aria-label={`Show ${a.name} full size`}>
                  {sources[a.id] ? <img src={sources[a.id]} alt={a.name} /> : <span className="muted small">Loading…</span>}
                </button>
              ) : (
                <span className="thumb-file" title={a.name}>
                  PDF
                </span>
              )}
              <span className="thumb-caption small" title={a.name}>
                {a.name} · {fmt.bytes(a.size)}
              </span>
              <button
                type="button"
                className="link small"
                aria-label={`Delete ${a.name}`}
                onClick={async () => {
                  try {
                    await call('attachments:delete', { id: a.id });
                    await load();
                  } catch (error) {
                    setMessage({ kind: 'error', text: errorMessage(error) });
                  }
                }}
              >
                Delete
              </button>
            </li>
          ))}
        </ul>
      )}
      {viewing && sources[viewing.id] && (
        <div className="lightbox" role="dialog" aria-modal="true" aria-label={viewing.name} onClick={() => setViewing(null)}>
          <img src={sources[viewing.id]} alt={viewing.name} />
          <button type="button" onClick={() => setViewing(null)}>
            Close image
          </button>
        </div>
      )}
    </section>
  );
}
