-- Open statistics read a pre-aggregated cube instead of scanning every encounter: counts per place, sex, 5-year age
-- group, ICD-10 category and month, kept up to date in the same transaction as each encounter insert. Any
-- aligned band (age bands on multiples of 5, whole months, three-character disease prefixes) is a sum of cube cells;
-- other filters fall back to the encounter table.
CREATE TABLE encounter_count (
    region      CHAR(6)   NOT NULL,
    sex         CHAR(1)   NOT NULL,
    age_group   SMALLINT  NOT NULL,   -- lower bound of the 5-year group: 0, 5, 10, ...
    disease     CHAR(3)   NOT NULL,   -- ICD-10 category
    month       DATE      NOT NULL,   -- first day of the month of start_date
    encounters  BIGINT    NOT NULL CHECK (encounters >= 0),
    PRIMARY KEY (region, sex, age_group, disease, month)
);

INSERT INTO encounter_count (region, sex, age_group, disease, month, encounters)
SELECT region, sex, (age_at_start / 5) * 5, substr(diagnosis_code, 1, 3), date_trunc('month', start_date)::date, count(*)
FROM encounter GROUP BY 1, 2, 3, 4, 5;
