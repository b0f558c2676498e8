CREATE TABLE `csat_ratings` (
	`conversation_id` text PRIMARY KEY NOT NULL,
	`site_id` text NOT NULL,
	`visitor_id` text NOT NULL,
	`agent_id` text,
	`score` integer NOT NULL,
	`ces` integer,
	`comment` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`conversation_id`) REFERENCES `conversations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `csat_ratings_site_idx` ON `csat_ratings` (`site_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `csat_ratings_agent_idx` ON `csat_ratings` (`agent_id`);