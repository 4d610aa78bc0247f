import type { Sqlite } from '../db/client';
import type { Clock } from '../clock';
import { AppError } from '../errors';
import { goalIssues, type GoalCreate, type GoalPatch, type GoalProgress } from '../../../../shared/domain/goals';
import { computeGoalProgress, GOAL_SELECT } from './goals';

export interface GoalsService {
  /** Every goal with its progress now. */
  list(): GoalProgress[];
  create(input: GoalCreate): GoalProgress;
  update(id: number, patch: GoalPatch): GoalProgress;
  delete(id: number): { id: number };
}

interface StoredGoal {
  name: string;
  kind: GoalCreate['kind'];
  period: GoalCreate['period'];
  accountId: number | null;
  target: number;
  startsOn: string;
  endsOn: string | null;
  active: number;
}

export function requireAccount(sqlite: Sqlite, accountId: number | null): void {
  if (accountId !== null && !sqlite.prepare('SELECT 1 FROM accounts WHERE id = ?').pluck().get(accountId)) {
    throw new AppError('validation', `accountId: account ${accountId} does not exist. Pick an account from the list.`);
  }
}

export function createGoalsService(sqlite: Sqlite, clock: Clock): GoalsService {
  const progressOf = (id: number): GoalProgress => {
    const found = computeGoalProgress(sqlite, { now: clock.now() }).find((g) => g.id === id);
    if (!found) throw new AppError('not_found', `Goal ${id} does not exist. It may have been deleted; reload the list.`);
    return found;
  };
  const stored = (id: number): StoredGoal => {
    const row = sqlite.prepare(`${GOAL_SELECT} WHERE g.id = ?`).get(id) as StoredGoal | undefined;
    if (!row) throw new AppError('not_found', `Goal ${id} does not exist. It may have been deleted; reload the list.`);
    return row;
  };

  return {
    list: () => computeGoalProgress(sqlite, { now: clock.now() }),
    create(input) {
      requireAccount(sqlite, input.accountId);
      const id = Number(
        sqlite
          .prepare(
            `INSERT INTO goals (account_id, name, kind, period, target, starts_on, ends_on, active, created_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(input.accountId, input.name, input.kind, input.period, input.target, input.startsOn, input.endsOn, input.active ? 1 : 0, clock.now())
          .lastInsertRowid,
      );
      return progressOf(id);
    },
    update(id, patch) {
      const current = stored(id);
      const merged = { ...current, active: current.active === 1, ...patch };
      const issues = goalIssues(merged);
      if (issues.length) {
        throw new AppError('validation', issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues);
      }
      if (patch.accountId !== undefined) requireAccount(sqlite, merged.accountId);
      sqlite
        .prepare(
          `UPDATE goals SET account_id = ?, name = ?, kind = ?, period = ?, target = ?, starts_on = ?, ends_on = ?, active = ?
           WHERE id = ?`,
        )
        .run(merged.accountId, merged.name, merged.kind, merged.period, merged.target, merged.startsOn, merged.endsOn, merged.active ? 1 : 0, id);
      return progressOf(id);
    },
    delete(id) {
      if (sqlite.prepare('DELETE FROM goals WHERE id = ?').run(id).changes === 0) {
        throw new AppError('not_found', `Goal ${id} does not exist. It may have been deleted already.`);
      }
      return { id };
    },
  };
}
