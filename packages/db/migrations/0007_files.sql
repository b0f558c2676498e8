CREATE TABLE `file_blobs` (
	`key` text NOT NULL,
	`part` integer NOT NULL,
	`data` blob NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`key`, `part`)
);
--> statement-breakpoint
CREATE TABLE `files` (
	`id` text PRIMARY KEY NOT NULL,
	`site_id` text NOT NULL,
	`visitor_id` text NOT NULL,
	`conversation_id` text,
	`message_id` text,
	`uploader_type` text NOT NULL,
	`uploader_id` text NOT NULL,
	`name` text NOT NULL,
	`mime` text NOT NULL,
	`kind` text NOT NULL,
	`size` integer NOT NULL,
	`width` integer,
	`height` integer,
	`blob_key` text NOT NULL,
	`thumbnail_key` text,
	`created_at` integer NOT NULL,
	`attached_at` integer,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`visitor_id`) REFERENCES `visitors`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`conversation_id`) REFERENCES `conversations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `files_message_idx` ON `files` (`message_id`);--> statement-breakpoint
CREATE INDEX `files_conversation_idx` ON `files` (`conversation_id`);--> statement-breakpoint
CREATE INDEX `files_unattached_idx` ON `files` (`attached_at`,`created_at`);--> statement-breakpoint
CREATE INDEX `files_blob_idx` ON `files` (`blob_key`);--> statement-breakpoint
CREATE INDEX `files_thumbnail_idx` ON `files` (`thumbnail_key`);--> statement-breakpoint
ALTER TABLE `messages` ADD `attachments` text;