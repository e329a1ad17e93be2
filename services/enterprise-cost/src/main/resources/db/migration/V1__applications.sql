-- Subsidy applications (stable-job, R&D, start-up award, guarantee) and their append-only history.
CREATE TABLE application (
    id                      BIGSERIAL PRIMARY KEY,
    request_id              VARCHAR(64)    NOT NULL UNIQUE,   -- idempotency key: a retry returns this row
    kind                    VARCHAR(32)    NOT NULL,
    calculator_id           VARCHAR(64)    NOT NULL,
    enterprise_credit_code  VARCHAR(18)    NOT NULL DEFAULT '',
    applicant_name          VARCHAR(200)   NOT NULL,
    region                  CHAR(6)        NOT NULL,
    inputs_json             TEXT           NOT NULL,          -- calculator inputs as submitted, keys sorted
    claimed_amount          NUMERIC(16, 2) NOT NULL CHECK (claimed_amount >= 0),
    explanation             BYTEA          NOT NULL,          -- qinghai.common.v1.Explanation of the claimed amount
    status                  VARCHAR(16)    NOT NULL
        CHECK (status IN ('SUBMITTED', 'UNDER_REVIEW', 'APPROVED', 'REJECTED')),
    received_on             DATE           NOT NULL,
    due_on                  DATE           NOT NULL,
    due_provisional         BOOLEAN        NOT NULL,
    approved_amount         NUMERIC(16, 2) CHECK (approved_amount >= 0 AND approved_amount <= claimed_amount),
    decision_note           TEXT           NOT NULL DEFAULT '',
    decided_by              TEXT           NOT NULL DEFAULT '',
    decided_on              DATE,
    submitted_by            TEXT           NOT NULL,
    submitted_at            TIMESTAMPTZ    NOT NULL,
    version                 BIGINT         NOT NULL DEFAULT 1,
    CHECK ((status IN ('APPROVED', 'REJECTED')) = (decided_on IS NOT NULL)),
    CHECK ((status = 'APPROVED') = (approved_amount IS NOT NULL))
);
CREATE INDEX application_region_idx ON application (region, id DESC);
CREATE INDEX application_open_due_idx ON application (due_on) WHERE status IN ('SUBMITTED', 'UNDER_REVIEW');
CREATE INDEX application_submitter_idx ON application (submitted_by, id DESC);

CREATE TABLE application_event (
    id              BIGSERIAL PRIMARY KEY,
    application_id  BIGINT       NOT NULL REFERENCES application (id),
    status          VARCHAR(16)  NOT NULL,
    actor           TEXT         NOT NULL,
    at              TIMESTAMPTZ  NOT NULL,
    note            TEXT         NOT NULL DEFAULT ''
);
CREATE INDEX application_event_application_idx ON application_event (application_id, id);

CREATE FUNCTION application_event_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'application_event is append-only: % refused', TG_OP;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER application_event_no_update_or_delete
    BEFORE UPDATE OR DELETE ON application_event
    FOR EACH ROW EXECUTE FUNCTION application_event_append_only();
