-- Net P&L moves third in the covering index: validation seeks each day's winners and the
-- rest as two ranges (see equity/day-totals-sql.ts).
DROP INDEX `trades_equity_cover_idx`;--> statement-breakpoint
CREATE INDEX `trades_equity_cover_idx` ON `trades` (`account_id`,`close_day`,`net_pnl_cents`,`gross_pnl_cents`,`fees_cents`) WHERE status = 'closed';