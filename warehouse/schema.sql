-- Warehouse tables of CONTRACT.md. Applied on every open, so every statement
-- is idempotent. Keys mirror the uniqueness the Pandera models check, so a
-- parser bug that slips past validation still cannot load a brief twice.
-- No FOREIGN KEYs: DuckDB rejects updates of rows that others reference, and
-- loader.py updates briefs.is_current; validation checks the references.

CREATE TABLE IF NOT EXISTS briefs (
    brief_id                VARCHAR PRIMARY KEY,
    sha256                  VARCHAR NOT NULL UNIQUE,
    source_file             VARCHAR,
    partner                 VARCHAR NOT NULL,
    partner_iso3            VARCHAR,
    title                   VARCHAR,
    published               DATE,
    page_count              INTEGER,
    conventions_ratified    INTEGER,
    fundamental_conventions INTEGER,
    governance_conventions  INTEGER,
    technical_conventions   INTEGER,
    protocols_ratified      INTEGER,
    contact_email           VARCHAR,
    contact_phone           VARCHAR,
    ingested_at             TIMESTAMP NOT NULL,
    run_id                  VARCHAR NOT NULL,
    is_current              BOOLEAN NOT NULL
);

CREATE TABLE IF NOT EXISTS contributions (
    brief_id     VARCHAR NOT NULL,
    kind         VARCHAR NOT NULL,
    amount       DECIMAL(18, 2) NOT NULL,
    currency     VARCHAR NOT NULL,
    qualifier    VARCHAR NOT NULL,
    period_start INTEGER,
    period_end   INTEGER,
    page         INTEGER,
    evidence     VARCHAR
);

CREATE TABLE IF NOT EXISTS indicators (
    brief_id VARCHAR NOT NULL,
    name     VARCHAR NOT NULL,
    value    DOUBLE NOT NULL,
    year     INTEGER,
    page     INTEGER,
    evidence VARCHAR
);

CREATE TABLE IF NOT EXISTS projects (
    project_id  VARCHAR NOT NULL,
    brief_id    VARCHAR NOT NULL,
    title       VARCHAR NOT NULL,
    start_year  INTEGER,
    end_year    INTEGER,
    description VARCHAR,
    page        INTEGER,
    PRIMARY KEY (project_id, brief_id)
);

CREATE TABLE IF NOT EXISTS project_countries (
    project_id VARCHAR NOT NULL,
    brief_id   VARCHAR NOT NULL,
    iso3       VARCHAR NOT NULL,
    country    VARCHAR,
    PRIMARY KEY (project_id, brief_id, iso3)
);

CREATE TABLE IF NOT EXISTS project_funders (
    project_id VARCHAR NOT NULL,
    brief_id   VARCHAR NOT NULL,
    agency     VARCHAR NOT NULL,
    PRIMARY KEY (project_id, brief_id, agency)
);

CREATE TABLE IF NOT EXISTS agencies (
    brief_id VARCHAR NOT NULL,
    name     VARCHAR NOT NULL,
    acronym  VARCHAR,
    kind     VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS priorities (
    brief_id VARCHAR NOT NULL,
    ordinal  INTEGER NOT NULL,
    text     VARCHAR NOT NULL,
    PRIMARY KEY (brief_id, ordinal)
);

CREATE TABLE IF NOT EXISTS sections (
    brief_id   VARCHAR NOT NULL,
    ordinal    INTEGER NOT NULL,
    heading    VARCHAR,
    body       VARCHAR,
    page_start INTEGER,
    page_end   INTEGER,
    PRIMARY KEY (brief_id, ordinal)
);

-- Operations: what each run saw and decided.

CREATE TABLE IF NOT EXISTS ingest_runs (
    run_id      VARCHAR PRIMARY KEY,
    started_at  TIMESTAMP NOT NULL,
    finished_at TIMESTAMP,
    status      VARCHAR NOT NULL,  -- 'running' until finish_run sets the outcome
    files_seen  INTEGER,
    loaded      INTEGER,
    unchanged   INTEGER,
    quarantined INTEGER
);

CREATE TABLE IF NOT EXISTS ingest_files (
    run_id      VARCHAR NOT NULL,
    source_file VARCHAR NOT NULL,
    sha256      VARCHAR,
    status      VARCHAR NOT NULL,  -- loaded | unchanged | quarantined
    reason      VARCHAR,           -- in words, why the file was not loaded
    seconds     DOUBLE,
    -- additions: what the file turned out to be, when it got that far
    brief_id    VARCHAR,
    partner     VARCHAR,
    published   DATE,
    rows        INTEGER,           -- rows loaded across all brief tables
    extraction  VARCHAR            -- text | ocr | text+ocr: how the words were read
);

CREATE TABLE IF NOT EXISTS quality_checks (
    run_id      VARCHAR NOT NULL,
    brief_id    VARCHAR,
    table_name  VARCHAR NOT NULL,
    check_name  VARCHAR NOT NULL,
    column_name VARCHAR,
    failures    INTEGER NOT NULL,
    severity    VARCHAR NOT NULL,  -- error | warning
    example     VARCHAR
);
