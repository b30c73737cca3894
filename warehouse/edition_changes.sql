-- What changed between two editions of a partner's brief.
-- This is the body of a WITH clause: it reads a relation `edition_pairs(partner, from_brief_id,
-- to_brief_id, from_published, to_published)` defined before it (see views.sql and briefs diff).
-- Projects are matched by project_id, then by a tolerant title match (Jaro-Winkler >= 0.9) for
-- small rewordings; contributions by kind and currency; indicators by name.
project_facts AS (
    SELECT
        p.brief_id, p.project_id, p.title, p.start_year, p.end_year, p.page,
        CASE WHEN p.start_year IS NULL THEN NULL
             ELSE p.start_year::VARCHAR || '-' || p.end_year::VARCHAR END AS years,
        (SELECT string_agg(c.iso3, ', ' ORDER BY c.iso3) FROM project_countries c
          WHERE c.project_id = p.project_id AND c.brief_id = p.brief_id) AS countries,
        (SELECT string_agg(f.agency, ', ' ORDER BY f.agency) FROM project_funders f
          WHERE f.project_id = p.project_id AND f.brief_id = p.brief_id) AS funders
    FROM projects p
),
old_projects AS (
    SELECT e.*, p.* EXCLUDE (brief_id) FROM edition_pairs e JOIN project_facts p ON p.brief_id = e.from_brief_id
),
new_projects AS (
    SELECT e.*, p.* EXCLUDE (brief_id) FROM edition_pairs e JOIN project_facts p ON p.brief_id = e.to_brief_id
),
same_id AS (
    SELECT o.from_brief_id, o.to_brief_id, o.project_id AS old_id, n.project_id AS new_id
    FROM old_projects o JOIN new_projects n USING (from_brief_id, to_brief_id, project_id)
),
similar_title AS (
    SELECT o.from_brief_id, o.to_brief_id, o.project_id AS old_id, n.project_id AS new_id
    FROM old_projects o JOIN new_projects n USING (from_brief_id, to_brief_id)
    WHERE NOT EXISTS (SELECT 1 FROM same_id s WHERE s.from_brief_id = o.from_brief_id
                        AND s.to_brief_id = o.to_brief_id AND s.old_id = o.project_id)
      AND NOT EXISTS (SELECT 1 FROM same_id s WHERE s.from_brief_id = o.from_brief_id
                        AND s.to_brief_id = o.to_brief_id AND s.new_id = n.project_id)
      AND jaro_winkler_similarity(lower(o.title), lower(n.title)) >= 0.9
    QUALIFY row_number() OVER (PARTITION BY o.from_brief_id, o.to_brief_id, o.project_id
                               ORDER BY jaro_winkler_similarity(lower(o.title), lower(n.title)) DESC) = 1
),
matched AS (SELECT * FROM same_id UNION ALL SELECT * FROM similar_title),
project_changes AS (
    SELECT o.partner, o.from_published, o.to_published, o.from_brief_id, o.to_brief_id,
           'project' AS entity, 'changed' AS change, n.title AS item, f.field, f.old_value, f.new_value,
           o.title AS old_evidence, o.page AS old_page, n.title AS new_evidence, n.page AS new_page
    FROM matched m
    JOIN old_projects o ON o.from_brief_id = m.from_brief_id AND o.to_brief_id = m.to_brief_id AND o.project_id = m.old_id
    JOIN new_projects n ON n.from_brief_id = m.from_brief_id AND n.to_brief_id = m.to_brief_id AND n.project_id = m.new_id
    CROSS JOIN LATERAL (VALUES
        ('title', o.title, n.title),
        ('years', o.years, n.years),
        ('countries', o.countries, n.countries),
        ('funders', o.funders, n.funders)
    ) AS f(field, old_value, new_value)
    WHERE f.old_value IS DISTINCT FROM f.new_value
    UNION ALL
    SELECT o.partner, o.from_published, o.to_published, o.from_brief_id, o.to_brief_id,
           'project', 'dropped', o.title, NULL, o.years, NULL, o.title, o.page, NULL, NULL
    FROM old_projects o
    WHERE NOT EXISTS (SELECT 1 FROM matched m WHERE m.from_brief_id = o.from_brief_id
                        AND m.to_brief_id = o.to_brief_id AND m.old_id = o.project_id)
    UNION ALL
    SELECT n.partner, n.from_published, n.to_published, n.from_brief_id, n.to_brief_id,
           'project', 'added', n.title, NULL, NULL, n.years, NULL, NULL, n.title, n.page
    FROM new_projects n
    WHERE NOT EXISTS (SELECT 1 FROM matched m WHERE m.from_brief_id = n.from_brief_id
                        AND m.to_brief_id = n.to_brief_id AND m.new_id = n.project_id)
),
contribution_facts AS (
    SELECT brief_id, kind, currency, page, evidence,
           currency || ' ' || amount::VARCHAR || ' (' || qualifier || ', '
             || coalesce(period_start::VARCHAR || '-' || period_end::VARCHAR, 'no period') || ')' AS stated,
           row_number() OVER (PARTITION BY brief_id, kind, currency ORDER BY period_start NULLS LAST, amount) AS nth
    FROM contributions
),
contribution_changes AS (
    SELECT coalesce(o.partner, n.partner), coalesce(o.from_published, n.from_published),
           coalesce(o.to_published, n.to_published), coalesce(o.from_brief_id, n.from_brief_id),
           coalesce(o.to_brief_id, n.to_brief_id), 'contribution',
           CASE WHEN o.kind IS NULL THEN 'added' WHEN n.kind IS NULL THEN 'dropped' ELSE 'changed' END,
           coalesce(n.kind, o.kind), 'amount and period', o.stated, n.stated, o.evidence, o.page, n.evidence, n.page
    FROM (SELECT * FROM contribution_facts f JOIN edition_pairs p ON f.brief_id = p.from_brief_id) o
    FULL OUTER JOIN (SELECT * FROM contribution_facts f JOIN edition_pairs p ON f.brief_id = p.to_brief_id) n
      ON n.from_brief_id = o.from_brief_id AND n.to_brief_id = o.to_brief_id
     AND n.kind = o.kind AND n.currency = o.currency AND n.nth = o.nth
    WHERE o.stated IS DISTINCT FROM n.stated
),
indicator_facts AS (
    SELECT i.brief_id, i.name, i.page, i.evidence,
           i.value::VARCHAR || coalesce(' (' || i.year::VARCHAR || ')', '') AS stated
    FROM indicators i
),
indicator_changes AS (
    SELECT coalesce(o.partner, n.partner), coalesce(o.from_published, n.from_published),
           coalesce(o.to_published, n.to_published), coalesce(o.from_brief_id, n.from_brief_id),
           coalesce(o.to_brief_id, n.to_brief_id), 'indicator',
           CASE WHEN o.name IS NULL THEN 'added' WHEN n.name IS NULL THEN 'dropped' ELSE 'changed' END,
           coalesce(n.name, o.name), 'value', o.stated, n.stated, o.evidence, o.page, n.evidence, n.page
    FROM (SELECT * FROM indicator_facts f JOIN edition_pairs p ON f.brief_id = p.from_brief_id) o
    FULL OUTER JOIN (SELECT * FROM indicator_facts f JOIN edition_pairs p ON f.brief_id = p.to_brief_id) n
      ON n.from_brief_id = o.from_brief_id AND n.to_brief_id = o.to_brief_id AND n.name = o.name
    WHERE o.stated IS DISTINCT FROM n.stated
),
ratification AS (
    SELECT s.brief_id, s.page_start AS page,
           regexp_extract(s.body, '[^.]*\bratified[^.]*\.') AS evidence
    FROM sections s
    WHERE regexp_matches(s.body, '\bratified\b')
    QUALIFY row_number() OVER (PARTITION BY s.brief_id ORDER BY s.ordinal) = 1
),
convention_changes AS (
    SELECT e.partner, e.from_published, e.to_published, e.from_brief_id, e.to_brief_id,
           'conventions', 'changed', f.field, f.field, f.old_value::VARCHAR, f.new_value::VARCHAR,
           ro.evidence, ro.page, rn.evidence, rn.page
    FROM edition_pairs e
    JOIN briefs o ON o.brief_id = e.from_brief_id
    JOIN briefs n ON n.brief_id = e.to_brief_id
    LEFT JOIN ratification ro ON ro.brief_id = e.from_brief_id
    LEFT JOIN ratification rn ON rn.brief_id = e.to_brief_id
    CROSS JOIN LATERAL (VALUES
        ('conventions_ratified', o.conventions_ratified, n.conventions_ratified),
        ('fundamental_conventions', o.fundamental_conventions, n.fundamental_conventions),
        ('governance_conventions', o.governance_conventions, n.governance_conventions),
        ('technical_conventions', o.technical_conventions, n.technical_conventions),
        ('protocols_ratified', o.protocols_ratified, n.protocols_ratified)
    ) AS f(field, old_value, new_value)
    WHERE f.old_value IS DISTINCT FROM f.new_value
)
SELECT * FROM project_changes
UNION ALL SELECT * FROM contribution_changes
UNION ALL SELECT * FROM indicator_changes
UNION ALL SELECT * FROM convention_changes
