CREATE TABLE `executions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`trade_id` integer NOT NULL,
	`account_id` integer NOT NULL,
	`executed_at` integer NOT NULL,
	`side` text NOT NULL,
	`qty` real NOT NULL,
	`price` real NOT NULL,
	`fees_cents` integer DEFAULT 0 NOT NULL,
	`broker_exec_id` text,
	`broker_order_id` text,
	`import_batch_id` integer,
	`import_key` text,
	`seq` integer NOT NULL,
	FOREIGN KEY (`trade_id`) REFERENCES `trades`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`import_batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `executions_trade_idx` ON `executions` (`trade_id`,`seq`);--> statement-breakpoint
CREATE INDEX `executions_batch_idx` ON `executions` (`import_batch_id`);--> statement-breakpoint
CREATE TABLE `import_zones` (
	`scope` text PRIMARY KEY NOT NULL,
	`zone` text NOT NULL,
	`updated_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL
);
--> statement-breakpoint
-- Backfill: the fill portions earlier imports kept as dedupe keys are the executions of their trades.
INSERT INTO `executions` (`trade_id`, `account_id`, `executed_at`, `side`, `qty`, `price`, `fees_cents`, `broker_exec_id`, `broker_order_id`, `import_batch_id`, `import_key`, `seq`)
SELECT k.`trade_id`, k.`account_id`, k.`executed_at`, CASE WHEN k.`side` = 1 THEN 'buy' ELSE 'sell' END, k.`qty`, k.`price`, COALESCE(k.`fees_cents`, 0),
  CASE WHEN k.`key` LIKE 'x:%' THEN substr(k.`key`, 3) ELSE NULL END, NULL, k.`batch_id`, k.`key`,
  ROW_NUMBER() OVER (PARTITION BY k.`trade_id` ORDER BY k.`executed_at`, k.`id`) - 1
FROM `import_keys` k
WHERE k.`kind` = 'fill' AND k.`executed_at` IS NOT NULL AND k.`side` IS NOT NULL AND k.`qty` IS NOT NULL AND k.`price` IS NOT NULL;
