CREATE TABLE `analytics_day_facts` (
	`dim` text NOT NULL,
	`key` integer NOT NULL,
	`setup` text,
	`account_id` integer NOT NULL,
	`day` text NOT NULL,
	`trades` integer NOT NULL,
	`wins` integer NOT NULL,
	`losses` integer NOT NULL,
	`net_pnl_cents` integer NOT NULL,
	`gross_pnl_cents` integer NOT NULL,
	`fees_cents` integer NOT NULL,
	`gross_profit_cents` integer NOT NULL,
	`gross_loss_cents` integer NOT NULL,
	`max_net_cents` integer NOT NULL,
	`min_net_cents` integer NOT NULL,
	`hold_ms` integer,
	`hold_win_ms` integer,
	`hold_loss_ms` integer,
	`r_sum` real,
	`r_count` integer NOT NULL,
	`r_wins` integer NOT NULL,
	`r_losses` integer NOT NULL,
	`r_win_sum` real NOT NULL,
	`r_loss_sum` real NOT NULL,
	`first_closed_at` integer,
	`first_id` integer NOT NULL,
	`last_closed_at` integer,
	`last_id` integer NOT NULL,
	`first_sign` integer NOT NULL,
	`lead_run` integer NOT NULL,
	`last_sign` integer NOT NULL,
	`trail_run` integer NOT NULL,
	`max_win_run` integer NOT NULL,
	`max_loss_run` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `analytics_day_facts_key_idx` ON `analytics_day_facts` (`dim`,`key`,`account_id`,`day`);--> statement-breakpoint
CREATE INDEX `analytics_day_facts_day_idx` ON `analytics_day_facts` (`account_id`,`day`);--> statement-breakpoint
CREATE TABLE `analytics_utc_days` (
	`dim` text NOT NULL,
	`key` integer NOT NULL,
	`utc_day` integer NOT NULL,
	`trades` integer NOT NULL,
	`min_close_day` text NOT NULL,
	`max_close_day` text NOT NULL,
	`first_sign` integer NOT NULL,
	`lead_run` integer NOT NULL,
	`last_sign` integer NOT NULL,
	`trail_run` integer NOT NULL,
	`max_win_run` integer NOT NULL,
	`max_loss_run` integer NOT NULL,
	PRIMARY KEY(`dim`, `key`, `utc_day`)
);
--> statement-breakpoint
CREATE INDEX `analytics_utc_days_day_idx` ON `analytics_utc_days` (`utc_day`);--> statement-breakpoint
-- Analytics day facts (DESIGN.md 7): kept exact by triggers, never by the write paths.
-- A touched account-day is recomputed whole from its trades (a day holds a few hundred
-- trades at most; the extremes and streak edges could not be kept by adding and
-- subtracting). The two views are procedures: inserting (account, day) into
-- analytics_day_refresh recomputes that day's rows, inserting a UTC day number into
-- analytics_utc_refresh recomputes that UTC day's streak rows (over every trade, and per
-- instrument, direction and tag). Bulk writes lift the row
-- triggers and refresh each touched day once (analytics/day-facts-maintenance.ts).
-- sj_streak and sj_local_hour are registered on every connection by openDb
-- (db/journal-functions.ts) before migrations run.
CREATE VIEW `analytics_day_refresh` AS SELECT 0 AS account_id, '' AS day, 0 AS tags_only WHERE 0;--> statement-breakpoint
CREATE VIEW `analytics_utc_refresh` AS SELECT 0 AS utc_day WHERE 0;--> statement-breakpoint
CREATE TRIGGER `analytics_day_refresh_run` INSTEAD OF INSERT ON `analytics_day_refresh` BEGIN
  DELETE FROM analytics_day_facts WHERE account_id = NEW.account_id AND day = NEW.day AND (NEW.tags_only = 0 OR dim = 'tag');
  INSERT INTO analytics_day_facts (dim, key, setup, account_id, day, trades, wins, losses, net_pnl_cents, gross_pnl_cents, fees_cents, gross_profit_cents, gross_loss_cents, max_net_cents, min_net_cents, hold_ms, hold_win_ms, hold_loss_ms, r_sum, r_count, r_wins, r_losses, r_win_sum, r_loss_sum, first_closed_at, first_id, last_closed_at, last_id, first_sign, lead_run, last_sign, trail_run, max_win_run, max_loss_run)
    SELECT 'all', k, su, NEW.account_id, NEW.day, n, w, l, net, gross, fees, gp, gl, mx, mn, h, hw, hl, rs, rc, rw, rl, rws, rls,
      s ->> 6, s ->> 7, s ->> 8, s ->> 9, s ->> 0, s ->> 1, s ->> 2, s ->> 3, s ->> 4, s ->> 5
    FROM (SELECT 0 AS k, NULL AS su, COUNT(*) AS n, SUM(t.net_pnl_cents > 0) AS w, SUM(t.net_pnl_cents < 0) AS l,
            SUM(t.net_pnl_cents) AS net, SUM(t.gross_pnl_cents) AS gross, SUM(t.fees_cents) AS fees,
            SUM(CASE WHEN t.net_pnl_cents > 0 THEN t.net_pnl_cents ELSE 0 END) AS gp,
            SUM(CASE WHEN t.net_pnl_cents < 0 THEN t.net_pnl_cents ELSE 0 END) AS gl,
            MAX(t.net_pnl_cents) AS mx, MIN(t.net_pnl_cents) AS mn, SUM(t.closed_at - t.opened_at) AS h,
            SUM(CASE WHEN t.net_pnl_cents > 0 THEN t.closed_at - t.opened_at ELSE 0 END) AS hw,
            SUM(CASE WHEN t.net_pnl_cents < 0 THEN t.closed_at - t.opened_at ELSE 0 END) AS hl,
            SUM(t.r_multiple) AS rs, COUNT(t.r_multiple) AS rc,
            SUM(t.r_multiple IS NOT NULL AND t.net_pnl_cents > 0) AS rw, SUM(t.r_multiple IS NOT NULL AND t.net_pnl_cents < 0) AS rl,
            TOTAL(CASE WHEN t.net_pnl_cents > 0 THEN t.r_multiple END) AS rws, TOTAL(CASE WHEN t.net_pnl_cents < 0 THEN t.r_multiple END) AS rls,
            sj_streak(sign(t.net_pnl_cents), t.closed_at, t.id ORDER BY t.closed_at, t.id) AS s
          FROM trades t
          WHERE t.account_id = NEW.account_id AND t.close_day = NEW.day AND +t.status = 'closed' AND NEW.tags_only = 0
          GROUP BY 1, 2);
  INSERT INTO analytics_day_facts (dim, key, setup, account_id, day, trades, wins, losses, net_pnl_cents, gross_pnl_cents, fees_cents, gross_profit_cents, gross_loss_cents, max_net_cents, min_net_cents, hold_ms, hold_win_ms, hold_loss_ms, r_sum, r_count, r_wins, r_losses, r_win_sum, r_loss_sum, first_closed_at, first_id, last_closed_at, last_id, first_sign, lead_run, last_sign, trail_run, max_win_run, max_loss_run)
    SELECT 'instrument', k, su, NEW.account_id, NEW.day, n, w, l, net, gross, fees, gp, gl, mx, mn, h, hw, hl, rs, rc, rw, rl, rws, rls,
      s ->> 6, s ->> 7, s ->> 8, s ->> 9, s ->> 0, s ->> 1, s ->> 2, s ->> 3, s ->> 4, s ->> 5
    FROM (SELECT t.instrument_id AS k, NULL AS su, COUNT(*) AS n, SUM(t.net_pnl_cents > 0) AS w, SUM(t.net_pnl_cents < 0) AS l,
            SUM(t.net_pnl_cents) AS net, SUM(t.gross_pnl_cents) AS gross, SUM(t.fees_cents) AS fees,
            SUM(CASE WHEN t.net_pnl_cents > 0 THEN t.net_pnl_cents ELSE 0 END) AS gp,
            SUM(CASE WHEN t.net_pnl_cents < 0 THEN t.net_pnl_cents ELSE 0 END) AS gl,
            MAX(t.net_pnl_cents) AS mx, MIN(t.net_pnl_cents) AS mn, SUM(t.closed_at - t.opened_at) AS h,
            SUM(CASE WHEN t.net_pnl_cents > 0 THEN t.closed_at - t.opened_at ELSE 0 END) AS hw,
            SUM(CASE WHEN t.net_pnl_cents < 0 THEN t.closed_at - t.opened_at ELSE 0 END) AS hl,
            SUM(t.r_multiple) AS rs, COUNT(t.r_multiple) AS rc,
            SUM(t.r_multiple IS NOT NULL AND t.net_pnl_cents > 0) AS rw, SUM(t.r_multiple IS NOT NULL AND t.net_pnl_cents < 0) AS rl,
            TOTAL(CASE WHEN t.net_pnl_cents > 0 THEN t.r_multiple END) AS rws, TOTAL(CASE WHEN t.net_pnl_cents < 0 THEN t.r_multiple END) AS rls,
            sj_streak(sign(t.net_pnl_cents), t.closed_at, t.id ORDER BY t.closed_at, t.id) AS s
          FROM trades t
          WHERE t.account_id = NEW.account_id AND t.close_day = NEW.day AND +t.status = 'closed' AND NEW.tags_only = 0
          GROUP BY 1, 2);
  INSERT INTO analytics_day_facts (dim, key, setup, account_id, day, trades, wins, losses, net_pnl_cents, gross_pnl_cents, fees_cents, gross_profit_cents, gross_loss_cents, max_net_cents, min_net_cents, hold_ms, hold_win_ms, hold_loss_ms, r_sum, r_count, r_wins, r_losses, r_win_sum, r_loss_sum, first_closed_at, first_id, last_closed_at, last_id, first_sign, lead_run, last_sign, trail_run, max_win_run, max_loss_run)
    SELECT 'direction', k, su, NEW.account_id, NEW.day, n, w, l, net, gross, fees, gp, gl, mx, mn, h, hw, hl, rs, rc, rw, rl, rws, rls,
      s ->> 6, s ->> 7, s ->> 8, s ->> 9, s ->> 0, s ->> 1, s ->> 2, s ->> 3, s ->> 4, s ->> 5
    FROM (SELECT CASE t.direction WHEN 'long' THEN 0 ELSE 1 END AS k, NULL AS su, COUNT(*) AS n, SUM(t.net_pnl_cents > 0) AS w, SUM(t.net_pnl_cents < 0) AS l,
            SUM(t.net_pnl_cents) AS net, SUM(t.gross_pnl_cents) AS gross, SUM(t.fees_cents) AS fees,
            SUM(CASE WHEN t.net_pnl_cents > 0 THEN t.net_pnl_cents ELSE 0 END) AS gp,
            SUM(CASE WHEN t.net_pnl_cents < 0 THEN t.net_pnl_cents ELSE 0 END) AS gl,
            MAX(t.net_pnl_cents) AS mx, MIN(t.net_pnl_cents) AS mn, SUM(t.closed_at - t.opened_at) AS h,
            SUM(CASE WHEN t.net_pnl_cents > 0 THEN t.closed_at - t.opened_at ELSE 0 END) AS hw,
            SUM(CASE WHEN t.net_pnl_cents < 0 THEN t.closed_at - t.opened_at ELSE 0 END) AS hl,
            SUM(t.r_multiple) AS rs, COUNT(t.r_multiple) AS rc,
            SUM(t.r_multiple IS NOT NULL AND t.net_pnl_cents > 0) AS rw, SUM(t.r_multiple IS NOT NULL AND t.net_pnl_cents < 0) AS rl,
            TOTAL(CASE WHEN t.net_pnl_cents > 0 THEN t.r_multiple END) AS rws, TOTAL(CASE WHEN t.net_pnl_cents < 0 THEN t.r_multiple END) AS rls,
            sj_streak(sign(t.net_pnl_cents), t.closed_at, t.id ORDER BY t.closed_at, t.id) AS s
          FROM trades t
          WHERE t.account_id = NEW.account_id AND t.close_day = NEW.day AND +t.status = 'closed' AND NEW.tags_only = 0
          GROUP BY 1, 2);
  INSERT INTO analytics_day_facts (dim, key, setup, account_id, day, trades, wins, losses, net_pnl_cents, gross_pnl_cents, fees_cents, gross_profit_cents, gross_loss_cents, max_net_cents, min_net_cents, hold_ms, hold_win_ms, hold_loss_ms, r_sum, r_count, r_wins, r_losses, r_win_sum, r_loss_sum, first_closed_at, first_id, last_closed_at, last_id, first_sign, lead_run, last_sign, trail_run, max_win_run, max_loss_run)
    SELECT 'hour', k, su, NEW.account_id, NEW.day, n, w, l, net, gross, fees, gp, gl, mx, mn, h, hw, hl, rs, rc, rw, rl, rws, rls,
      s ->> 6, s ->> 7, s ->> 8, s ->> 9, s ->> 0, s ->> 1, s ->> 2, s ->> 3, s ->> 4, s ->> 5
    FROM (SELECT sj_local_hour(t.opened_at, a.timezone) AS k, NULL AS su, COUNT(*) AS n, SUM(t.net_pnl_cents > 0) AS w, SUM(t.net_pnl_cents < 0) AS l,
            SUM(t.net_pnl_cents) AS net, SUM(t.gross_pnl_cents) AS gross, SUM(t.fees_cents) AS fees,
            SUM(CASE WHEN t.net_pnl_cents > 0 THEN t.net_pnl_cents ELSE 0 END) AS gp,
            SUM(CASE WHEN t.net_pnl_cents < 0 THEN t.net_pnl_cents ELSE 0 END) AS gl,
            MAX(t.net_pnl_cents) AS mx, MIN(t.net_pnl_cents) AS mn, SUM(t.closed_at - t.opened_at) AS h,
            SUM(CASE WHEN t.net_pnl_cents > 0 THEN t.closed_at - t.opened_at ELSE 0 END) AS hw,
            SUM(CASE WHEN t.net_pnl_cents < 0 THEN t.closed_at - t.opened_at ELSE 0 END) AS hl,
            SUM(t.r_multiple) AS rs, COUNT(t.r_multiple) AS rc,
            SUM(t.r_multiple IS NOT NULL AND t.net_pnl_cents > 0) AS rw, SUM(t.r_multiple IS NOT NULL AND t.net_pnl_cents < 0) AS rl,
            TOTAL(CASE WHEN t.net_pnl_cents > 0 THEN t.r_multiple END) AS rws, TOTAL(CASE WHEN t.net_pnl_cents < 0 THEN t.r_multiple END) AS rls,
            sj_streak(sign(t.net_pnl_cents), t.closed_at, t.id ORDER BY t.closed_at, t.id) AS s
          FROM trades t JOIN accounts a ON a.id = t.account_id
          WHERE t.account_id = NEW.account_id AND t.close_day = NEW.day AND +t.status = 'closed' AND NEW.tags_only = 0
          GROUP BY 1, 2);
  INSERT INTO analytics_day_facts (dim, key, setup, account_id, day, trades, wins, losses, net_pnl_cents, gross_pnl_cents, fees_cents, gross_profit_cents, gross_loss_cents, max_net_cents, min_net_cents, hold_ms, hold_win_ms, hold_loss_ms, r_sum, r_count, r_wins, r_losses, r_win_sum, r_loss_sum, first_closed_at, first_id, last_closed_at, last_id, first_sign, lead_run, last_sign, trail_run, max_win_run, max_loss_run)
    SELECT 'setup', k, su, NEW.account_id, NEW.day, n, w, l, net, gross, fees, gp, gl, mx, mn, h, hw, hl, rs, rc, rw, rl, rws, rls,
      s ->> 6, s ->> 7, s ->> 8, s ->> 9, s ->> 0, s ->> 1, s ->> 2, s ->> 3, s ->> 4, s ->> 5
    FROM (SELECT 0 AS k, t.setup AS su, COUNT(*) AS n, SUM(t.net_pnl_cents > 0) AS w, SUM(t.net_pnl_cents < 0) AS l,
            SUM(t.net_pnl_cents) AS net, SUM(t.gross_pnl_cents) AS gross, SUM(t.fees_cents) AS fees,
            SUM(CASE WHEN t.net_pnl_cents > 0 THEN t.net_pnl_cents ELSE 0 END) AS gp,
            SUM(CASE WHEN t.net_pnl_cents < 0 THEN t.net_pnl_cents ELSE 0 END) AS gl,
            MAX(t.net_pnl_cents) AS mx, MIN(t.net_pnl_cents) AS mn, SUM(t.closed_at - t.opened_at) AS h,
            SUM(CASE WHEN t.net_pnl_cents > 0 THEN t.closed_at - t.opened_at ELSE 0 END) AS hw,
            SUM(CASE WHEN t.net_pnl_cents < 0 THEN t.closed_at - t.opened_at ELSE 0 END) AS hl,
            SUM(t.r_multiple) AS rs, COUNT(t.r_multiple) AS rc,
            SUM(t.r_multiple IS NOT NULL AND t.net_pnl_cents > 0) AS rw, SUM(t.r_multiple IS NOT NULL AND t.net_pnl_cents < 0) AS rl,
            TOTAL(CASE WHEN t.net_pnl_cents > 0 THEN t.r_multiple END) AS rws, TOTAL(CASE WHEN t.net_pnl_cents < 0 THEN t.r_multiple END) AS rls,
            sj_streak(sign(t.net_pnl_cents), t.closed_at, t.id ORDER BY t.closed_at, t.id) AS s
          FROM trades t
          WHERE t.account_id = NEW.account_id AND t.close_day = NEW.day AND +t.status = 'closed' AND NEW.tags_only = 0
          GROUP BY 1, 2);
  INSERT INTO analytics_day_facts (dim, key, setup, account_id, day, trades, wins, losses, net_pnl_cents, gross_pnl_cents, fees_cents, gross_profit_cents, gross_loss_cents, max_net_cents, min_net_cents, hold_ms, hold_win_ms, hold_loss_ms, r_sum, r_count, r_wins, r_losses, r_win_sum, r_loss_sum, first_closed_at, first_id, last_closed_at, last_id, first_sign, lead_run, last_sign, trail_run, max_win_run, max_loss_run)
    SELECT 'tag', k, su, NEW.account_id, NEW.day, n, w, l, net, gross, fees, gp, gl, mx, mn, h, hw, hl, rs, rc, rw, rl, rws, rls,
      s ->> 6, s ->> 7, s ->> 8, s ->> 9, s ->> 0, s ->> 1, s ->> 2, s ->> 3, s ->> 4, s ->> 5
    FROM (SELECT COALESCE(tt.tag_id, 0) AS k, NULL AS su, COUNT(*) AS n, SUM(t.net_pnl_cents > 0) AS w, SUM(t.net_pnl_cents < 0) AS l,
            SUM(t.net_pnl_cents) AS net, SUM(t.gross_pnl_cents) AS gross, SUM(t.fees_cents) AS fees,
            SUM(CASE WHEN t.net_pnl_cents > 0 THEN t.net_pnl_cents ELSE 0 END) AS gp,
            SUM(CASE WHEN t.net_pnl_cents < 0 THEN t.net_pnl_cents ELSE 0 END) AS gl,
            MAX(t.net_pnl_cents) AS mx, MIN(t.net_pnl_cents) AS mn, SUM(t.closed_at - t.opened_at) AS h,
            SUM(CASE WHEN t.net_pnl_cents > 0 THEN t.closed_at - t.opened_at ELSE 0 END) AS hw,
            SUM(CASE WHEN t.net_pnl_cents < 0 THEN t.closed_at - t.opened_at ELSE 0 END) AS hl,
            SUM(t.r_multiple) AS rs, COUNT(t.r_multiple) AS rc,
            SUM(t.r_multiple IS NOT NULL AND t.net_pnl_cents > 0) AS rw, SUM(t.r_multiple IS NOT NULL AND t.net_pnl_cents < 0) AS rl,
            TOTAL(CASE WHEN t.net_pnl_cents > 0 THEN t.r_multiple END) AS rws, TOTAL(CASE WHEN t.net_pnl_cents < 0 THEN t.r_multiple END) AS rls,
            sj_streak(sign(t.net_pnl_cents), t.closed_at, t.id ORDER BY t.closed_at, t.id) AS s
          FROM trades t LEFT JOIN trade_tags tt ON tt.trade_id = t.id
          WHERE t.account_id = NEW.account_id AND t.close_day = NEW.day AND +t.status = 'closed'
          GROUP BY 1, 2);
