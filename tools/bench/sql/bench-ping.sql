/*---
{
  "id": "bench-ping",
  "title": "Bench: ping",
  "description": "Benchmark-only report (never in sql/reports): one row, no table scan, engine time well under 1 ms.",
  "groups": [],
  "parameters": [
    { "name": "seq", "kind": "integer", "label": "Sequence", "min": 0, "max": 1000000000, "default": 0 }
  ]
}
---*/
SELECT :seq::int8 AS seq, 'pong' AS reply
