CREATE TABLE `import_keys` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`account_id` integer NOT NULL,
	`key` text NOT NULL,
	`trade_id` integer NOT NULL,
	`batch_id` integer,
	`kind` text NOT NULL,
	`side` integer,
	`qty` real,
	`price` real,
	`executed_at` integer,
	`fees_cents` integer,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`trade_id`) REFERENCES `trades`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `import_keys_account_key_trade_uq` ON `import_keys` (`account_id`,`key`,`trade_id`);--> statement-breakpoint
CREATE INDEX `import_keys_trade_idx` ON `import_keys` (`trade_id`);--> statement-breakpoint
CREATE INDEX `import_keys_batch_idx` ON `import_keys` (`batch_id`);--> statement-breakpoint
CREATE TABLE `import_presets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`definition_json` text NOT NULL,
	`created_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL,
	`updated_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `import_presets_name_unique` ON `import_presets` (`name`);