END;--> statement-breakpoint
CREATE TRIGGER `analytics_utc_refresh_run` INSTEAD OF INSERT ON `analytics_utc_refresh` BEGIN
  DELETE FROM analytics_utc_days WHERE utc_day = NEW.utc_day;
  INSERT INTO analytics_utc_days (dim, key, utc_day, trades, min_close_day, max_close_day, first_sign, lead_run, last_sign, trail_run, max_win_run, max_loss_run)
    SELECT 'all', k, NEW.utc_day, n, lo, hi, s ->> 0, s ->> 1, s ->> 2, s ->> 3, s ->> 4, s ->> 5
    FROM (SELECT 0 AS k, COUNT(*) AS n, MIN(t.close_day) AS lo, MAX(t.close_day) AS hi,
                 sj_streak(sign(t.net_pnl_cents), t.closed_at, t.id ORDER BY t.closed_at, t.id) AS s
          FROM trades t
          WHERE t.closed_at >= NEW.utc_day * 86400000 AND t.closed_at < (NEW.utc_day + 1) * 86400000 AND +t.status = 'closed' AND t.close_day IS NOT NULL
          GROUP BY 1);
  INSERT INTO analytics_utc_days (dim, key, utc_day, trades, min_close_day, max_close_day, first_sign, lead_run, last_sign, trail_run, max_win_run, max_loss_run)
    SELECT 'instrument', k, NEW.utc_day, n, lo, hi, s ->> 0, s ->> 1, s ->> 2, s ->> 3, s ->> 4, s ->> 5
    FROM (SELECT t.instrument_id AS k, COUNT(*) AS n, MIN(t.close_day) AS lo, MAX(t.close_day) AS hi,
                 sj_streak(sign(t.net_pnl_cents), t.closed_at, t.id ORDER BY t.closed_at, t.id) AS s
          FROM trades t
          WHERE t.closed_at >= NEW.utc_day * 86400000 AND t.closed_at < (NEW.utc_day + 1) * 86400000 AND +t.status = 'closed' AND t.close_day IS NOT NULL
          GROUP BY 1);
  INSERT INTO analytics_utc_days (dim, key, utc_day, trades, min_close_day, max_close_day, first_sign, lead_run, last_sign, trail_run, max_win_run, max_loss_run)
    SELECT 'direction', k, NEW.utc_day, n, lo, hi, s ->> 0, s ->> 1, s ->> 2, s ->> 3, s ->> 4, s ->> 5
    FROM (SELECT CASE t.direction WHEN 'long' THEN 0 ELSE 1 END AS k, COUNT(*) AS n, MIN(t.close_day) AS lo, MAX(t.close_day) AS hi,
                 sj_streak(sign(t.net_pnl_cents), t.closed_at, t.id ORDER BY t.closed_at, t.id) AS s
          FROM trades t
          WHERE t.closed_at >= NEW.utc_day * 86400000 AND t.closed_at < (NEW.utc_day + 1) * 86400000 AND +t.status = 'closed' AND t.close_day IS NOT NULL
          GROUP BY 1);
  INSERT INTO analytics_utc_days (dim, key, utc_day, trades, min_close_day, max_close_day, first_sign, lead_run, last_sign, trail_run, max_win_run, max_loss_run)
    SELECT 'tag', k, NEW.utc_day, n, lo, hi, s ->> 0, s ->> 1, s ->> 2, s ->> 3, s ->> 4, s ->> 5
    FROM (SELECT COALESCE(tt.tag_id, 0) AS k, COUNT(*) AS n, MIN(t.close_day) AS lo, MAX(t.close_day) AS hi,
                 sj_streak(sign(t.net_pnl_cents), t.closed_at, t.id ORDER BY t.closed_at, t.id) AS s
          FROM trades t LEFT JOIN trade_tags tt ON tt.trade_id = t.id
          WHERE t.closed_at >= NEW.utc_day * 86400000 AND t.closed_at < (NEW.utc_day + 1) * 86400000 AND +t.status = 'closed' AND t.close_day IS NOT NULL
          GROUP BY 1);
