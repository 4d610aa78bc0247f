import { useEffect, useState } from 'react';
import { TableScroll } from './TableScroll';
import type { BackupFileDto } from '../../../shared/ipc/channels/backup';
import { call, errorMessage } from '../api';
import { useFormat } from '../hooks/use-format';
import { useSettingsStore } from '../store/settings-store';

const KIND_LABELS: Record<BackupFileDto['kind'], string> = {
  daily: 'Daily',
  'pre-restore': 'Before a restore',
  'pre-migration': 'Before an update',
};

/** Back up now, see the automatic backups, restore one (the journal as it is is backed up first). */
export function BackupsCard() {
  const fmt = useFormat();
  const [folder, setFolder] = useState('');
  const [files, setFiles] = useState<BackupFileDto[]>([]);
  const [busy, setBusy] = useState(false);
  const [confirm, setConfirm] = useState<string | null>(null);
  const [message, setMessage] = useState<{ kind: 'good' | 'crit' | ''; text: string } | null>(null);

  const load = async () => {
    try {
      const list = await call('backup:list', {});
      setFolder(list.folder);
      setFiles(list.files);
    } catch (error) {
      setMessage({ kind: 'crit', text: errorMessage(error) });
    }
  };
  // The list follows the backup folder setting when it is changed on this page.
  const backupFolder = useSettingsStore((s) => s.settings.backupFolder);
  useEffect(() => {
    void load();
  }, [backupFolder]);

  const backUpNow = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const result = await call('backup:create', {});
      setMessage(
        result
          ? { kind: 'good', text: `Backed up to ${result.path} (${fmt.bytes(result.bytes)}, ${fmt.duration(result.durationMs)}).` }
          : { kind: '', text: 'No file was chosen, so no backup was written.' },
      );
      await load();
    } catch (error) {
      setMessage({ kind: 'crit', text: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  /** A listed backup by its file name, or (no name) a file the user picks in main's dialog. */
  const restore = async (name?: string) => {
    setBusy(true);
    setMessage(null);
    try {
      const result = await call('backup:restore', name ? { name } : {});
      setMessage(
        result
          ? { kind: 'good', text: `Restored from ${result.restoredFrom}. The journal as it was is kept in ${result.preRestoreBackup}.` }
          : { kind: '', text: 'No file was chosen, so nothing was restored.' },
      );
      setConfirm(null);
      await load();
    } catch (error) {
      setMessage({ kind: 'crit', text: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="backups-title">
      <h2 id="backups-title">Back up and restore</h2>
      <p className="muted small">Automatic backups are kept in {folder || 'the backup folder'}.</p>
      <div className="button-row">
        <button type="button" disabled={busy} onClick={() => void backUpNow()}>
          Back up now…
        </button>
        <button type="button" disabled={busy} onClick={() => void restore()}>
          Restore from a file…
        </button>
      </div>
      {message && (
        <p className={`notice ${message.kind}`} role={message.kind === 'crit' ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      {files.length > 0 && (
        <TableScroll label="Backup files" className="backups-table">
          <table aria-labelledby="backups-title">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Kind</th>
                <th scope="col" className="num">
                  Size
                </th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {files.map((f) => (
                <tr key={f.path} title={f.path}>
                  <td>{fmt.dateTime(f.createdAt)}</td>
                  <td>{KIND_LABELS[f.kind]}</td>
                  <td className="num">{fmt.bytes(f.bytes)}</td>
                  <td>
                    {confirm === f.fileName ? (
                      <span className="button-row">
                        <button type="button" className="danger" disabled={busy} onClick={() => void restore(f.fileName)}>
                          Replace my journal with this backup
                        </button>
                        <button type="button" onClick={() => setConfirm(null)}>
                          Keep my journal
                        </button>
                      </span>
                    ) : (
                      <button type="button" aria-label={`Restore the backup of ${fmt.dateTime(f.createdAt)}`} onClick={() => setConfirm(f.fileName)}>
                        Restore
                      </button>
                    )}
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
