import { useEffect, useId, useState, type FormEvent } from 'react';
import type { Settings, SettingsPatch, SettingKey } from '../../../shared/domain/settings';
import { PageHeader } from '../components/PageHeader';
import { BackupsCard } from '../components/BackupsCard';
import { AccountsCard } from '../components/AccountsCard';
import { TagsCard } from '../components/TagsCard';
import { useSettingsStore } from '../store/settings-store';

type FieldDef =
  | { key: SettingKey; label: string; hint: string; kind: 'number'; unit?: string }
  | { key: SettingKey; label: string; hint: string; kind: 'text'; placeholder?: string }
  | { key: SettingKey; label: string; hint: string; kind: 'boolean' }
  | { key: SettingKey; label: string; hint: string; kind: 'choice'; options: { value: string; label: string }[] };

const GROUPS: { title: string; fields: FieldDef[] }[] = [
  {
    title: 'Appearance',
    fields: [
      {
        key: 'theme',
        label: 'Theme',
        hint: 'System follows your computer’s light or dark setting.',
        kind: 'choice',
        options: [
          { value: 'system', label: 'System' },
          { value: 'light', label: 'Light' },
          { value: 'dark', label: 'Dark' },
        ],
      },
      {
        key: 'locale',
        label: 'Locale for numbers and dates',
        hint: 'A language tag such as en-US, en-GB, de-DE or fr-FR. Leave empty to use the system’s.',
        kind: 'text',
        placeholder: 'System default',
      },
    ],
  },
  {
    title: 'Exports',
    fields: [
      { key: 'alwaysAskWhereToSave', label: 'Always ask where to save', hint: 'When off, exports go straight to the default folder.', kind: 'boolean' },
      { key: 'defaultExportFolder', label: 'Default export folder', hint: 'Leave empty for Documents/Spark Journal.', kind: 'text', placeholder: 'Documents/Spark Journal' },
      { key: 'exportConcurrency', label: 'Exports running at once', hint: 'From 1 to 4. More is faster for many small exports, but uses more memory.', kind: 'number' },
      { key: 'maxActiveExportJobs', label: 'Most exports waiting or running', hint: 'From 1 to 100. New exports are refused past this.', kind: 'number' },
      { key: 'exportWorkerHeapMb', label: 'Memory cap per export', hint: 'Hard limit, from 64 to 4096 MiB.', kind: 'number', unit: 'MiB' },
      { key: 'exportSoftMemoryMb', label: 'Memory warning limit per export', hint: 'The export stops cleanly past this, from 32 to 4096 MiB. Keep it below the cap.', kind: 'number', unit: 'MiB' },
      { key: 'pdfRowCap', label: 'Most rows in a PDF', hint: 'From 100 to 1,000,000. Larger PDFs are slow to open; use CSV or Excel for big exports.', kind: 'number', unit: 'rows' },
      { key: 'csvBom', label: 'Add a byte-order mark to CSV files', hint: 'Helps Excel read accents and currency symbols correctly.', kind: 'boolean' },
    ],
  },
  {
    title: 'Performance records',
    fields: [
      { key: 'perfRetentionDays', label: 'Keep export timings for', hint: 'From 1 to 3650 days.', kind: 'number', unit: 'days' },
      { key: 'perfRetentionMaxRows', label: 'Keep at most this many timings', hint: 'From 100 to 1,000,000 runs.', kind: 'number', unit: 'runs' },
    ],
  },
  {
    title: 'Equity checks',
    fields: [
      { key: 'equityValidationIntervalHours', label: 'Check that equity reconciles every', hint: 'From 1 to 720 hours.', kind: 'number', unit: 'hours' },
    ],
  },
  {
    title: 'Backups',
    fields: [
      { key: 'backupFolder', label: 'Backup folder', hint: 'Leave empty to keep backups next to the journal file.', kind: 'text', placeholder: 'Next to the journal file' },
      { key: 'backupKeep', label: 'Backups to keep', hint: 'From 1 to 365. The oldest are removed first.', kind: 'number' },
    ],
  },
];

type Draft = Record<SettingKey, string | boolean>;

function toDraft(settings: Settings): Draft {
  const draft = {} as Draft;
  for (const [key, value] of Object.entries(settings) as [SettingKey, Settings[SettingKey]][]) {
    draft[key] = typeof value === 'boolean' ? value : String(value);
  }
  return draft;
}