END;--> statement-breakpoint
CREATE TRIGGER `trades_analytics_insert` AFTER INSERT ON `trades` WHEN NEW.status = 'closed' AND NEW.close_day IS NOT NULL BEGIN
  INSERT INTO analytics_day_refresh (account_id, day, tags_only) VALUES (NEW.account_id, NEW.close_day, 0);
  INSERT INTO analytics_utc_refresh (utc_day) VALUES ((NEW.closed_at - (((NEW.closed_at % 86400000) + 86400000) % 86400000)) / 86400000);
END;--> statement-breakpoint
CREATE TRIGGER `trades_analytics_delete` AFTER DELETE ON `trades` WHEN OLD.status = 'closed' AND OLD.close_day IS NOT NULL BEGIN
  INSERT INTO analytics_day_refresh (account_id, day, tags_only) VALUES (OLD.account_id, OLD.close_day, 0);
  INSERT INTO analytics_utc_refresh (utc_day) VALUES ((OLD.closed_at - (((OLD.closed_at % 86400000) + 86400000) % 86400000)) / 86400000);
END;--> statement-breakpoint
CREATE TRIGGER `trades_analytics_update` AFTER UPDATE OF `account_id`, `instrument_id`, `direction`, `status`, `opened_at`, `closed_at`, `close_day`, `gross_pnl_cents`, `fees_cents`, `net_pnl_cents`, `r_multiple`, `setup` ON `trades`
  WHEN (OLD.status = 'closed' AND OLD.close_day IS NOT NULL OR NEW.status = 'closed' AND NEW.close_day IS NOT NULL) AND (OLD.account_id IS NOT NEW.account_id OR OLD.instrument_id IS NOT NEW.instrument_id OR OLD.direction IS NOT NEW.direction OR OLD.status IS NOT NEW.status OR OLD.opened_at IS NOT NEW.opened_at OR OLD.closed_at IS NOT NEW.closed_at OR OLD.close_day IS NOT NEW.close_day OR OLD.gross_pnl_cents IS NOT NEW.gross_pnl_cents OR OLD.fees_cents IS NOT NEW.fees_cents OR OLD.net_pnl_cents IS NOT NEW.net_pnl_cents OR OLD.r_multiple IS NOT NEW.r_multiple OR OLD.setup IS NOT NEW.setup)
