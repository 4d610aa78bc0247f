import type { Sqlite } from '../db/client';
import type { EventBus } from '../event-bus';
import { AppError } from '../errors';
import type { Account } from '../../../../shared/domain/journal';
import type { AccountCreateInput, AccountPatch } from '../../../../shared/domain/trade-input-refs';
import { createZoneCalendar } from '../../../../shared/domain/zone-calendar';
import { refreshAccountEquity } from '../equity/maintain';

const SELECT = `SELECT id, name, broker, currency, timezone, starting_balance_cents AS startingBalanceCents
  FROM accounts`;

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Error && /UNIQUE constraint failed/.test(error.message);
}

/**
 * Accounts. A new time zone moves trades to other trading days, so it recomputes every
 * close_day and the account's equity; a new starting balance shifts every ending equity.
 * Both happen in the same transaction as the edit.
 */
export function createAccounts(deps: { sqlite: Sqlite; events: EventBus }) {
  const { sqlite, events } = deps;
  const byId = sqlite.prepare(`${SELECT} WHERE id = ?`);
  const byName = sqlite.prepare(`${SELECT} WHERE name = ?`);
  const insert = sqlite.prepare(
    `INSERT INTO accounts (name, broker, currency, timezone, starting_balance_cents)
     VALUES (@name, @broker, @currency, @timezone, @startingBalanceCents)`,
  );
  const closedTrades = sqlite.prepare(
    "SELECT id, closed_at AS closedAt FROM trades WHERE account_id = ? AND status = 'closed'",
  );
  const setCloseDay = sqlite.prepare('UPDATE trades SET close_day = ? WHERE id = ?');

  const get = (id: number): Account => {
    const account = byId.get(id) as Account | undefined;
    if (!account) throw new AppError('not_found', `Account ${id} does not exist; reload the accounts list.`);
    return account;
  };

  /** Inserts without emitting: the caller (an import) owns the transaction and the event. */
  const insertAccount = (input: AccountCreateInput): number => {
    try {
      return Number(insert.run(input).lastInsertRowid);
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new AppError('conflict', `An account named "${input.name}" already exists. Choose another name.`);
      }
      throw error;
    }
  };

  return {
    get,
    findByName(name: string): Account | undefined {
      return byName.get(name) as Account | undefined;
    },
    insert: insertAccount,
    create(input: AccountCreateInput): Account {
      const id = insertAccount(input);
      events.emit('journal:changed', { reason: 'accounts-changed' });
      return get(id);
    },
    update(id: number, patch: AccountPatch): Account {
      const run = sqlite.transaction(() => {
        const current = get(id);
        const columns: Record<keyof AccountPatch, string> = {
          name: 'name',
          broker: 'broker',
          currency: 'currency',
          timezone: 'timezone',
          startingBalanceCents: 'starting_balance_cents',
          archived: 'archived',
        };
        const sets: string[] = [];
        const params: Record<string, unknown> = { id };
        for (const [key, column] of Object.entries(columns) as [keyof AccountPatch, string][]) {
          const value = patch[key];
          if (value !== undefined) {
            sets.push(`${column} = @${key}`);
            params[key] = typeof value === 'boolean' ? Number(value) : value;
          }
        }
        if (sets.length === 0) return { account: current, tradesChanged: false };
        if (patch.currency !== undefined && patch.currency !== current.currency) {
          // Its trades' P&L is booked in the old currency (broker figures and rates included):
          // relabelling the amounts would silently convert them at 1.
          const booked = sqlite.prepare("SELECT COUNT(*) FROM trades WHERE account_id = ? AND status <> 'open'").pluck().get(id) as number;
          if (booked > 0) {
            throw new AppError(
              'conflict',
              `${current.name} has ${booked} closed trade(s) booked in ${current.currency}; changing its currency to ${patch.currency} would relabel their amounts without converting them. Create a new ${patch.currency} account instead.`,
            );
          }
        }
        try {
          sqlite.prepare(`UPDATE accounts SET ${sets.join(', ')} WHERE id = @id`).run(params);
        } catch (error) {
          if (isUniqueViolation(error)) {
            throw new AppError('conflict', `An account named "${patch.name}" already exists. Choose another name.`);
          }
          throw error;
        }
        const zoneChanged = patch.timezone !== undefined && patch.timezone !== current.timezone;
        const balanceChanged =
          patch.startingBalanceCents !== undefined && patch.startingBalanceCents !== current.startingBalanceCents;
        if (zoneChanged) {
          const calendar = createZoneCalendar(patch.timezone!);
          for (const trade of closedTrades.all(id) as { id: number; closedAt: number }[]) {
            setCloseDay.run(calendar.dayOf(trade.closedAt), trade.id);
          }
        }
        if (zoneChanged || balanceChanged) refreshAccountEquity(sqlite, id);
        return { account: get(id), tradesChanged: zoneChanged };
      });
      const result = run.immediate();
      events.emit('journal:changed', { reason: result.tradesChanged ? 'trades-changed' : 'accounts-changed' });
      return result.account;
    },
  };
}

export type Accounts = ReturnType<typeof createAccounts>;
