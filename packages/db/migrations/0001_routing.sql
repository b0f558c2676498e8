CREATE TABLE `agent_departments` (
	`agent_id` text NOT NULL,
	`department_id` text NOT NULL,
	PRIMARY KEY(`agent_id`, `department_id`),
	FOREIGN KEY (`agent_id`) REFERENCES `agents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `departments` (
	`id` text PRIMARY KEY NOT NULL,
	`site_id` text NOT NULL,
	`name` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `departments_site_name` ON `departments` (`site_id`,`name`);--> statement-breakpoint
ALTER TABLE `agents` ADD `status` text DEFAULT 'offline' NOT NULL;--> statement-breakpoint
ALTER TABLE `agents` ADD `status_reason` text;--> statement-breakpoint
ALTER TABLE `agents` ADD `last_assigned_at` integer;--> statement-breakpoint
ALTER TABLE `agents` ADD `consecutive_misses` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `conversations` ADD `department_id` text REFERENCES departments(id);--> statement-breakpoint
ALTER TABLE `conversations` ADD `queued_at` integer;--> statement-breakpoint
ALTER TABLE `conversations` ADD `assigned_at` integer;--> statement-breakpoint
ALTER TABLE `conversations` ADD `accepted_at` integer;--> statement-breakpoint
CREATE INDEX `conversations_queue_idx` ON `conversations` (`site_id`,`queued_at`);--> statement-breakpoint
CREATE INDEX `conversations_agent_load_idx` ON `conversations` (`assigned_agent_id`,`status`);--> statement-breakpoint
ALTER TABLE `memberships` ADD `max_chats` integer;