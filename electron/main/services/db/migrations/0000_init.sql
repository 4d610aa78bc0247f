CREATE TABLE `accounts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`broker` text,
	`currency` text DEFAULT 'USD' NOT NULL,
	`timezone` text DEFAULT 'UTC' NOT NULL,
	`starting_balance_cents` integer DEFAULT 0 NOT NULL,
	`archived` integer DEFAULT false NOT NULL,
	`created_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `accounts_name_unique` ON `accounts` (`name`);--> statement-breakpoint
CREATE TABLE `daily_equity` (
	`account_id` integer NOT NULL,
	`day` text NOT NULL,
	`gross_pnl_cents` integer NOT NULL,
	`fees_cents` integer NOT NULL,
	`net_pnl_cents` integer NOT NULL,
	`trade_count` integer NOT NULL,
	`win_count` integer NOT NULL,
	`ending_equity_cents` integer NOT NULL,
	`peak_equity_cents` integer NOT NULL,
	`drawdown_cents` integer NOT NULL,
	PRIMARY KEY(`account_id`, `day`),
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `daily_equity_day_idx` ON `daily_equity` (`day`);--> statement-breakpoint
CREATE TABLE `equity_discrepancies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`run_id` integer NOT NULL,
	`account_id` integer NOT NULL,
	`day` text NOT NULL,
	`field` text NOT NULL,
	`stored_cents` integer,
	`expected_cents` integer,
	`difference_cents` integer NOT NULL,
	FOREIGN KEY (`run_id`) REFERENCES `equity_validation_runs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `equity_discrepancies_run_idx` ON `equity_discrepancies` (`run_id`,`account_id`,`day`);--> statement-breakpoint
CREATE TABLE `equity_validation_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`trigger` text NOT NULL,
	`account_id` integer,
	`status` text NOT NULL,
	`days_checked` integer DEFAULT 0 NOT NULL,
	`discrepancy_count` integer DEFAULT 0 NOT NULL,
	`started_at` integer NOT NULL,
	`finished_at` integer,
	`duration_ms` integer,
	`error_message` text,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `export_job_performance` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`job_id` integer,
	`type` text NOT NULL,
	`format` text NOT NULL,
	`outcome` text NOT NULL,
	`attempt` integer NOT NULL,
	`queue_wait_ms` integer NOT NULL,
	`duration_ms` integer NOT NULL,
	`rows` integer NOT NULL,
	`bytes` integer NOT NULL,
	`rows_per_sec` real NOT NULL,
	`chunk_p50_ms` real,
	`chunk_p95_ms` real,
	`chunk_max_ms` real,
	`peak_heap_bytes` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`job_id`) REFERENCES `export_jobs`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `export_perf_created_idx` ON `export_job_performance` (`created_at`);--> statement-breakpoint
CREATE INDEX `export_perf_kind_idx` ON `export_job_performance` (`format`,`type`,`created_at`);--> statement-breakpoint
CREATE TABLE `export_jobs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`request_id` text NOT NULL,
	`type` text NOT NULL,
	`format` text NOT NULL,
	`params_json` text NOT NULL,
	`columns_json` text,
	`options_json` text DEFAULT '{}' NOT NULL,
	`target_path` text NOT NULL,
	`status` text DEFAULT 'queued' NOT NULL,
	`attempt` integer DEFAULT 0 NOT NULL,
	`max_attempts` integer DEFAULT 3 NOT NULL,
	`next_attempt_at` integer,
	`error_class` text,
	`error_code` text,
	`error_message` text,
	`rows_written` integer DEFAULT 0 NOT NULL,
	`rows_total` integer,
	`bytes_written` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`started_at` integer,
	`finished_at` integer,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `export_jobs_status_idx` ON `export_jobs` (`status`,`next_attempt_at`,`id`);--> statement-breakpoint
CREATE TABLE `goals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`account_id` integer,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`period` text NOT NULL,
	`target` real NOT NULL,
	`starts_on` text NOT NULL,
	`ends_on` text,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `import_batches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`account_id` integer NOT NULL,
	`source_name` text NOT NULL,
	`preset` text NOT NULL,
	`file_sha256` text NOT NULL,
	`row_count` integer DEFAULT 0 NOT NULL,
	`accepted_count` integer DEFAULT 0 NOT NULL,
	`skipped_count` integer DEFAULT 0 NOT NULL,
	`duplicate_count` integer DEFAULT 0 NOT NULL,
	`status` text DEFAULT 'committed' NOT NULL,
	`created_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL,
	`undone_at` integer,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `instruments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`symbol` text NOT NULL,
	`asset_class` text NOT NULL,
	`multiplier` real DEFAULT 1 NOT NULL,
	`tick_size` real,
	`currency` text DEFAULT 'USD' NOT NULL,
	`description` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `instruments_symbol_unique` ON `instruments` (`symbol`);--> statement-breakpoint
CREATE TABLE `prop_evaluations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`account_id` integer NOT NULL,
	`firm` text NOT NULL,
	`name` text NOT NULL,
	`phase` text NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`start_balance_cents` integer NOT NULL,
	`profit_target_cents` integer NOT NULL,
	`daily_loss_limit_cents` integer NOT NULL,
	`max_drawdown_cents` integer NOT NULL,
	`drawdown_mode` text NOT NULL,
	`min_trading_days` integer DEFAULT 0 NOT NULL,
	`alert_threshold` real DEFAULT 0.8 NOT NULL,
	`started_on` text NOT NULL,
	`ended_on` text,
	`created_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value_json` text NOT NULL,
	`updated_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `tags` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`color` text DEFAULT '#6b7280' NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tags_name_unique` ON `tags` (`name`);--> statement-breakpoint
CREATE TABLE `trade_tags` (
	`trade_id` integer NOT NULL,
	`tag_id` integer NOT NULL,
	PRIMARY KEY(`trade_id`, `tag_id`),
	FOREIGN KEY (`trade_id`) REFERENCES `trades`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`tag_id`) REFERENCES `tags`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `trade_tags_tag_idx` ON `trade_tags` (`tag_id`,`trade_id`);--> statement-breakpoint
CREATE TABLE `trades` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`account_id` integer NOT NULL,
	`instrument_id` integer NOT NULL,
	`direction` text NOT NULL,
	`status` text NOT NULL,
	`opened_at` integer NOT NULL,
	`closed_at` integer,
	`close_day` text,
	`qty` real NOT NULL,
	`entry_price` real NOT NULL,
	`exit_price` real,
	`stop_price` real,
	`target_price` real,
	`gross_pnl_cents` integer DEFAULT 0 NOT NULL,
	`fees_cents` integer DEFAULT 0 NOT NULL,
	`net_pnl_cents` integer DEFAULT 0 NOT NULL,
	`r_multiple` real,
	`setup` text,
	`notes` text DEFAULT '' NOT NULL,
	`external_id` text,
	`import_batch_id` integer,
	`created_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL,
	`updated_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`instrument_id`) REFERENCES `instruments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`import_batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `trades_closed_at_idx` ON `trades` (`closed_at`,`id`);--> statement-breakpoint
CREATE INDEX `trades_account_closed_idx` ON `trades` (`account_id`,`closed_at`,`id`);--> statement-breakpoint
CREATE INDEX `trades_instrument_closed_idx` ON `trades` (`instrument_id`,`closed_at`);--> statement-breakpoint
CREATE INDEX `trades_account_day_idx` ON `trades` (`account_id`,`close_day`);--> statement-breakpoint
CREATE INDEX `trades_close_day_idx` ON `trades` (`close_day`,`id`);--> statement-breakpoint
CREATE INDEX `trades_status_idx` ON `trades` (`status`);--> statement-breakpoint
CREATE INDEX `trades_import_batch_idx` ON `trades` (`import_batch_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `trades_account_external_uq` ON `trades` (`account_id`,`external_id`);