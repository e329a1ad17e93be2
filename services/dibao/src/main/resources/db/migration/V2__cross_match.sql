-- Members of every case by identity number, for set-based matching with the poverty registry (三(一)).
CREATE TABLE case_member (
    case_id   BIGINT   NOT NULL REFERENCES dibao_case (id),
    idx       INT      NOT NULL,
    id_number CHAR(18) NOT NULL,
    PRIMARY KEY (case_id, idx)
);
CREATE INDEX case_member_id_number ON case_member (id_number);
INSERT INTO case_member (case_id, idx, id_number)
SELECT c.id, (m.ordinality - 1)::int, m.value ->> 'idNumber'
FROM dibao_case c, jsonb_array_elements(c.household -> 'members') WITH ORDINALITY AS m(value, ordinality);

-- One import of the 建档立卡 roster; a completed import replaces the previous one's rows.
CREATE TABLE registry_import (
    id           BIGSERIAL PRIMARY KEY,
    imported_by  TEXT        NOT NULL,
    started_at   TIMESTAMPTZ NOT NULL,
    completed_at TIMESTAMPTZ,
    lines        BIGINT,
    accepted     BIGINT,
    rejected     BIGINT
);

-- Rows of the registry, loaded with COPY. No foreign key and no index during the load: indexes are built after.
CREATE TABLE registry_person (
    import_id BIGINT   NOT NULL,
    id_number CHAR(18) NOT NULL,
    name      TEXT     NOT NULL,
    county    CHAR(6)  NOT NULL
);
CREATE INDEX registry_person_import_id_number ON registry_person (import_id, id_number);
