-- 青政办〔2017〕93号 附件2: the key projects. Seeded at start-up from seed/projects.csv (SeedLoader), never edited
-- afterwards. Amounts exact in yuan.
CREATE TABLE project (
    id                      BIGINT         PRIMARY KEY,          -- 1..117 in document order for the seed
    programme               TEXT           NOT NULL,
    category                TEXT           NOT NULL,
    seq                     INT            NOT NULL CHECK (seq > 0),
    name                    TEXT           NOT NULL,
    owner                   TEXT           NOT NULL,
    planned_investment_yi   TEXT           NOT NULL,             -- as printed, e.g. '0.0079'
    planned_investment_yuan NUMERIC(18, 2) NOT NULL CHECK (planned_investment_yuan >= 0),
    repairs                 TEXT           NOT NULL DEFAULT '',  -- ';'-separated repair ids
    synthetic               BOOLEAN        NOT NULL DEFAULT FALSE, -- benchmark rows only, never seeded
    UNIQUE (category, seq)
);
CREATE INDEX project_owner ON project (owner);

-- Which seed is loaded: a start-up with a different seed checksum refuses to run (data is never silently replaced).
CREATE TABLE seed_load (
    name      TEXT        PRIMARY KEY,
    checksum  TEXT        NOT NULL,
    rows      INT         NOT NULL,
    loaded_at TIMESTAMPTZ NOT NULL
);

-- Monthly progress reports (实施方案 四(四)). Append-only: a later report for the same project and month is a new
-- revision; the highest revision is the month's effective report.
CREATE TABLE progress_report (
    id                         BIGSERIAL      PRIMARY KEY,
    request_id                 VARCHAR(64)    NOT NULL UNIQUE,   -- idempotency key
    project_id                 BIGINT         NOT NULL REFERENCES project (id),
    month                      DATE           NOT NULL CHECK (EXTRACT(DAY FROM month) = 1),
    revision                   INT            NOT NULL CHECK (revision > 0),
    cumulative_investment_yuan NUMERIC(18, 2) NOT NULL CHECK (cumulative_investment_yuan >= 0),
    status                     TEXT           NOT NULL,
    physical_progress_percent  NUMERIC(5, 2)  NOT NULL CHECK (physical_progress_percent BETWEEN 0 AND 100),
    note                       TEXT           NOT NULL DEFAULT '',
    correction_reason          TEXT           NOT NULL DEFAULT '',
    correction                 BOOLEAN        NOT NULL,
    beyond_plan                BOOLEAN        NOT NULL,
    late                       BOOLEAN        NOT NULL,
    reported_by                TEXT           NOT NULL,
    reported_at                TIMESTAMPTZ    NOT NULL,
    UNIQUE (project_id, month, revision)
);
CREATE INDEX progress_report_latest ON progress_report (project_id, month DESC, revision DESC);
CREATE INDEX progress_report_month ON progress_report (month);

-- Monthly actuals of the 附件4 indicators (kind INDICATOR) and the 附件1 consumption tree (kind CONSUMPTION).
-- Append-only like progress_report.
CREATE TABLE actual_value (
    id          BIGSERIAL      PRIMARY KEY,
    request_id  VARCHAR(64)    NOT NULL UNIQUE,
    kind        TEXT           NOT NULL CHECK (kind IN ('INDICATOR', 'CONSUMPTION')),
    subject_id  TEXT           NOT NULL,                         -- indicator id or consumption node id
    month       DATE           NOT NULL CHECK (EXTRACT(DAY FROM month) = 1),
    revision    INT            NOT NULL CHECK (revision > 0),
    value       NUMERIC(20, 4) NOT NULL CHECK (value >= 0),
    note        TEXT           NOT NULL DEFAULT '',
    recorded_by TEXT           NOT NULL,
    recorded_at TIMESTAMPTZ    NOT NULL,
    UNIQUE (kind, subject_id, month, revision)
);

CREATE FUNCTION refuse_rewrite() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER progress_report_append_only BEFORE UPDATE OR DELETE ON progress_report
    FOR EACH ROW EXECUTE FUNCTION refuse_rewrite();
CREATE TRIGGER actual_value_append_only BEFORE UPDATE OR DELETE ON actual_value
    FOR EACH ROW EXECUTE FUNCTION refuse_rewrite();
