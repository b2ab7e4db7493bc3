-- Uptake aggregates: the counts `hta uptake` computes its metrics from (docs/uptake-aggregates.md).
--
-- Runs on any SQL engine with GROUPING SETS (PostgreSQL, SQL Server, Oracle, Spark SQL, Trino,
-- DuckDB). It reads two relations the caller provides:
--
--   uptake_referrals  one row per valid referral:
--     region       text, NOT NULL   the region as the eligible file names it
--     clinic       text, NOT NULL   the clinic code
--     referred     DATE, NOT NULL
--     activated    DATE             NULL: not activated
--     last_active  DATE             NULL for an activated patient: active on the activation day only
--     age          INTEGER          whole years, NULL: unknown
--     sex          text, NOT NULL   'female', 'male' or 'unknown'
--     referrer     text, NOT NULL   'gp', 'physio', 'chiro' or 'other'
--   uptake_export     one row: export_date DATE (the censoring date for retention)
--
-- and returns four tables, each statement below one of them (`-- table: <name>`). Every count is
-- additive: the tables of several regions, summed row by row over their keys, are the tables of
-- the whole country (as long as they share the export date). That is why the days from referral
-- to activation come as a histogram (one row per whole number of days) and not as a median.
--
-- The one expression that is not standard SQL is the number of days between two dates,
-- written `activated - referred` (PostgreSQL, DuckDB, Oracle); the retention flags use it too
-- (days from activation to the export date, and to the last activity). Elsewhere write it
-- DATEDIFF(day, referred, activated) (SQL Server), datediff(activated, referred) (Spark SQL) or
-- date_diff('day', referred, activated) (Trino).

-- table: uptake_cells
-- One row per metric cell and days-to-activation (delay_days NULL: referrals not activated).
-- A NULL key column means "all of them": region NULL is the whole country; ref_year NULL is
-- the whole export; ref_month NULL is the whole year; age_band, sex and referrer NULL mean the
-- row is not broken down by that characteristic (at most one of the three is set).
-- The referrals are first counted per combination of every key (`finest`, a few thousand rows
-- however many referrals), and the grouping sets then add those counts up: the same sums,
-- without reading every referral eighteen times.
WITH referral AS (
  SELECT
    r.region,
    EXTRACT(YEAR FROM r.referred) AS ref_year,
    EXTRACT(MONTH FROM r.referred) AS ref_month,
    -- (hta uptake replaces this CASE when the export gives age bands instead of ages:
    -- docs/input-registry.md "Age bands". Here, as sent by a region, age is whole years.)
    CASE
      WHEN r.age IS NULL THEN 'unknown'
      WHEN r.age < 18 THEN '<18'
      WHEN r.age < 30 THEN '18-29'
      WHEN r.age < 45 THEN '30-44'
      WHEN r.age < 60 THEN '45-59'
      WHEN r.age < 75 THEN '60-74'
      ELSE '75+'
    END AS age_band,
    r.sex,
    r.referrer,
    r.activated - r.referred AS delay_days,
    -- At risk at 4 (12) weeks: activated at least 28 (84) days before the export date. (Whole
    -- days between dates rather than date + INTERVAL: the same expression as delay_days, and
    -- in DuckDB a fifth cheaper than building timestamps.)
    CASE WHEN e.export_date - r.activated >= 28 THEN 1 ELSE 0 END AS at_risk_4w,
    CASE WHEN e.export_date - r.activated >= 84 THEN 1 ELSE 0 END AS at_risk_12w,
    -- Retained: at risk, and last active at least 28 (84) days after activation.
    CASE WHEN e.export_date - r.activated >= 28
          AND COALESCE(r.last_active, r.activated) - r.activated >= 28 THEN 1 ELSE 0 END AS retained_4w,
    CASE WHEN e.export_date - r.activated >= 84
          AND COALESCE(r.last_active, r.activated) - r.activated >= 84 THEN 1 ELSE 0 END AS retained_12w
  FROM uptake_referrals r
  CROSS JOIN uptake_export e
),
finest AS (
  SELECT
    region, ref_year, ref_month, age_band, sex, referrer, delay_days,
    COUNT(*) AS referrals,
    COUNT(delay_days) AS activations,
    SUM(at_risk_4w) AS at_risk_4w,
    SUM(retained_4w) AS retained_4w,
    SUM(at_risk_12w) AS at_risk_12w,
    SUM(retained_12w) AS retained_12w
  FROM referral
  GROUP BY region, ref_year, ref_month, age_band, sex, referrer, delay_days
)
SELECT
  region, ref_year, ref_month, age_band, sex, referrer, delay_days,
  SUM(referrals) AS referrals,
  SUM(activations) AS activations,
  SUM(at_risk_4w) AS at_risk_4w,
  SUM(retained_4w) AS retained_4w,
  SUM(at_risk_12w) AS at_risk_12w,
  SUM(retained_12w) AS retained_12w
FROM finest
GROUP BY GROUPING SETS (
  (region, delay_days), (region, ref_year, delay_days), (region, ref_year, ref_month, delay_days),
  (region, age_band, delay_days), (region, ref_year, age_band, delay_days),
  (region, sex, delay_days), (region, ref_year, sex, delay_days),
  (region, referrer, delay_days), (region, ref_year, referrer, delay_days),
  (delay_days), (ref_year, delay_days), (ref_year, ref_month, delay_days),
  (age_band, delay_days), (ref_year, age_band, delay_days),
  (sex, delay_days), (ref_year, sex, delay_days),
  (referrer, delay_days), (ref_year, referrer, delay_days)
);

-- table: uptake_clinics
-- Referrals and activations per clinic (a code is a clinic within its region).
SELECT region, clinic, COUNT(*) AS referrals, COUNT(activated) AS activations
FROM uptake_referrals
GROUP BY region, clinic;

-- table: uptake_activation_years
-- Activations by the calendar year of the ACTIVATION date, per region and (region NULL) for
-- the whole country: what budget impact and uptake per eligible count.
WITH activation AS (
  SELECT region, EXTRACT(YEAR FROM activated) AS act_year
  FROM uptake_referrals
  WHERE activated IS NOT NULL
)
SELECT region, act_year, COUNT(*) AS activations
FROM activation
GROUP BY GROUPING SETS ((region, act_year), (act_year));

-- table: uptake_totals
-- The number of referrals read and the export date the retention counts are censored at.
SELECT e.export_date, COUNT(r.referred) AS referrals
FROM uptake_export e
LEFT JOIN uptake_referrals r ON 1 = 1
GROUP BY e.export_date;
