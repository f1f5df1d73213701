/*---
{
  "id": "test-slow-browser",
  "title": "Slow run (test only)",
  "description": "Keeps the warehouse busy for about ms milliseconds (the stand-in's test-only redwire_sleep), so the browser journey can cancel it.",
  "groups": [],
  "parameters": [
    { "name": "ms", "kind": "integer", "label": "Milliseconds", "min": 1, "max": 120000, "default": 60000 }
  ]
}
---*/
SELECT redwire_sleep(:ms) AS slept_ms
