/*---
{
  "id": "fare-by-distance-band",
  "title": "Fare by distance band",
  "description": "Average fare and total paid for trips grouped into distance bands of a chosen width, in one month.",
  "groups": [],
  "parameters": [
    { "name": "month", "kind": "month", "label": "Month", "min": "2015-01", "max": "2015-12", "default": "2015-01" },
    { "name": "band_miles", "kind": "integer", "label": "Band width (miles)", "min": 1, "max": 10, "default": 1 },
    { "name": "max_miles", "kind": "number", "label": "Longest trip (miles)", "min": 0.5, "max": 100, "default": 30,
      "description": "Longer trips are left out (they are mostly data errors)." }
  ],
  "chart": { "type": "bar", "x": "band_start_miles", "y": ["avg_fare", "avg_total"], "title": "Average fare by distance" }
}
---*/
SELECT (floor(trip_distance / :band_miles::int4) * :band_miles::int4)::int8 AS band_start_miles,
       count(*)::int8 AS trips,
       round(avg(fare_amount), 2)::float8 AS avg_fare,
       round(avg(total_amount), 2)::float8 AS avg_total
  FROM nyc_yellow_taxi
 WHERE pickup_date BETWEEN to_date(:month, 'YYYY-MM') AND last_day(to_date(:month, 'YYYY-MM'))
   AND trip_distance > 0
   AND trip_distance <= :max_miles::float8
 GROUP BY 1
 ORDER BY 1
