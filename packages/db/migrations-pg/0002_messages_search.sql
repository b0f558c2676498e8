-- Transcript search on PostgreSQL, normalised like SQLite's FTS5 (unicode61 remove_diacritics): a word
-- is a run of letters and digits (so emails and URLs split into words), compared case- and
-- accent-folded; phrases by phraseto_tsquery. Hand-written (drizzle-kit cannot declare a generated
-- tsvector over a function); the column is not in pg-schema.ts, as messages_fts is not in schema.ts.
-- unaccent is a trusted extension: the database owner may create it. It lives in `public` whatever
-- the schema Hearth's tables are in, so every schema of one database shares it.
CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public;
--> statement-breakpoint
-- Words are [[:alnum:]] runs, which know letters beyond ASCII only under a UTF-8 LC_CTYPE: refuse a
-- database where they would not (search would split "Zürich" in two).
DO $$ BEGIN
  IF NOT 'ü' ~ '^[[:alnum:]]$' OR lower('Ü') <> 'ü' THEN
    RAISE EXCEPTION 'Hearth needs a database with a UTF-8 LC_CTYPE (e.g. CREATE DATABASE hearth LC_CTYPE ''C.UTF-8'' LC_COLLATE ''C.UTF-8'' TEMPLATE template0)';
  END IF;
END $$;
--> statement-breakpoint
-- unaccent() is STABLE (its dictionary could change); a generated column needs IMMUTABLE, so this
-- wrapper names the dictionary explicitly and promises it will not.
CREATE OR REPLACE FUNCTION hearth_search_text(body text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN lower(public.unaccent('public.unaccent'::regdictionary, regexp_replace(body, '[^[:alnum:]]+', ' ', 'g')));
--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, hearth_search_text("body"))) STORED;
--> statement-breakpoint
CREATE INDEX "messages_search_idx" ON "messages" USING gin ("search");
