CREATE TABLE `trade_filter_counts` (
	`account_id` integer NOT NULL,
	`close_day` text,
	`instrument_id` integer NOT NULL,
	`direction` text NOT NULL,
	`status` text NOT NULL,
	`trades` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `trade_filter_counts_key_idx` ON `trade_filter_counts` (`account_id`,`close_day`,`instrument_id`,`direction`,`status`);--> statement-breakpoint
CREATE INDEX `trades_page_sort_idx` ON `trades` (coalesce("closed_at", "opened_at"),`id`,`account_id`,`instrument_id`,`direction`,`status`,`close_day`);--> statement-breakpoint
CREATE INDEX `trades_account_sort_idx` ON `trades` (`account_id`,coalesce("closed_at", "opened_at"),`id`,`instrument_id`,`direction`,`status`,`close_day`);--> statement-breakpoint
CREATE INDEX `trades_net_pnl_idx` ON `trades` (`net_pnl_cents`,`id`);--> statement-breakpoint
CREATE INDEX `trades_account_net_pnl_idx` ON `trades` (`account_id`,`net_pnl_cents`,`id`);--> statement-breakpoint
CREATE INDEX `trades_opened_at_idx` ON `trades` (`opened_at`,`id`);--> statement-breakpoint
INSERT INTO `trade_filter_counts` (account_id, close_day, instrument_id, direction, status, trades)
  SELECT account_id, close_day, instrument_id, direction, status, COUNT(*) FROM trades
  GROUP BY account_id, close_day, instrument_id, direction, status;--> statement-breakpoint
CREATE TRIGGER `trades_filter_counts_insert` AFTER INSERT ON `trades` BEGIN
  INSERT INTO trade_filter_counts (account_id, close_day, instrument_id, direction, status, trades)
    SELECT NEW.account_id, NEW.close_day, NEW.instrument_id, NEW.direction, NEW.status, 0
    WHERE NOT EXISTS (SELECT 1 FROM trade_filter_counts WHERE account_id = NEW.account_id AND close_day IS NEW.close_day AND instrument_id = NEW.instrument_id AND direction = NEW.direction AND status = NEW.status);
  UPDATE trade_filter_counts SET trades = trades + 1 WHERE account_id = NEW.account_id AND close_day IS NEW.close_day AND instrument_id = NEW.instrument_id AND direction = NEW.direction AND status = NEW.status;
END;--> statement-breakpoint
CREATE TRIGGER `trades_filter_counts_delete` AFTER DELETE ON `trades` BEGIN
  UPDATE trade_filter_counts SET trades = trades - 1 WHERE account_id = OLD.account_id AND close_day IS OLD.close_day AND instrument_id = OLD.instrument_id AND direction = OLD.direction AND status = OLD.status;
  DELETE FROM trade_filter_counts WHERE account_id = OLD.account_id AND close_day IS OLD.close_day AND instrument_id = OLD.instrument_id AND direction = OLD.direction AND status = OLD.status AND trades <= 0;
END;--> statement-breakpoint
CREATE TRIGGER `trades_filter_counts_update` AFTER UPDATE OF account_id, close_day, instrument_id, direction, status ON `trades`
WHEN OLD.account_id IS NOT NEW.account_id OR OLD.close_day IS NOT NEW.close_day OR OLD.instrument_id IS NOT NEW.instrument_id
  OR OLD.direction IS NOT NEW.direction OR OLD.status IS NOT NEW.status
BEGIN
  UPDATE trade_filter_counts SET trades = trades - 1 WHERE account_id = OLD.account_id AND close_day IS OLD.close_day AND instrument_id = OLD.instrument_id AND direction = OLD.direction AND status = OLD.status;
  DELETE FROM trade_filter_counts WHERE account_id = OLD.account_id AND close_day IS OLD.close_day AND instrument_id = OLD.instrument_id AND direction = OLD.direction AND status = OLD.status AND trades <= 0;
  INSERT INTO trade_filter_counts (account_id, close_day, instrument_id, direction, status, trades)
    SELECT NEW.account_id, NEW.close_day, NEW.instrument_id, NEW.direction, NEW.status, 0
    WHERE NOT EXISTS (SELECT 1 FROM trade_filter_counts WHERE account_id = NEW.account_id AND close_day IS NEW.close_day AND instrument_id = NEW.instrument_id AND direction = NEW.direction AND status = NEW.status);
  UPDATE trade_filter_counts SET trades = trades + 1 WHERE account_id = NEW.account_id AND close_day IS NEW.close_day AND instrument_id = NEW.instrument_id AND direction = NEW.direction AND status = NEW.status;
END;
