import type { Sqlite } from '../db/client';
import { AppError } from '../errors';
import type { Playbook, PlaybookRule, PlaybookSave, RuleChecksInput, TradeChecklist } from '../../../../shared/domain/playbooks';

/** The setup a playbook is matched by: trades.setup compared trimmed and ignoring case. */
const SETUP_KEY = 'lower(trim(setup))';

/**
 * Playbooks: setups as a managed list, each with a checklist of rules. A trade belongs to
 * the playbook its setup names; per trade, each rule is ticked followed or broken.
 */
export function createPlaybooks(deps: { sqlite: Sqlite; now: () => number }) {
  const { sqlite, now } = deps;
  const rows = sqlite.prepare(
    `SELECT p.id, p.name, p.description,
       (SELECT COUNT(*) FROM trades t WHERE lower(trim(t.setup)) = lower(p.name)) AS tradeCount
     FROM playbooks p ORDER BY p.name COLLATE NOCASE`,
  );
  const byId = sqlite.prepare(
    `SELECT p.id, p.name, p.description,
       (SELECT COUNT(*) FROM trades t WHERE lower(trim(t.setup)) = lower(p.name)) AS tradeCount
     FROM playbooks p WHERE p.id = ?`,
  );
  const byName = sqlite.prepare('SELECT id FROM playbooks WHERE name = ? COLLATE NOCASE').pluck();
  const rulesOf = sqlite.prepare('SELECT id, text, position FROM playbook_rules WHERE playbook_id = ? ORDER BY position, id');
  const setupOf = sqlite.prepare(`SELECT ${SETUP_KEY} FROM trades WHERE id = ?`).pluck();
  const tradeExists = sqlite.prepare('SELECT 1 FROM trades WHERE id = ?').pluck();
  const checksOf = sqlite.prepare(
    'SELECT c.rule_id AS ruleId, c.followed FROM trade_rule_checks c JOIN playbook_rules r ON r.id = c.rule_id WHERE c.trade_id = ? AND r.playbook_id = ? ORDER BY r.position',
  );

  const withRules = (row: Omit<Playbook, 'rules'>): Playbook => ({ ...row, rules: rulesOf.all(row.id) as PlaybookRule[] });
  const get = (id: number): Playbook => {
    const row = byId.get(id) as Omit<Playbook, 'rules'> | undefined;
    if (!row) throw new AppError('not_found', `Playbook ${id} does not exist; reload the playbooks.`);
    return withRules(row);
  };
  const playbookOfTrade = (tradeId: number): Playbook | null => {
    if (!tradeExists.get(tradeId)) throw new AppError('not_found', `Trade ${tradeId} does not exist; it may have been deleted.`);
    const setup = setupOf.get(tradeId) as string | null;
    if (!setup) return null;
    const id = byName.get(setup) as number | undefined;
    return id === undefined ? null : get(id);
  };
  const checklist = (tradeId: number): TradeChecklist => {
    const playbook = playbookOfTrade(tradeId);
    if (!playbook) return { playbook: null, checks: [] };
    const checks = (checksOf.all(tradeId, playbook.id) as { ruleId: number; followed: number }[]).map((c) => ({ ruleId: c.ruleId, followed: c.followed === 1 }));
    return { playbook, checks };
  };

  return {
    list(): Playbook[] {
      return (rows.all() as Omit<Playbook, 'rules'>[]).map(withRules);
    },
    save(input: PlaybookSave): Playbook {
      const id = sqlite
        .transaction(() => {
          const clash = byName.get(input.name) as number | undefined;
          if (clash !== undefined && clash !== input.id) throw new AppError('conflict', `A playbook "${input.name}" already exists; choose another name.`);
          let playbookId: number;
          if (input.id === undefined) {
            playbookId = Number(
              sqlite.prepare('INSERT INTO playbooks (name, description, created_at, updated_at) VALUES (?, ?, ?, ?)').run(input.name, input.description, now(), now()).lastInsertRowid,
            );
          } else {
            const before = get(input.id);
            playbookId = before.id;
            sqlite.prepare('UPDATE playbooks SET name = ?, description = ?, updated_at = ? WHERE id = ?').run(input.name, input.description, now(), playbookId);
            // A rename carries the playbook's trades along: their setup is the link.
            if (before.name !== input.name) {
              sqlite.prepare(`UPDATE trades SET setup = ? WHERE ${SETUP_KEY} = lower(?)`).run(input.name, before.name);
            }
          }
          const existing = new Set((rulesOf.all(playbookId) as PlaybookRule[]).map((r) => r.id));
          const kept = new Set<number>();
          input.rules.forEach((rule, position) => {
            if (rule.id !== undefined) {
              if (!existing.has(rule.id)) throw new AppError('validation', `Rule ${rule.id} is not a rule of this playbook; reload the playbook and try again.`);
              sqlite.prepare('UPDATE playbook_rules SET text = ?, position = ? WHERE id = ?').run(rule.text, position, rule.id);
              kept.add(rule.id);
            } else {
              sqlite.prepare('INSERT INTO playbook_rules (playbook_id, text, position) VALUES (?, ?, ?)').run(playbookId, rule.text, position);
            }
          });
          // Rules left out are deleted, and every trade's tick of them with them (cascade).
          for (const ruleId of existing) if (!kept.has(ruleId)) sqlite.prepare('DELETE FROM playbook_rules WHERE id = ?').run(ruleId);
          return playbookId;
        })
        .immediate();
      return get(id);
    },
    delete(id: number): { deleted: number } {
      get(id);
      return { deleted: sqlite.prepare('DELETE FROM playbooks WHERE id = ?').run(id).changes };
    },
    checklist,
    /** Replaces the trade's ticks of its playbook's rules; a rule left out becomes "not reviewed". */
    setChecks(input: RuleChecksInput): TradeChecklist {
      sqlite
        .transaction(() => {
          const playbook = playbookOfTrade(input.tradeId);
          if (!playbook) throw new AppError('validation', `Trade ${input.tradeId} has no setup that names a playbook; set its setup to a playbook's name first.`);
          const rules = new Set(playbook.rules.map((r) => r.id));
          const foreign = input.checks.find((c) => !rules.has(c.ruleId));
          if (foreign) throw new AppError('validation', `Rule ${foreign.ruleId} is not a rule of the playbook "${playbook.name}".`);
          sqlite.prepare('DELETE FROM trade_rule_checks WHERE trade_id = ? AND rule_id IN (SELECT id FROM playbook_rules WHERE playbook_id = ?)').run(input.tradeId, playbook.id);
          const insert = sqlite.prepare('INSERT INTO trade_rule_checks (trade_id, rule_id, followed) VALUES (?, ?, ?)');
          for (const check of input.checks) insert.run(input.tradeId, check.ruleId, check.followed ? 1 : 0);
        })
        .immediate();
      return checklist(input.tradeId);
    },
  };
}

export type Playbooks = ReturnType<typeof createPlaybooks>;
