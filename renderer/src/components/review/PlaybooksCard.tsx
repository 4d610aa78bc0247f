import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import type { Playbook, RuleStats } from '../../../../shared/domain/playbooks';
import type { BreakdownRow } from '../../../../shared/domain/analytics';
import { call, errorMessage } from '../../api';
import { useFormat } from '../../hooks/use-format';
import { TableScroll } from '../TableScroll';

interface Draft {
  id?: number;
  name: string;
  description: string;
  /** One rule a line. */
  rules: string;
}

const EMPTY: Draft = { name: '', description: '', rules: '' };

/** Playbooks (setups with a checklist), their statistics by setup and by rule followed vs broken. */
export function PlaybooksCard() {
  const id = useId();
  const fmt = useFormat();
  const [playbooks, setPlaybooks] = useState<Playbook[]>([]);
  const [bySetup, setBySetup] = useState<BreakdownRow[]>([]);
  const [ruleStats, setRuleStats] = useState<RuleStats[]>([]);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  const load = useCallback(async () => {
    try {
      const [list, setups, rules] = await Promise.all([
        call('playbooks:list', {}),
        call('analytics:breakdown', { dimension: 'setup' }),
        call('playbooks:ruleStats', {}),
      ]);
      setPlaybooks(list);
      setBySetup(setups);
      setRuleStats(rules);
    } catch (error) {
      setMessage({ kind: 'error', text: errorMessage(error) });
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!draft) return;
    const before = playbooks.find((p) => p.id === draft.id);
    const lines = draft.rules.split('\n').map((l) => l.trim()).filter(Boolean);
    // A line whose text is unchanged keeps its rule (and every trade's tick of it).
    const unused = [...(before?.rules ?? [])];
    const rules = lines.map((text) => {
      const at = unused.findIndex((r) => r.text === text);
      if (at === -1) return { text };
      const [kept] = unused.splice(at, 1);
      return { id: kept!.id, text };
    });
    try {
      const saved = await call('playbooks:save', { ...(draft.id ? { id: draft.id } : {}), name: draft.name, description: draft.description, rules });
      setMessage({ kind: 'ok', text: `Saved the playbook “${saved.name}”.` });
      setDraft(null);
      await load();
    } catch (error) {
      setMessage({ kind: 'error', text: errorMessage(error) });
    }
  };

  const stat = (s: RuleStats['followed']) =>
    s.tradeCount === 0 ? '—' : `${fmt.count(s.tradeCount)} · ${fmt.percent(s.winRate, 0)} · ${fmt.money(s.netPnlCents)} · ${fmt.r(s.expectancyR)}`;
  const setupRow = (name: string) => bySetup.find((r) => r.key === name.trim().toLowerCase());

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <div className="page-header">
        <h2 id={`${id}-title`}>Playbooks</h2>
        <button type="button" onClick={() => setDraft(EMPTY)}>
          New playbook…
        </button>
      </div>
      <p className="muted small">A trade belongs to the playbook its setup names. Tick the rules you followed on each trade; the figures below compare followed with broken.</p>
      {message && (
        <p className={`notice ${message.kind === 'ok' ? 'good' : 'crit'}`} role={message.kind === 'ok' ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
      {draft && (
        <form className="trade-edit" aria-label="Playbook" onSubmit={(e) => void save(e)} noValidate>
          <div className="field">
            <label htmlFor={`${id}-name`}>Name (the setup trades name)</label>
            <input id={`${id}-name`} value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-desc`}>Description</label>
            <textarea id={`${id}-desc`} rows={3} value={draft.description} onChange={(e) => setDraft({ ...draft, description: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-rules`}>Rules (one a line)</label>
            <textarea id={`${id}-rules`} rows={5} value={draft.rules} onChange={(e) => setDraft({ ...draft, rules: e.target.value })} />
          </div>
          <div className="button-row">
            <button type="submit" className="primary">
              Save playbook
            </button>
            <button type="button" onClick={() => setDraft(null)}>
              Cancel
            </button>
          </div>
        </form>
      )}
      {playbooks.length === 0 && !draft && <p className="muted">No playbooks yet.</p>}
      {playbooks.map((p) => {
        const s = setupRow(p.name);
        return (
          <article key={p.id} className="playbook" aria-label={`Playbook ${p.name}`}>
            <div className="page-header">
              <h3>{p.name}</h3>
              <span className="button-row">
                <button type="button" onClick={() => setDraft({ id: p.id, name: p.name, description: p.description, rules: p.rules.map((r) => r.text).join('\n') })}>
                  Edit
                </button>
                <button
                  type="button"
                  className="danger"
                  onClick={async () => {
                    try {
                      await call('playbooks:delete', { id: p.id });
                      await load();
                    } catch (error) {
                      setMessage({ kind: 'error', text: errorMessage(error) });
                    }
                  }}
                >
                  Delete
                </button>
              </span>
            </div>
            {p.description && <p className="small">{p.description}</p>}
            <p className="small" data-testid={`setup-stats-${p.id}`}>
              {s
                ? `${fmt.count(s.tradeCount)} closed ${s.tradeCount === 1 ? 'trade' : 'trades'} · win rate ${fmt.percent(s.winRate)} · net ${fmt.money(s.netPnlCents)} · expectancy ${fmt.r(s.expectancyR)}`
                : `${fmt.count(p.tradeCount)} trades, none closed yet`}
            </p>
            {p.rules.length > 0 && (
              <TableScroll label={`Rules of ${p.name}`}>
                <table>
                  <thead>
                    <tr>
                      <th scope="col">Rule</th>
                      <th scope="col">Followed: trades · win rate · net · exp. R</th>
                      <th scope="col">Broken: trades · win rate · net · exp. R</th>
                    </tr>
                  </thead>
                  <tbody>
                    {p.rules.map((r) => {
                      const st = ruleStats.find((x) => x.ruleId === r.id);
                      return (
                        <tr key={r.id}>
                          <th scope="row">{r.text}</th>
                          <td>{st ? stat(st.followed) : '—'}</td>
                          <td>{st ? stat(st.broken) : '—'}</td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </TableScroll>
            )}
          </article>
        );
      })}
    </section>
  );
}