BEGIN
  INSERT INTO analytics_day_refresh (account_id, day, tags_only) SELECT OLD.account_id, OLD.close_day, 0 WHERE OLD.status = 'closed' AND OLD.close_day IS NOT NULL;
  INSERT INTO analytics_day_refresh (account_id, day, tags_only) SELECT NEW.account_id, NEW.close_day, 0
    WHERE NEW.status = 'closed' AND NEW.close_day IS NOT NULL AND NOT (OLD.status = 'closed' AND OLD.close_day IS NOT NULL AND OLD.account_id IS NEW.account_id AND OLD.close_day IS NEW.close_day AND OLD.status IS NEW.status);
  INSERT INTO analytics_utc_refresh (utc_day) SELECT (OLD.closed_at - (((OLD.closed_at % 86400000) + 86400000) % 86400000)) / 86400000 WHERE OLD.status = 'closed' AND OLD.close_day IS NOT NULL;
  INSERT INTO analytics_utc_refresh (utc_day) SELECT (NEW.closed_at - (((NEW.closed_at % 86400000) + 86400000) % 86400000)) / 86400000
    WHERE NEW.status = 'closed' AND NEW.close_day IS NOT NULL AND NOT (OLD.status = 'closed' AND OLD.close_day IS NOT NULL AND (OLD.closed_at - (((OLD.closed_at % 86400000) + 86400000) % 86400000)) / 86400000 IS (NEW.closed_at - (((NEW.closed_at % 86400000) + 86400000) % 86400000)) / 86400000 AND OLD.status IS NEW.status AND (OLD.close_day IS NULL) = (NEW.close_day IS NULL));
