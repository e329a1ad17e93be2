-- Core databases of 青政办〔2017〕80号 二(一)3: resident electronic health records, electronic medical records
-- (encounters), electronic prescriptions; consent; case reports; the audit hash chain.
-- platform_level: 1 = province, 2 = prefecture, 3 = county (二(一)2 three-level platform).

CREATE TABLE resident (
    id                  UUID PRIMARY KEY,
    request_id          VARCHAR(64)  NOT NULL UNIQUE,
    identity_number     CHAR(18)     NOT NULL UNIQUE,
    name                TEXT         NOT NULL,
    health_card_number  VARCHAR(32),
    sex                 CHAR(1)      NOT NULL CHECK (sex IN ('M', 'F')),
    birth_date          DATE         NOT NULL,
    region              CHAR(6)      NOT NULL,
    platform_level      SMALLINT     NOT NULL CHECK (platform_level BETWEEN 1 AND 3),
    quality             TEXT         NOT NULL DEFAULT '',   -- findings, one per line: code TAB field TAB message
    created_by          TEXT         NOT NULL,
    created_at          TIMESTAMPTZ  NOT NULL
);

CREATE TABLE record_entry (
    id              UUID PRIMARY KEY,
    request_id      VARCHAR(64)  NOT NULL UNIQUE,
    resident_id     UUID         NOT NULL REFERENCES resident (id),
    kind            VARCHAR(32)  NOT NULL,
    recorded_on     DATE         NOT NULL,
    summary         TEXT         NOT NULL,
    region          CHAR(6)      NOT NULL,
    platform_level  SMALLINT     NOT NULL,
    organisation    TEXT         NOT NULL,
    quality         TEXT         NOT NULL DEFAULT '',
    created_by      TEXT         NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL
);
CREATE INDEX record_entry_resident ON record_entry (resident_id, recorded_on);

-- sex and age_at_start are copied from the resident so open statistics need no join over a million rows.
CREATE TABLE encounter (
    id              UUID PRIMARY KEY,
    request_id      VARCHAR(64)    NOT NULL UNIQUE,
    resident_id     UUID           NOT NULL REFERENCES resident (id),
    encounter_type  VARCHAR(16)    NOT NULL,
    start_date      DATE           NOT NULL,
    end_date        DATE,
    region          CHAR(6)        NOT NULL,
    platform_level  SMALLINT       NOT NULL,
    organisation    TEXT           NOT NULL,
    diagnosis_code  VARCHAR(16)    NOT NULL,
    diagnosis_name  TEXT           NOT NULL,
    total_cost      NUMERIC(14, 2) NOT NULL CHECK (total_cost >= 0),
    self_paid       NUMERIC(14, 2) NOT NULL CHECK (self_paid >= 0),
    sex             CHAR(1)        NOT NULL,
    age_at_start    SMALLINT       NOT NULL,
    quality         TEXT           NOT NULL DEFAULT '',
    created_by      TEXT           NOT NULL,
    created_at      TIMESTAMPTZ    NOT NULL
);
CREATE INDEX encounter_resident ON encounter (resident_id, start_date);
CREATE INDEX encounter_start ON encounter (start_date);

CREATE TABLE prescription (
    id            UUID PRIMARY KEY,
    encounter_id  UUID         NOT NULL REFERENCES encounter (id),
    position      SMALLINT     NOT NULL,
    drug_code     VARCHAR(16)  NOT NULL,
    drug_name     TEXT         NOT NULL,
    dosage        TEXT         NOT NULL DEFAULT '',
    days          SMALLINT     NOT NULL,
    UNIQUE (encounter_id, position)
);

-- Consent is never deleted: a revocation stamps revoked_at/revoked_by, history stays.
CREATE TABLE consent (
    id            UUID PRIMARY KEY,
    request_id    VARCHAR(64)  NOT NULL UNIQUE,
    resident_id   UUID         NOT NULL REFERENCES resident (id),
    organisation  TEXT         NOT NULL,
    purpose       VARCHAR(32)  NOT NULL,
    valid_from    DATE         NOT NULL,
    valid_to      DATE,
    granted_by    TEXT         NOT NULL,
    granted_at    TIMESTAMPTZ  NOT NULL,
    revoked_by    TEXT,
    revoked_at    TIMESTAMPTZ,
    CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX consent_lookup ON consent (resident_id, organisation, purpose);

CREATE TABLE case_report (
    id               UUID PRIMARY KEY,
    request_id       VARCHAR(64)  NOT NULL UNIQUE,
    identity_number  CHAR(18)     NOT NULL,
    disease_code     VARCHAR(16)  NOT NULL,
    disease_category CHAR(3)      NOT NULL,
    classification   VARCHAR(16)  NOT NULL,
    onset_date       DATE         NOT NULL,
    diagnosis_date   DATE         NOT NULL,
    county           CHAR(6)      NOT NULL,
    reported_by      TEXT         NOT NULL,
    organisation     TEXT         NOT NULL,
    reported_at      TIMESTAMPTZ  NOT NULL
);
CREATE INDEX case_report_week ON case_report (diagnosis_date, county, disease_category);

-- The audit trail (二(四)12–13): append-only, hash-chained. hash = SHA-256(prev_hash || canonical content),
-- sequence numbers are dense (assigned under an advisory lock, not by a sequence) so a deleted row shows as a gap.
CREATE TABLE audit_event (
    sequence      BIGINT       PRIMARY KEY,
    at            TIMESTAMPTZ  NOT NULL,
    actor         TEXT         NOT NULL,
    roles         TEXT         NOT NULL,
    organisation  TEXT         NOT NULL,
    purpose       TEXT         NOT NULL,
    action        VARCHAR(16)  NOT NULL,
    resource      TEXT         NOT NULL,
    resource_id   TEXT         NOT NULL,
    resident_id   UUID,
    outcome       VARCHAR(8)   NOT NULL,
    detail        TEXT         NOT NULL,
    request_id    TEXT         NOT NULL,
    prev_hash     CHAR(64)     NOT NULL,
    hash          CHAR(64)     NOT NULL
);
CREATE INDEX audit_event_resident ON audit_event (resident_id, sequence) WHERE resident_id IS NOT NULL;

CREATE FUNCTION audit_event_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_event_no_update_or_delete
    BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
CREATE TRIGGER audit_event_no_truncate
    BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();