/** Only the fields the user changed, typed as the server expects (numbers as numbers). */
function toPatch(draft: Draft, settings: Settings): SettingsPatch {
  const patch: Record<string, unknown> = {};
  for (const group of GROUPS) {
    for (const field of group.fields) {
      const value = draft[field.key];
      const typed = field.kind === 'number' ? (String(value).trim() === '' ? null : Number(value)) : value;
      if (typed !== settings[field.key]) patch[field.key] = typed;
    }
  }
  return patch as SettingsPatch;
}

function Field({ field, draft, error, onChange }: { field: FieldDef; draft: Draft; error?: string; onChange: (value: string | boolean) => void }) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = error ? `${hintId} ${errorId}` : hintId;
  const value = draft[field.key];
  return (
    <div className={`field ${field.kind === 'boolean' ? 'field-check' : ''}`}>
      {field.kind === 'boolean' ? (
        <label htmlFor={id} className="check">
          <input id={id} type="checkbox" checked={value === true} aria-describedby={describedBy} onChange={(e) => onChange(e.target.checked)} />
          {field.label}
        </label>
      ) : (
        <label htmlFor={id}>{field.label}</label>
      )}
      {field.kind === 'choice' && (
        <select id={id} value={String(value)} aria-describedby={describedBy} aria-invalid={error ? true : undefined} onChange={(e) => onChange(e.target.value)}>
          {field.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
      {field.kind === 'text' && (
        <input id={id} type="text" value={String(value)} placeholder={field.placeholder} spellCheck={false} aria-describedby={describedBy} aria-invalid={error ? true : undefined} onChange={(e) => onChange(e.target.value)} />
      )}
      {field.kind === 'number' && (
        <span className="with-unit">
          <input id={id} type="text" inputMode="numeric" value={String(value)} aria-describedby={describedBy} aria-invalid={error ? true : undefined} onChange={(e) => onChange(e.target.value)} />
          {field.unit && <span className="unit">{field.unit}</span>}
        </span>
      )}
      <span id={hintId} className="hint">
        {field.hint}
      </span>
      {error && (
        <span id={errorId} className="field-error">
          {error}
        </span>
      )}
    </div>
  );
}

export function SettingsPage() {
  const settings = useSettingsStore((s) => s.settings);
  const loadError = useSettingsStore((s) => s.error);
  const update = useSettingsStore((s) => s.update);
  const [draft, setDraft] = useState<Draft>(() => toDraft(settings));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => setDraft(toDraft(settings)), [settings]);

  const patch = toPatch(draft, settings);
  const dirty = Object.keys(patch).length > 0;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    const result = await update(patch);
    setSaving(false);
    if (result.ok) {
      setErrors({});
      setMessage({ kind: 'ok', text: 'Settings saved.' });
    } else {
      setErrors(result.fields);
      const count = Object.keys(result.fields).length;
      setMessage({
        kind: 'error',
        text: count > 0 ? `Nothing was saved: ${count === 1 ? 'one setting needs' : `${count} settings need`} fixing (see below).` : result.message,
      });
    }
  };

  return (
    <section aria-labelledby="settings-title" className="page settings-page">
      <PageHeader id="settings-title" title="Settings" />
      {loadError && (
        <p role="alert" className="error">
          {loadError}
        </p>
      )}
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        {GROUPS.map((group) => (
          <fieldset key={group.title} className="card">
            <legend>{group.title}</legend>
            {group.fields.map((field) => (
              <Field
                key={field.key}
                field={field}
                draft={draft}
                error={errors[field.key]}
                onChange={(value) => {
                  setDraft((d) => ({ ...d, [field.key]: value }));
                  setMessage(null);
                }}
              />
            ))}
          </fieldset>
        ))}
        <div className="form-footer">
          <button type="submit" className="primary" disabled={!dirty || saving}>
            {saving ? 'Saving…' : 'Save changes'}
          </button>
          <button
            type="button"
            disabled={!dirty || saving}
            onClick={() => {
              setDraft(toDraft(settings));
              setErrors({});
              setMessage(null);
            }}
          >
            Discard changes
          </button>
          <span role="status" className={message?.kind === 'error' ? 'error' : 'ok'}>
            {message?.text ?? ''}
          </span>
        </div>
      </form>
      <AccountsCard />
      <TagsCard />
      <BackupsCard />
    </section>
  );
}
