ALTER TABLE `visitors` ADD `external_id` text;--> statement-breakpoint
CREATE UNIQUE INDEX `visitors_site_external_id` ON `visitors` (`site_id`,`external_id`);