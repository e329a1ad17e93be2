-- Monthly intake reports of townships (青政办〔2017〕86号 二(五)): reported by the township, approved by the county and
-- filed with the poverty office. One report per county, township and month; its submissions and history are
-- append-only.
CREATE TABLE intake_report (
    id           BIGSERIAL PRIMARY KEY,
    county       CHAR(6)     NOT NULL,
    township     TEXT        NOT NULL,
    month        DATE        NOT NULL,                 -- first day of the month reported
    status       TEXT        NOT NULL CHECK (status IN ('REPORT_SUBMITTED', 'REPORT_RETURNED', 'REPORT_FILED')),
    version      BIGINT      NOT NULL DEFAULT 1,       -- optimistic lock
    revision     INT         NOT NULL DEFAULT 1,
    contents     JSONB       NOT NULL,                 -- snapshot of the latest submission (IntakeReport JSON)
    request_id   VARCHAR(64) NOT NULL,                 -- of the latest submission
    submitted_by TEXT        NOT NULL,
    submitted_at TIMESTAMPTZ NOT NULL,
    approved_by  TEXT,
    filed_at     TIMESTAMPTZ,
    UNIQUE (county, township, month)
);
CREATE INDEX intake_report_county_month ON intake_report (county, month);

-- Every submission (idempotency key, payload hash, the snapshot as submitted). Append-only.
CREATE TABLE intake_report_submission (
    id           BIGSERIAL PRIMARY KEY,
    request_id   VARCHAR(64) NOT NULL UNIQUE,
    payload_hash CHAR(64)    NOT NULL,
    report_id    BIGINT      NOT NULL REFERENCES intake_report (id),
    revision     INT         NOT NULL,
    contents     JSONB       NOT NULL,
    submitted_by TEXT        NOT NULL,
    submitted_at TIMESTAMPTZ NOT NULL,
    UNIQUE (report_id, revision)
);
CREATE TRIGGER intake_report_submission_append_only BEFORE UPDATE OR DELETE ON intake_report_submission
    FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- Every step of a report with actor, time and note. Append-only.
CREATE TABLE intake_report_history (
    id          BIGSERIAL PRIMARY KEY,
    report_id   BIGINT      NOT NULL REFERENCES intake_report (id),
    sequence    INT         NOT NULL,
    action      TEXT        NOT NULL,
    from_status TEXT        NOT NULL,
    to_status   TEXT        NOT NULL,
    actor       TEXT        NOT NULL,
    at          TIMESTAMPTZ NOT NULL,
    note        TEXT        NOT NULL DEFAULT '',
    UNIQUE (report_id, sequence)
);
CREATE TRIGGER intake_report_history_append_only BEFORE UPDATE OR DELETE ON intake_report_history
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
