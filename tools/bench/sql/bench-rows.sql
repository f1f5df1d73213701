/*---
{
  "id": "bench-rows",
  "title": "Bench: 100,000 rows",
  "description": "Benchmark-only report (never in sql/reports): up to 100,000 trips × 4 columns of mixed types, for result transport.",
  "groups": [],
  "parameters": [
    { "name": "seq", "kind": "integer", "label": "Sequence", "min": 0, "max": 1000000000, "default": 0 }
  ]
}
---*/
SELECT pickup_datetime, trip_distance, fare_amount, payment_type
  FROM nyc_yellow_taxi
 WHERE :seq::int8 >= 0
 LIMIT 100000
