CREATE TABLE `fx_rates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`day` text NOT NULL,
	`base` text NOT NULL,
	`quote` text NOT NULL,
	`rate` real NOT NULL,
	`source` text NOT NULL,
	`created_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `fx_rates_pair_day_uq` ON `fx_rates` (`base`,`quote`,`day`);--> statement-breakpoint
CREATE TABLE `prop_rule_templates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`firm` text NOT NULL,
	`name` text NOT NULL,
	`rules_json` text NOT NULL,
	`source` text DEFAULT '' NOT NULL,
	`updated_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `prop_rule_templates_key_unique` ON `prop_rule_templates` (`key`);--> statement-breakpoint
ALTER TABLE `equity_discrepancies` ADD `trade_id` integer;--> statement-breakpoint
ALTER TABLE `equity_validation_runs` ADD `root_cause` text;--> statement-breakpoint
ALTER TABLE `prop_evaluations` ADD `rules_json` text;--> statement-breakpoint
ALTER TABLE `trades` ADD `pnl_currency` text;--> statement-breakpoint
ALTER TABLE `trades` ADD `quote_gross_pnl_cents` integer;--> statement-breakpoint
ALTER TABLE `trades` ADD `fx_rate` real;--> statement-breakpoint
ALTER TABLE `trades` ADD `fx_rate_source` text;--> statement-breakpoint
ALTER TABLE `trades` ADD `pnl_source` text DEFAULT 'prices' NOT NULL;--> statement-breakpoint
-- Backfill (issue 17). Instruments were all created with currency USD: read the quote
-- currency from the symbol where it says one (FX pairs: the second currency; exchange
-- suffixes; the non-US futures roots). shared/domain/quote-currency.ts holds the full rule
-- for new instruments; this covers what a journal can already hold.
UPDATE `instruments` SET `currency` = substr(replace(replace(replace(`symbol`, '/', ''), '.', ''), '-', ''), 4, 3)
  WHERE `asset_class` IN ('fx', 'cfd') AND length(replace(replace(replace(`symbol`, '/', ''), '.', ''), '-', '')) = 6
    AND `currency` = 'USD';--> statement-breakpoint
UPDATE `instruments` SET `currency` = CASE
    WHEN `symbol` LIKE '%.T' THEN 'JPY' WHEN `symbol` LIKE '%.L' THEN 'GBp' WHEN `symbol` LIKE '%.DE' THEN 'EUR'
    WHEN `symbol` LIKE '%.PA' THEN 'EUR' WHEN `symbol` LIKE '%.AS' THEN 'EUR' WHEN `symbol` LIKE '%.MI' THEN 'EUR'
    WHEN `symbol` LIKE '%.HK' THEN 'HKD' WHEN `symbol` LIKE '%.TO' THEN 'CAD' WHEN `symbol` LIKE '%.AX' THEN 'AUD'
    WHEN `symbol` LIKE '%.SW' THEN 'CHF' ELSE `currency` END
  WHERE `asset_class` = 'stock' AND `currency` = 'USD';--> statement-breakpoint
UPDATE `instruments` SET `currency` = CASE
    WHEN `symbol` GLOB 'FESX*' OR `symbol` GLOB 'FDAX*' OR `symbol` GLOB 'FDXM*' OR `symbol` GLOB 'FDXS*' OR `symbol` GLOB 'FGBL*' THEN 'EUR'
    WHEN `symbol` GLOB 'FSMI*' THEN 'CHF' WHEN `symbol` GLOB 'NK225*' THEN 'JPY' ELSE `currency` END
  WHERE `asset_class` = 'future' AND `currency` = 'USD';--> statement-breakpoint
-- Where the P&L came from: an imported trade whose gross is not what its prices give was
-- booked from the broker's own figure; everything else was computed from prices.
UPDATE `trades` SET `pnl_source` = 'broker'
  WHERE `import_batch_id` IS NOT NULL AND `status` = 'closed'
    AND `gross_pnl_cents` IS NOT (SELECT CAST(ROUND((trades.exit_price - trades.entry_price) * trades.qty * i.multiplier
        * (CASE trades.direction WHEN 'long' THEN 1 ELSE -1 END) * 100) AS INTEGER)
      FROM `instruments` i WHERE i.id = trades.instrument_id);--> statement-breakpoint
-- Same currency (or the broker's own account-currency figure): booked at 1 / the broker's.
UPDATE `trades` SET
    `pnl_currency` = (SELECT a.currency FROM `accounts` a WHERE a.id = trades.account_id),
    `quote_gross_pnl_cents` = `gross_pnl_cents`,
    `fx_rate` = 1,
    `fx_rate_source` = 'same-currency'
  WHERE `status` = 'closed' AND (SELECT CASE i.currency WHEN 'GBp' THEN 'GBP' ELSE i.currency END FROM `instruments` i WHERE i.id = trades.instrument_id)
    = (SELECT a.currency FROM `accounts` a WHERE a.id = trades.account_id);--> statement-breakpoint
UPDATE `trades` SET `fx_rate_source` = 'broker', `fx_rate` = NULL,
    `pnl_currency` = (SELECT CASE i.currency WHEN 'GBp' THEN 'GBP' ELSE i.currency END FROM `instruments` i WHERE i.id = trades.instrument_id)
  WHERE `status` = 'closed' AND `fx_rate_source` IS NULL AND `pnl_source` = 'broker';--> statement-breakpoint
-- Price-computed P&L in another currency was booked unconverted (the bug this fixes): keep
-- it as the quote-currency P&L (pence -> pounds) and flag the trade until it has a rate.
-- The next equity validation reports the days whose totals moved; a rebuild repairs them.
UPDATE `trades` SET
    `pnl_currency` = (SELECT CASE i.currency WHEN 'GBp' THEN 'GBP' ELSE i.currency END FROM `instruments` i WHERE i.id = trades.instrument_id),
    `quote_gross_pnl_cents` = CASE WHEN (SELECT i.currency FROM `instruments` i WHERE i.id = trades.instrument_id) = 'GBp'
      THEN CAST(ROUND(`gross_pnl_cents` / 100.0) AS INTEGER) ELSE `gross_pnl_cents` END,
    `gross_pnl_cents` = 0,
    `net_pnl_cents` = -`fees_cents`,
    `status` = 'needs_rate'
  WHERE `status` = 'closed' AND `fx_rate_source` IS NULL;
