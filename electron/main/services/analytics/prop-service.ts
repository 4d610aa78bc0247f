import type { Sqlite } from '../db/client';
import type { Clock } from '../clock';
import { AppError } from '../errors';
import {
  propEvaluationIssues,
  type PropEvaluationCreate,
  type PropEvaluationPatch,
  type PropEvaluationProgress,
} from '../../../../shared/domain/prop';
import { computePropEvaluations, PROP_SELECT } from './prop-evaluations';

export interface PropEvaluationsService {
  /** Every evaluation with its progress, room under each limit and alerts now. */
  list(): PropEvaluationProgress[];
  create(input: PropEvaluationCreate): PropEvaluationProgress;
  update(id: number, patch: PropEvaluationPatch): PropEvaluationProgress;
  delete(id: number): { id: number };
}

const COLUMNS = {
  accountId: 'account_id',
  firm: 'firm',
  name: 'name',
  phase: 'phase',
  status: 'status',
  startBalanceCents: 'start_balance_cents',
  profitTargetCents: 'profit_target_cents',
  dailyLossLimitCents: 'daily_loss_limit_cents',
  maxDrawdownCents: 'max_drawdown_cents',
  drawdownMode: 'drawdown_mode',
  minTradingDays: 'min_trading_days',
  alertThreshold: 'alert_threshold',
  startedOn: 'started_on',
  endedOn: 'ended_on',
  rules: 'rules_json',
} as const satisfies Record<keyof PropEvaluationCreate, string>;
const FIELDS = Object.keys(COLUMNS) as (keyof PropEvaluationCreate)[];
/** A field's value as stored: the rules as JSON text, everything else as is. */
const stored = (input: PropEvaluationCreate, field: keyof PropEvaluationCreate) =>
  field === 'rules' ? (input.rules ? JSON.stringify(input.rules) : null) : input[field];

export function createPropEvaluationsService(sqlite: Sqlite, clock: Clock): PropEvaluationsService {
  const requireAccount = (accountId: number) => {
    if (!sqlite.prepare('SELECT 1 FROM accounts WHERE id = ?').pluck().get(accountId)) {
      throw new AppError('validation', `accountId: account ${accountId} does not exist. Pick an account from the list.`);
    }
  };
  const notFound = (id: number) => new AppError('not_found', `Prop evaluation ${id} does not exist. It may have been deleted; reload the list.`);
  const progressOf = (id: number) => {
    const found = computePropEvaluations(sqlite, { now: clock.now() }).find((p) => p.id === id);
    if (!found) throw notFound(id);
    return found;
  };

  return {
    list: () => computePropEvaluations(sqlite, { now: clock.now() }),
    create(input) {
      requireAccount(input.accountId);
      const id = Number(
        sqlite
          .prepare(
            `INSERT INTO prop_evaluations (${FIELDS.map((f) => COLUMNS[f]).join(', ')}, created_at)
             VALUES (${FIELDS.map(() => '?').join(', ')}, ?)`,
          )
          .run(...FIELDS.map((f) => stored(input, f)), clock.now()).lastInsertRowid,
      );
      return progressOf(id);
    },
    update(id, patch) {
      const row = sqlite.prepare(`${PROP_SELECT} WHERE p.id = ?`).get(id) as (Omit<PropEvaluationCreate, 'rules'> & { rulesJson: string | null }) | undefined;
      if (!row) throw notFound(id);
      const current: PropEvaluationCreate = { ...row, rules: row.rulesJson ? (JSON.parse(row.rulesJson) as PropEvaluationCreate['rules']) : null };
      const merged = { ...current, ...patch };
      const issues = propEvaluationIssues(merged);
      if (issues.length) throw new AppError('validation', issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues);
      if (patch.accountId !== undefined) requireAccount(merged.accountId);
      sqlite
        .prepare(`UPDATE prop_evaluations SET ${FIELDS.map((f) => `${COLUMNS[f]} = ?`).join(', ')} WHERE id = ?`)
        .run(...FIELDS.map((f) => stored(merged, f)), id);
      return progressOf(id);
    },
    delete(id) {
      if (sqlite.prepare('DELETE FROM prop_evaluations WHERE id = ?').run(id).changes === 0) throw notFound(id);
      return { id };
    },
  };
}
