-- Views over the contract tables. Applied on every open, so they follow the tables.

-- Consecutive editions of each partner's brief, oldest first; NULL dates count as oldest.
CREATE OR REPLACE VIEW edition_pairs AS
SELECT partner,
       lag(brief_id) OVER w AS from_brief_id, brief_id AS to_brief_id,
       lag(published) OVER w AS from_published, published AS to_published
FROM briefs
WINDOW w AS (PARTITION BY partner ORDER BY published NULLS FIRST, ingested_at, brief_id)
QUALIFY lag(brief_id) OVER w IS NOT NULL;
