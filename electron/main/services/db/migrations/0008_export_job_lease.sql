ALTER TABLE `export_jobs` ADD `owner_id` text;--> statement-breakpoint
ALTER TABLE `export_jobs` ADD `owner_pid` integer;--> statement-breakpoint
ALTER TABLE `export_jobs` ADD `owner_host` text;--> statement-breakpoint
ALTER TABLE `export_jobs` ADD `run_token` text;--> statement-breakpoint
ALTER TABLE `export_jobs` ADD `heartbeat_at` integer;--> statement-breakpoint
ALTER TABLE `export_jobs` ADD `lease_expires_at` integer;--> statement-breakpoint
-- Jobs that already share a target with an older job that has not ended cannot both keep it:
-- the younger ones end as failed, saying why, so the reservation index below can be built.
UPDATE `export_jobs` SET `status` = 'failed', `error_class` = 'terminal', `error_code` = 'duplicate_target',
  `error_message` = 'Another export was already writing to this file, so this one was stopped. Export it again to write a new file.',
  `next_attempt_at` = NULL
  WHERE `status` IN ('queued', 'running')
    AND `id` NOT IN (SELECT MIN(`id`) FROM `export_jobs` WHERE `status` IN ('queued', 'running') GROUP BY `target_path`);--> statement-breakpoint
CREATE UNIQUE INDEX `export_jobs_active_target_idx` ON `export_jobs` (`target_path`) WHERE status IN ('queued', 'running');