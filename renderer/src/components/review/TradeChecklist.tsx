import { useEffect, useId, useState } from 'react';
import type { TradeChecklist as Checklist } from '../../../../shared/domain/playbooks';
import { call, errorMessage } from '../../api';

/** The rules of the trade's playbook (matched by its setup), each ticked when it was followed. */
export function TradeChecklist({ tradeId, setup }: { tradeId: number; setup: string | null }) {
  const id = useId();
  const [list, setList] = useState<Checklist | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    call('playbooks:checklist', { tradeId })
      .then((found) => live && setList(found))
      .catch((e: unknown) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [tradeId, setup]);

  if (!list) return error ? <p className="notice crit" role="alert">{error}</p> : null;
  const { playbook } = list;
  if (!playbook) {
    return (
      <section aria-labelledby={`${id}-title`}>
        <h3 id={`${id}-title`}>Playbook</h3>
        <p className="muted small">
          {setup ? `No playbook is named “${setup}”. Add one on the Journal page to tick its rules here.` : 'No setup yet: edit the trade and name its setup to tick a playbook’s rules.'}
        </p>
      </section>
    );
  }
  const followed = new Map(list.checks.map((c) => [c.ruleId, c.followed]));
  const toggle = async (ruleId: number, value: boolean) => {
    const checks = playbook.rules.map((r) => ({ ruleId: r.id, followed: r.id === ruleId ? value : (followed.get(r.id) ?? false) }));
    // Shown at once (a checkbox answers the click), then replaced by what was stored.
    setList({ playbook, checks });
    try {
      setList(await call('playbooks:setChecks', { tradeId, checks }));
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const reviewed = list.checks.length > 0;
  return (
    <section aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Playbook: {playbook.name}</h3>
      {playbook.rules.length === 0 ? (
        <p className="muted small">This playbook has no rules yet.</p>
      ) : (
        <>
          <ul className="rule-list" aria-label={`Rules of ${playbook.name}`}>
            {playbook.rules.map((r) => (
              <li key={r.id}>
                <label>
                  <input type="checkbox" checked={followed.get(r.id) ?? false} onChange={(e) => void toggle(r.id, e.target.checked)} /> {r.text}
                </label>
              </li>
            ))}
          </ul>
          <p className="muted small">
            {reviewed
              ? `${list.checks.filter((c) => c.followed).length} of ${playbook.rules.length} rules followed; an unticked rule counts as broken.`
              : 'Not reviewed yet: tick the rules you followed (the others count as broken).'}
          </p>
        </>
      )}
      {error && (
        <p className="notice crit" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