END;--> statement-breakpoint
CREATE TRIGGER `trade_tags_analytics_insert` AFTER INSERT ON `trade_tags` BEGIN
  INSERT INTO analytics_day_refresh (account_id, day, tags_only) SELECT t.account_id, t.close_day, 1 FROM trades t WHERE t.id = NEW.trade_id AND t.status = 'closed' AND t.close_day IS NOT NULL;
  INSERT INTO analytics_utc_refresh (utc_day) SELECT (t.closed_at - (((t.closed_at % 86400000) + 86400000) % 86400000)) / 86400000 FROM trades t WHERE t.id = NEW.trade_id AND t.status = 'closed' AND t.close_day IS NOT NULL;
END;--> statement-breakpoint
CREATE TRIGGER `trade_tags_analytics_delete` AFTER DELETE ON `trade_tags` BEGIN
  -- A trade's links cascade away with it: the trade is gone by then and its day was
  -- already refreshed by trades_analytics_delete, so this finds nothing to do.
  INSERT INTO analytics_day_refresh (account_id, day, tags_only) SELECT t.account_id, t.close_day, 1 FROM trades t WHERE t.id = OLD.trade_id AND t.status = 'closed' AND t.close_day IS NOT NULL;
  INSERT INTO analytics_utc_refresh (utc_day) SELECT (t.closed_at - (((t.closed_at % 86400000) + 86400000) % 86400000)) / 86400000 FROM trades t WHERE t.id = OLD.trade_id AND t.status = 'closed' AND t.close_day IS NOT NULL;
