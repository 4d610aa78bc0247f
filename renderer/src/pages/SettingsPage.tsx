import { useEffect, useId, useState, type FormEvent } from 'react';
import type { Settings, SettingKey } from '../../../shared/domain/settings';
import { PageHeader } from '../components/PageHeader';
import { SETTINGS_GROUPS as GROUPS, type FieldDef } from './settings-fields';
import { BackupsCard } from '../components/BackupsCard';
import { AccountsCard } from '../components/AccountsCard';
import { TagsCard } from '../components/TagsCard';
import { InstrumentsCard } from '../components/InstrumentsCard';
import { FxRatesCard } from '../components/FxRatesCard';
import { useSettingsStore, type EditablePatch } from '../store/settings-store';

type Draft = Record<SettingKey, string | boolean>;

function toDraft(settings: Settings): Draft {
  const draft = {} as Draft;
  for (const [key, value] of Object.entries(settings) as [SettingKey, Settings[SettingKey]][]) {
    draft[key] = typeof value === 'boolean' ? value : String(value);
  }
  return draft;
}

/** Only the fields the user changed, typed as the server expects (numbers as numbers); folders are saved on choosing. */
function toPatch(draft: Draft, settings: Settings): EditablePatch {
  const patch: Record<string, unknown> = {};
  for (const group of GROUPS) {
    for (const field of group.fields) {
      if (field.kind === 'folder') continue;
      const value = draft[field.key];
      const typed = field.kind === 'number' ? (String(value).trim() === '' ? null : Number(value)) : value;
      if (typed !== settings[field.key]) patch[field.key] = typed;
    }
  }
  return patch as EditablePatch;
}

/** A folder setting: shows the folder, "Choose…" opens main's folder dialog, which checks and saves it. */
function FolderField({ field }: { field: Extract<FieldDef, { kind: 'folder' }> }) {
  const id = useId();
  const folder = useSettingsStore((s) => s.settings[field.key]);
  const chooseFolder = useSettingsStore((s) => s.chooseFolder);
  const resetFolder = useSettingsStore((s) => s.resetFolder);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  const act = async (work: () => ReturnType<typeof chooseFolder>, done: string) => {
    setBusy(true);
    setMessage(null);
    const result = await work();
    setBusy(false);
    if (!result.ok) setMessage({ kind: 'error', text: result.message });
    else if (result.chosen) setMessage({ kind: 'ok', text: done });
  };

  return (
    <div className="field field-folder">
      <span id={`${id}-label`} className="label">
        {field.label}
      </span>
      <span className="folder-picker">
        <output id={`${id}-value`} className={`folder-path ${folder === '' ? 'muted' : ''}`} aria-labelledby={`${id}-label`} title={folder || undefined}>
          {folder || field.defaultLabel}
        </output>
        <button
          type="button"
          id={`${id}-choose`}
          aria-labelledby={`${id}-choose ${id}-label`}
          aria-describedby={`${id}-hint`}
          disabled={busy}
          onClick={() => void act(() => chooseFolder(field.key), `${field.label} changed.`)}
        >
          {busy ? 'Waiting…' : 'Choose…'}
        </button>
        {folder !== '' && (
          <button type="button" disabled={busy} onClick={() => void act(() => resetFolder(field.key), `${field.label} set back to the default.`)}>
            Use the default
          </button>
        )}
      </span>
      <span id={`${id}-hint`} className="hint">
        {field.hint}
      </span>
      {message && (
        <span role={message.kind === 'error' ? 'alert' : 'status'} className={message.kind === 'error' ? 'field-error' : 'ok small'}>
          {message.text}
        </span>
      )}
    </div>
  );
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
      <AccountsCard />
      <TagsCard />
      <InstrumentsCard />
      <FxRatesCard />
      {loadError && (
        <p role="alert" className="error">
          {loadError}
        </p>
      )}
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        {[false, true].map((advanced) => {
          const groups = GROUPS.filter((group) => (group.advanced ?? false) === advanced).map((group) => (
            <fieldset key={group.title} className="card">
              <legend>{group.title}</legend>
              {group.fields.map((field) =>
                field.kind === 'folder' ? (
                  <FolderField key={field.key} field={field} />
                ) : (
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
                ),
              )}
            </fieldset>
          ));
          // Engine limits stay folded away unless one of them needs fixing.
          const needsFix = GROUPS.some((g) => g.advanced && g.fields.some((f) => errors[f.key]));
          return advanced ? (
            <details key="advanced" className="advanced-settings" open={needsFix || undefined}>
              <summary>Advanced: export engine, timings and equity checks</summary>
              {groups}
            </details>
          ) : (
            groups
          );
        })}
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
      <BackupsCard />
    </section>
  );
}
