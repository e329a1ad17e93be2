-- Enterprise investment-project approvals on the 15-working-day clock (青政〔2017〕42号 八(四), 43号 一(一)):
-- the project as received, and its append-only approval history (received, each approving step, decided).
CREATE TABLE investment_project (
    id                      BIGSERIAL PRIMARY KEY,
    request_id              VARCHAR(64)    NOT NULL UNIQUE,   -- idempotency key: a retry returns this row
    project_code            VARCHAR(64)    NOT NULL,
    project_name            VARCHAR(200)   NOT NULL,
    enterprise_credit_code  VARCHAR(18)    NOT NULL,
    region                  CHAR(6)        NOT NULL,
    lead_department         VARCHAR(100)   NOT NULL,
    current_department      VARCHAR(100)   NOT NULL,
    status                  VARCHAR(16)    NOT NULL
        CHECK (status IN ('IN_APPROVAL', 'PROJECT_APPROVED', 'PROJECT_REFUSED')),
    received_on             DATE           NOT NULL,
    due_on                  DATE           NOT NULL CHECK (due_on > received_on),
    due_provisional         BOOLEAN        NOT NULL,
    working_days_limit      INTEGER        NOT NULL CHECK (working_days_limit > 0),
    decided_on              DATE           CHECK (decided_on >= received_on),
    decision_note           TEXT           NOT NULL DEFAULT '',
    registered_by           TEXT           NOT NULL,
    registered_at           TIMESTAMPTZ    NOT NULL,
    version                 BIGINT         NOT NULL DEFAULT 1,
    CHECK ((status = 'IN_APPROVAL') = (decided_on IS NULL))
);
CREATE INDEX investment_project_open_due_idx ON investment_project (due_on) WHERE status = 'IN_APPROVAL';

CREATE TABLE investment_project_step (
    id            BIGSERIAL PRIMARY KEY,
    project_id    BIGINT        NOT NULL REFERENCES investment_project (id),
    kind          VARCHAR(16)   NOT NULL CHECK (kind IN ('RECEIVED', 'STEP', 'DECIDED')),
    step_name     VARCHAR(100)  NOT NULL,
    department    VARCHAR(100)  NOT NULL,
    on_date       DATE          NOT NULL,
    actor         TEXT          NOT NULL,
    recorded_at   TIMESTAMPTZ   NOT NULL,
    note          TEXT          NOT NULL DEFAULT ''
);
CREATE INDEX investment_project_step_project_idx ON investment_project_step (project_id, id);

CREATE FUNCTION investment_project_step_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'investment_project_step is append-only: % refused', TG_OP;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER investment_project_step_no_update_or_delete
    BEFORE UPDATE OR DELETE ON investment_project_step
    FOR EACH ROW EXECUTE FUNCTION investment_project_step_append_only();
