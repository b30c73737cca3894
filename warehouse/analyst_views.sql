-- Analyst views: the README's questions as names. Applied on every open, after views.sql.
-- "Current" means the latest published edition of each partner's brief (briefs.is_current);
-- older editions stay in the contract tables for history. Amounts stay DECIMAL(18,2).

CREATE OR REPLACE VIEW current_briefs AS
SELECT * FROM briefs WHERE is_current;

CREATE OR REPLACE VIEW current_contributions AS
SELECT * FROM contributions WHERE brief_id IN (SELECT brief_id FROM current_briefs);

CREATE OR REPLACE VIEW current_projects AS
SELECT * FROM projects WHERE brief_id IN (SELECT brief_id FROM current_briefs);

CREATE OR REPLACE VIEW current_project_countries AS
SELECT * FROM project_countries WHERE brief_id IN (SELECT brief_id FROM current_briefs);

CREATE OR REPLACE VIEW current_project_funders AS
SELECT * FROM project_funders WHERE brief_id IN (SELECT brief_id FROM current_briefs);

CREATE OR REPLACE VIEW current_agencies AS
SELECT * FROM agencies WHERE brief_id IN (SELECT brief_id FROM current_briefs);

CREATE OR REPLACE VIEW current_priorities AS
SELECT * FROM priorities WHERE brief_id IN (SELECT brief_id FROM current_briefs);

CREATE OR REPLACE VIEW current_indicators AS
SELECT * FROM indicators WHERE brief_id IN (SELECT brief_id FROM current_briefs);

-- One row per stated contribution; amounts in different currencies are never added up.
CREATE OR REPLACE VIEW contributions_by_partner_period AS
SELECT b.partner, c.kind, c.currency, c.period_start, c.period_end, c.amount, c.qualifier
FROM current_contributions c JOIN current_briefs b USING (brief_id)
ORDER BY b.partner, c.period_start, c.kind, c.currency;

CREATE OR REPLACE VIEW projects_by_country AS
SELECT pc.iso3, pc.country, b.partner, p.project_id, p.title, p.start_year, p.end_year
FROM current_project_countries pc
JOIN current_projects p USING (project_id, brief_id)
JOIN current_briefs b USING (brief_id)
ORDER BY pc.iso3, p.start_year, b.partner, p.title;

-- Projects of current editions running in `year`; a project without years is never active.
CREATE OR REPLACE MACRO active_projects(year) AS TABLE
SELECT b.partner, p.project_id, p.title, p.start_year, p.end_year
FROM current_projects p JOIN current_briefs b USING (brief_id)
WHERE year BETWEEN p.start_year AND p.end_year
ORDER BY b.partner, p.start_year, p.title;
