-- Substring search (apps/server/src/store/search-fold.ts): text without spaces between words
-- (Japanese, Chinese, Thai) has no word boundaries for the tsvector of 0002, and unaccent folds
-- what it does not (ß → ss, ligatures). hearth_fold is the folded body; a pg_trgm GIN index over it
-- answers LIKE '%…%' for three characters and more (shorter substrings scan the site's messages).
-- pg_trgm is a trusted extension, in `public` like unaccent.
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION hearth_fold(body text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN lower(public.unaccent('public.unaccent'::regdictionary, body));
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "messages_fold_trgm_idx" ON "messages" USING gin (hearth_fold("body") public.gin_trgm_ops);
