-- Facts of an approved case that the caseload simulation (SimulateCaseload) aggregates set-based, kept in columns so
-- a million cases are assessed by one SQL statement without reading the household JSON. Written when a case is
-- approved (CaseFacts); cases approved before this migration are filled in at startup (CaseFactsBackfill). They are
-- derived from the household as approved, never edited by hand.
ALTER TABLE dibao_case
    ADD COLUMN counted_income    NUMERIC,   -- yuan/year: incomes of counted types (二(二)), as approved
    ADD COLUMN rigid_expenditure NUMERIC,   -- yuan/year: Σ members' rigid expenditure, verified major illness included
    ADD COLUMN single_parent     BOOLEAN;

ALTER TABLE case_member
    ADD COLUMN birth_date       DATE,       -- from the identity number; ages are taken on the simulated month
    ADD COLUMN disability_grade SMALLINT,   -- 1..4 or NULL
    ADD COLUMN bedridden        BOOLEAN,
    ADD COLUMN fixed_income     BOOLEAN;
