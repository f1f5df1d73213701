/*---
{
  "id": "test-slow-report",
  "title": "Sleeps (test only)",
  "description": "Keeps the warehouse busy for about ms milliseconds with the stand-in's test-only redwire_sleep.",
  "groups": [],
  "parameters": [
    { "name": "ms", "kind": "integer", "label": "Milliseconds", "min": 1, "max": 120000, "default": 1000 }
  ]
}
---*/
SELECT redwire_sleep(:ms) AS slept_ms