END;--> statement-breakpoint
CREATE TRIGGER `trade_tags_analytics_update` AFTER UPDATE OF `trade_id`, `tag_id` ON `trade_tags`
  WHEN OLD.trade_id IS NOT NEW.trade_id OR OLD.tag_id IS NOT NEW.tag_id
BEGIN
  INSERT INTO analytics_day_refresh (account_id, day, tags_only) SELECT t.account_id, t.close_day, 1 FROM trades t WHERE t.id = OLD.trade_id AND t.status = 'closed' AND t.close_day IS NOT NULL;
  INSERT INTO analytics_utc_refresh (utc_day) SELECT (t.closed_at - (((t.closed_at % 86400000) + 86400000) % 86400000)) / 86400000 FROM trades t WHERE t.id = OLD.trade_id AND t.status = 'closed' AND t.close_day IS NOT NULL;
  INSERT INTO analytics_day_refresh (account_id, day, tags_only) SELECT t.account_id, t.close_day, 1 FROM trades t WHERE t.id = NEW.trade_id AND t.status = 'closed' AND t.close_day IS NOT NULL;
  INSERT INTO analytics_utc_refresh (utc_day) SELECT (t.closed_at - (((t.closed_at % 86400000) + 86400000) % 86400000)) / 86400000 FROM trades t WHERE t.id = NEW.trade_id AND t.status = 'closed' AND t.close_day IS NOT NULL;
END;--> statement-breakpoint
CREATE TRIGGER `accounts_analytics_timezone` AFTER UPDATE OF `timezone` ON `accounts`
  WHEN OLD.timezone IS NOT NEW.timezone
BEGIN
  -- The local open hour depends on the zone; the trading days themselves move by the
  -- trades' own close_day updates.
  INSERT INTO analytics_day_refresh (account_id, day, tags_only)
    SELECT DISTINCT t.account_id, t.close_day, 0 FROM trades t WHERE t.account_id = NEW.id AND +t.status = 'closed' AND t.close_day IS NOT NULL;
END;--> statement-breakpoint
INSERT INTO analytics_day_refresh (account_id, day, tags_only)
  SELECT DISTINCT account_id, close_day, 0 FROM trades WHERE status = 'closed' AND close_day IS NOT NULL;--> statement-breakpoint
INSERT INTO analytics_utc_refresh (utc_day)
  SELECT DISTINCT (closed_at - (((closed_at % 86400000) + 86400000) % 86400000)) / 86400000 FROM trades WHERE status = 'closed' AND close_day IS NOT NULL;
