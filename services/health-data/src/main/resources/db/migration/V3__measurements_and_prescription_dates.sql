-- Structured measurements of a health-record entry (exported as LOINC-coded FHIR Observations), and the date a
-- prescription was written (FHIR MedicationRequest.authoredOn; NULL where it was not recorded: the export then
-- states no date rather than guessing one).
CREATE TABLE entry_measurement (
    entry_id  UUID           NOT NULL REFERENCES record_entry (id),
    kind      VARCHAR(32)    NOT NULL,
    value     NUMERIC(8, 2)  NOT NULL,
    PRIMARY KEY (entry_id, kind)
);

ALTER TABLE prescription ADD COLUMN prescribed_on DATE;
