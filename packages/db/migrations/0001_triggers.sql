CREATE TABLE `trigger_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`site_id` text NOT NULL,
	`visit_id` text NOT NULL,
	`type` text NOT NULL,
	`trigger_id` text,
	`value` real,
	`currency` text,
	`at` integer NOT NULL,
	`received_at` integer NOT NULL,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `trigger_events_site_trigger_idx` ON `trigger_events` (`site_id`,`trigger_id`,`type`);--> statement-breakpoint
CREATE INDEX `trigger_events_visit_idx` ON `trigger_events` (`site_id`,`visit_id`);--> statement-breakpoint
CREATE TABLE `triggers` (
	`id` text PRIMARY KEY NOT NULL,
	`site_id` text NOT NULL,
	`rule` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `triggers_site_idx` ON `triggers` (`site_id`);