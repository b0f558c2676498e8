-- hearth_json(text): the document as jsonb, or NULL when it does not parse. For settings documents
-- read inside bulk statements (the inactivity sweep over every site): one corrupt document must
-- not fail the statement for all the others. (Event data, always written by the server, is cast
-- with ::jsonb directly: cheaper, and a failure there is a bug to see.)
CREATE OR REPLACE FUNCTION hearth_json(doc text) RETURNS jsonb
  LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
AS $$
BEGIN
  RETURN doc::jsonb;
EXCEPTION WHEN others THEN
  RETURN NULL;
END
$$;
