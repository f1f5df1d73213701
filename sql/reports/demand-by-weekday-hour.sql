/*---
{
  "id": "demand-by-weekday-hour",
  "title": "Demand by weekday and hour",
  "description": "Pickups for each weekday and hour of the day over a period, optionally for one vendor: when do people take taxis?",
  "groups": [],
  "parameters": [
    { "name": "period", "kind": "date-range", "label": "Period", "min": "2015-01-01", "max": "2015-12-31", "maxDays": 366,
      "default": { "from": "2015-01-01", "to": "2015-01-31" } },
    { "name": "vendor", "kind": "enum", "label": "Vendor", "default": "any",
      "values": [
        { "value": "any", "label": "All vendors" },
        { "value": "1", "label": "Creative Mobile Technologies" },
        { "value": "2", "label": "VeriFone" }
      ] }
  ],
  "chart": { "type": "heatmap", "x": "pickup_hour", "y": ["weekday"], "value": "trips", "title": "Pickups by weekday and hour" }
}
---*/
WITH trips AS (
    SELECT date_part(dow, pickup_datetime)::int8 AS day_of_week,
           date_part(hour, pickup_datetime)::int8 AS pickup_hour
      FROM nyc_yellow_taxi
     WHERE pickup_date BETWEEN to_date(:period_from, 'YYYY-MM-DD') AND to_date(:period_to, 'YYYY-MM-DD')
       AND (:vendor = 'any' OR vendorid = :vendor)
)
SELECT day_of_week,
       CASE day_of_week
           WHEN 0 THEN 'Sunday' WHEN 1 THEN 'Monday' WHEN 2 THEN 'Tuesday' WHEN 3 THEN 'Wednesday'
           WHEN 4 THEN 'Thursday' WHEN 5 THEN 'Friday' ELSE 'Saturday'
       END AS weekday,
       pickup_hour,
       count(*)::int8 AS trips
  FROM trips
 GROUP BY 1, 2, 3
 ORDER BY 1, 3
