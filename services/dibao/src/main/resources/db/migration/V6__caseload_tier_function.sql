-- 按档补助 for the caseload simulation (CaseloadSimulationQuery), the same model as TieredPayment: the first tier whose
-- upper bound (NULL = open-ended) the per-capita annual gap does not exceed pays its amount per person a month.
-- A function marked PARALLEL SAFE, so the simulation's statement can still run in parallel workers (a correlated
-- subquery in its place cannot).
CREATE FUNCTION dibao_tier_amount(gap NUMERIC, bounds NUMERIC[], amounts NUMERIC[]) RETURNS NUMERIC
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$
SELECT amounts[i] FROM generate_subscripts(bounds, 1) AS i WHERE bounds[i] IS NULL OR gap <= bounds[i] ORDER BY i LIMIT 1
$$;
