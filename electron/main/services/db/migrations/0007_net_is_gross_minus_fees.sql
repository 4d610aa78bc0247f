-- Net P&L is gross P&L minus fees: every write path computes it so, and from here on the
-- schema refuses a row that says otherwise. (A CHECK constraint would need the trades table
-- rebuilt, its 14 indexes and 5 triggers with it; these triggers hold the same rule.) With
-- the rule held, a day's gross is its net plus its fees, so the equity covering index drops
-- gross and validation sums one column fewer per trade (see equity/day-totals-sql.ts).
--
-- A row that breaks the rule can only come from editing the file outside the app. It is
-- brought in line (net := gross - fees, gross being what the broker reported); the copy
-- taken before this migration keeps the original, and the next equity validation reports
-- any day whose stored equity moved, which a rebuild then repairs.
UPDATE `trades` SET `net_pnl_cents` = `gross_pnl_cents` - `fees_cents`
  WHERE `net_pnl_cents` IS NOT `gross_pnl_cents` - `fees_cents`;--> statement-breakpoint
CREATE TRIGGER `trades_net_pnl_insert_check` BEFORE INSERT ON `trades`
  WHEN NEW.net_pnl_cents IS NOT NEW.gross_pnl_cents - NEW.fees_cents
BEGIN
  SELECT RAISE(ABORT, 'trades: net_pnl_cents must equal gross_pnl_cents - fees_cents');
END;--> statement-breakpoint
CREATE TRIGGER `trades_net_pnl_update_check` BEFORE UPDATE OF `net_pnl_cents`, `gross_pnl_cents`, `fees_cents` ON `trades`
  WHEN NEW.net_pnl_cents IS NOT NEW.gross_pnl_cents - NEW.fees_cents
BEGIN
  SELECT RAISE(ABORT, 'trades: net_pnl_cents must equal gross_pnl_cents - fees_cents');
END;--> statement-breakpoint
DROP INDEX `trades_equity_cover_idx`;--> statement-breakpoint
CREATE INDEX `trades_equity_cover_idx` ON `trades` (`account_id`,`close_day`,`net_pnl_cents`,`fees_cents`) WHERE status = 'closed';
