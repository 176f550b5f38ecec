-- expected: the bodies expected to report (dl_expected_raw, e.g. from a manifest), one row per year and body key.
SELECT year, body_key, MAX(org) AS org, MAX(province) AS province, MAX(city) AS city, MAX(county) AS county
FROM dl_expected_raw
WHERE year IS NOT NULL AND body_key IS NOT NULL
GROUP BY year, body_key
