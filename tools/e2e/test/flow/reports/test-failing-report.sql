/*---
{
  "id": "test-failing-report",
  "title": "Always fails (test only)",
  "description": "Reads a column that does not exist, so the warehouse fails the statement after accepting it.",
  "groups": [],
  "parameters": [
    { "name": "month", "kind": "month", "label": "Month", "min": "2015-01", "max": "2015-12", "default": "2015-01" }
  ]
}
---*/
SELECT no_such_column
  FROM nyc_yellow_taxi
 WHERE pickup_date >= to_date(:month, 'YYYY-MM')
