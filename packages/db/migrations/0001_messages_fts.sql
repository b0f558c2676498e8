-- Full-text search over message bodies (issue 5). drizzle-kit cannot declare virtual tables, so this
-- migration is hand-written. External-content FTS5: the index stores only tokens and points back at
-- messages.rowid; the triggers keep it in step inside the inserting transaction.
CREATE VIRTUAL TABLE `messages_fts` USING fts5(body, content='messages', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE TRIGGER `messages_fts_ai` AFTER INSERT ON `messages` BEGIN
  INSERT INTO messages_fts(rowid, body) VALUES (new.rowid, new.body);
END;
--> statement-breakpoint
CREATE TRIGGER `messages_fts_ad` AFTER DELETE ON `messages` BEGIN
  INSERT INTO messages_fts(messages_fts, rowid, body) VALUES ('delete', old.rowid, old.body);
END;
--> statement-breakpoint
CREATE TRIGGER `messages_fts_au` AFTER UPDATE OF body ON `messages` BEGIN
  INSERT INTO messages_fts(messages_fts, rowid, body) VALUES ('delete', old.rowid, old.body);
  INSERT INTO messages_fts(rowid, body) VALUES (new.rowid, new.body);
END;
--> statement-breakpoint
-- Backfill: index the messages written before this migration.
INSERT INTO messages_fts(messages_fts) VALUES ('rebuild');
