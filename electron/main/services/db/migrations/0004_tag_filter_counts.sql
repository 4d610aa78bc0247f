CREATE TABLE `trade_tag_filter_counts` (
	`tag_id` integer NOT NULL,
	`account_id` integer NOT NULL,
	`close_day` text,
	`instrument_id` integer NOT NULL,
	`direction` text NOT NULL,
	`status` text NOT NULL,
	`trades` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `trade_tag_filter_counts_key_idx` ON `trade_tag_filter_counts` (`tag_id`,`account_id`,`close_day`,`instrument_id`,`direction`,`status`);--> statement-breakpoint
INSERT INTO `trade_tag_filter_counts` (tag_id, account_id, close_day, instrument_id, direction, status, trades)
  SELECT tt.tag_id, t.account_id, t.close_day, t.instrument_id, t.direction, t.status, COUNT(*) FROM trade_tags tt JOIN trades t ON t.id = tt.trade_id
  GROUP BY tt.tag_id, t.account_id, t.close_day, t.instrument_id, t.direction, t.status;--> statement-breakpoint
CREATE TRIGGER `trade_tags_tag_filter_counts_insert` AFTER INSERT ON `trade_tags` BEGIN
  INSERT INTO trade_tag_filter_counts (tag_id, account_id, close_day, instrument_id, direction, status, trades)
    SELECT NEW.tag_id, t.account_id, t.close_day, t.instrument_id, t.direction, t.status, 0 FROM trades t
    WHERE t.id = NEW.trade_id AND NOT EXISTS (SELECT 1 FROM trade_tag_filter_counts c WHERE c.tag_id = NEW.tag_id AND c.account_id = t.account_id AND c.close_day IS t.close_day AND c.instrument_id = t.instrument_id AND c.direction = t.direction AND c.status = t.status);
  UPDATE trade_tag_filter_counts SET trades = trades + 1
    WHERE tag_id = NEW.tag_id AND (account_id, close_day, instrument_id, direction, status) IS (SELECT account_id, close_day, instrument_id, direction, status FROM trades WHERE id = NEW.trade_id);
END;--> statement-breakpoint
CREATE TRIGGER `trade_tags_tag_filter_counts_delete` AFTER DELETE ON `trade_tags` BEGIN
  -- When a trade is deleted, its links cascade away after the trade row is gone: the
  -- subquery then yields NULLs, which match no row (account_id is never NULL), and
  -- trades_tag_filter_counts_delete has already counted the trade out.
  UPDATE trade_tag_filter_counts SET trades = trades - 1
    WHERE tag_id = OLD.tag_id AND (account_id, close_day, instrument_id, direction, status) IS (SELECT account_id, close_day, instrument_id, direction, status FROM trades WHERE id = OLD.trade_id);
  DELETE FROM trade_tag_filter_counts
    WHERE tag_id = OLD.tag_id AND (account_id, close_day, instrument_id, direction, status) IS (SELECT account_id, close_day, instrument_id, direction, status FROM trades WHERE id = OLD.trade_id) AND trades <= 0;
END;--> statement-breakpoint
CREATE TRIGGER `trade_tags_tag_filter_counts_update` AFTER UPDATE OF trade_id, tag_id ON `trade_tags`
WHEN OLD.trade_id IS NOT NEW.trade_id OR OLD.tag_id IS NOT NEW.tag_id
BEGIN
  UPDATE trade_tag_filter_counts SET trades = trades - 1
    WHERE tag_id = OLD.tag_id AND (account_id, close_day, instrument_id, direction, status) IS (SELECT account_id, close_day, instrument_id, direction, status FROM trades WHERE id = OLD.trade_id);
  DELETE FROM trade_tag_filter_counts
    WHERE tag_id = OLD.tag_id AND (account_id, close_day, instrument_id, direction, status) IS (SELECT account_id, close_day, instrument_id, direction, status FROM trades WHERE id = OLD.trade_id) AND trades <= 0;
  INSERT INTO trade_tag_filter_counts (tag_id, account_id, close_day, instrument_id, direction, status, trades)
    SELECT NEW.tag_id, t.account_id, t.close_day, t.instrument_id, t.direction, t.status, 0 FROM trades t
    WHERE t.id = NEW.trade_id AND NOT EXISTS (SELECT 1 FROM trade_tag_filter_counts c WHERE c.tag_id = NEW.tag_id AND c.account_id = t.account_id AND c.close_day IS t.close_day AND c.instrument_id = t.instrument_id AND c.direction = t.direction AND c.status = t.status);
  UPDATE trade_tag_filter_counts SET trades = trades + 1
    WHERE tag_id = NEW.tag_id AND (account_id, close_day, instrument_id, direction, status) IS (SELECT account_id, close_day, instrument_id, direction, status FROM trades WHERE id = NEW.trade_id);
END;--> statement-breakpoint
CREATE TRIGGER `trades_tag_filter_counts_update` AFTER UPDATE OF account_id, close_day, instrument_id, direction, status ON `trades`
WHEN OLD.account_id IS NOT NEW.account_id OR OLD.close_day IS NOT NEW.close_day OR OLD.instrument_id IS NOT NEW.instrument_id
  OR OLD.direction IS NOT NEW.direction OR OLD.status IS NOT NEW.status
BEGIN
  UPDATE trade_tag_filter_counts SET trades = trades - 1 WHERE tag_id IN (SELECT tag_id FROM trade_tags WHERE trade_id = OLD.id) AND account_id = OLD.account_id AND close_day IS OLD.close_day AND instrument_id = OLD.instrument_id AND direction = OLD.direction AND status = OLD.status;
  DELETE FROM trade_tag_filter_counts WHERE tag_id IN (SELECT tag_id FROM trade_tags WHERE trade_id = OLD.id) AND account_id = OLD.account_id AND close_day IS OLD.close_day AND instrument_id = OLD.instrument_id AND direction = OLD.direction AND status = OLD.status AND trades <= 0;
  INSERT INTO trade_tag_filter_counts (tag_id, account_id, close_day, instrument_id, direction, status, trades)
    SELECT tt.tag_id, NEW.account_id, NEW.close_day, NEW.instrument_id, NEW.direction, NEW.status, 0 FROM trade_tags tt
    WHERE tt.trade_id = NEW.id AND NOT EXISTS (SELECT 1 FROM trade_tag_filter_counts c WHERE c.tag_id = tt.tag_id AND c.account_id = NEW.account_id AND c.close_day IS NEW.close_day AND c.instrument_id = NEW.instrument_id AND c.direction = NEW.direction AND c.status = NEW.status);
  UPDATE trade_tag_filter_counts SET trades = trades + 1 WHERE tag_id IN (SELECT tag_id FROM trade_tags WHERE trade_id = NEW.id) AND account_id = NEW.account_id AND close_day IS NEW.close_day AND instrument_id = NEW.instrument_id AND direction = NEW.direction AND status = NEW.status;
END;--> statement-breakpoint
CREATE TRIGGER `trades_tag_filter_counts_delete` BEFORE DELETE ON `trades` BEGIN
  -- BEFORE, not AFTER: the cascade removes the trade's links before AFTER triggers run,
  -- and the links' own delete trigger can no longer read the trade's key by then.
  UPDATE trade_tag_filter_counts SET trades = trades - 1 WHERE tag_id IN (SELECT tag_id FROM trade_tags WHERE trade_id = OLD.id) AND account_id = OLD.account_id AND close_day IS OLD.close_day AND instrument_id = OLD.instrument_id AND direction = OLD.direction AND status = OLD.status;
  DELETE FROM trade_tag_filter_counts WHERE tag_id IN (SELECT tag_id FROM trade_tags WHERE trade_id = OLD.id) AND account_id = OLD.account_id AND close_day IS OLD.close_day AND instrument_id = OLD.instrument_id AND direction = OLD.direction AND status = OLD.status AND trades <= 0;
END;
