CREATE TABLE `deactivated_members` (
	`site_id` text NOT NULL,
	`agent_id` text NOT NULL,
	`role` text NOT NULL,
	`max_chats` integer,
	`joined_at` integer NOT NULL,
	`deactivated_at` integer NOT NULL,
	`deactivated_by` text,
	PRIMARY KEY(`site_id`, `agent_id`),
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`agent_id`) REFERENCES `agents`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `deactivated_members_agent_idx` ON `deactivated_members` (`agent_id`);--> statement-breakpoint
CREATE TABLE `email_changes` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`agent_id` text NOT NULL,
	`new_email` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	FOREIGN KEY (`agent_id`) REFERENCES `agents`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `email_changes_agent_idx` ON `email_changes` (`agent_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `mail_outbox` (
	`id` text PRIMARY KEY NOT NULL,
	`site_id` text,
	`agent_id` text,
	`kind` text NOT NULL,
	`ref` text,
	`to_address` text NOT NULL,
	`subject` text NOT NULL,
	`text` text,
	`html` text,
	`headers` text DEFAULT '{}' NOT NULL,
	`message_id` text NOT NULL,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_response` text,
	`sending_until` integer,
	`next_attempt_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`sent_at` integer,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`agent_id`) REFERENCES `agents`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `mail_outbox_message_id_unique` ON `mail_outbox` (`message_id`);--> statement-breakpoint
CREATE INDEX `mail_outbox_site_idx` ON `mail_outbox` (`site_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `mail_outbox_agent_idx` ON `mail_outbox` (`agent_id`);--> statement-breakpoint
CREATE INDEX `mail_outbox_status_idx` ON `mail_outbox` (`status`,`created_at`);--> statement-breakpoint
CREATE TABLE `password_resets` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`agent_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	FOREIGN KEY (`agent_id`) REFERENCES `agents`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `password_resets_agent_idx` ON `password_resets` (`agent_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `site_installs` (
	`site_id` text NOT NULL,
	`origin` text NOT NULL,
	`first_seen_at` integer NOT NULL,
	PRIMARY KEY(`site_id`, `origin`),
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `agents` ADD `locale` text DEFAULT 'en' NOT NULL;