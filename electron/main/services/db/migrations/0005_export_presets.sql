CREATE TABLE `export_presets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`form_json` text NOT NULL,
	`created_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL,
	`updated_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL
);
--> statement-breakpoint
-- Hand-written: drizzle cannot declare a NOCASE index; names are unique the way the user reads them.
CREATE UNIQUE INDEX `export_presets_name_nocase_uq` ON `export_presets` (`name` COLLATE NOCASE);
