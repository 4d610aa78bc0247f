CREATE TABLE `bars` (
	`instrument_id` integer NOT NULL,
	`bar_seconds` integer NOT NULL,
	`time` integer NOT NULL,
	`open` real NOT NULL,
	`high` real NOT NULL,
	`low` real NOT NULL,
	`close` real NOT NULL,
	`volume` real,
	PRIMARY KEY(`instrument_id`, `bar_seconds`, `time`),
	FOREIGN KEY (`instrument_id`) REFERENCES `instruments`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `daily_notes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`day` text NOT NULL,
	`account_id` integer,
	`plan` text DEFAULT '' NOT NULL,
	`review` text DEFAULT '' NOT NULL,
	`tags` text DEFAULT '' NOT NULL,
	`created_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL,
	`updated_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `daily_notes_day_account_uq` ON `daily_notes` (`day`,`account_id`) WHERE account_id IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `daily_notes_day_global_uq` ON `daily_notes` (`day`) WHERE account_id IS NULL;--> statement-breakpoint
CREATE TABLE `playbook_rules` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`playbook_id` integer NOT NULL,
	`text` text NOT NULL,
	`position` integer NOT NULL,
	FOREIGN KEY (`playbook_id`) REFERENCES `playbooks`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `playbook_rules_playbook_idx` ON `playbook_rules` (`playbook_id`,`position`);--> statement-breakpoint
CREATE TABLE `playbooks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`created_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL,
	`updated_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `trade_attachments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`trade_id` integer NOT NULL,
	`name` text NOT NULL,
	`mime` text NOT NULL,
	`bytes` blob NOT NULL,
	`size` integer NOT NULL,
	`created_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL,
	FOREIGN KEY (`trade_id`) REFERENCES `trades`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `trade_attachments_trade_idx` ON `trade_attachments` (`trade_id`,`id`);--> statement-breakpoint
CREATE TABLE `trade_rule_checks` (
	`trade_id` integer NOT NULL,
	`rule_id` integer NOT NULL,
	`followed` integer NOT NULL,
	PRIMARY KEY(`trade_id`, `rule_id`),
	FOREIGN KEY (`trade_id`) REFERENCES `trades`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`rule_id`) REFERENCES `playbook_rules`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `trade_rule_checks_rule_idx` ON `trade_rule_checks` (`rule_id`);--> statement-breakpoint
ALTER TABLE `trades` ADD `planned_risk_cents` integer;--> statement-breakpoint
-- Playbook names are unique ignoring case (hand-written: drizzle-kit cannot express the collation).
CREATE UNIQUE INDEX `playbooks_name_nocase_uq` ON `playbooks` (`name` COLLATE NOCASE);
