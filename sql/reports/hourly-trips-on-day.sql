/*---
{
  "id": "hourly-trips-on-day",
  "title": "Trips hour by hour on one day",
  "description": "Pickups, average trip length and average fare for each hour of one day: find the busiest hours.",
  "groups": [],
  "parameters": [
    { "name": "day", "kind": "date", "label": "Day", "min": "2015-01-01", "max": "2015-12-31", "default": "2015-01-01" }
  ],
  "chart": { "type": "line", "x": "pickup_hour", "y": ["trips"], "title": "Pickups per hour" }
}
---*/
SELECT date_part(hour, pickup_datetime)::int8 AS pickup_hour,
       count(*)::int8 AS trips,
       round(avg(trip_distance), 2)::float8 AS avg_distance,
       round(avg(fare_amount), 2)::float8 AS avg_fare
  FROM nyc_yellow_taxi
 WHERE pickup_date = to_date(:day, 'YYYY-MM-DD')
 GROUP BY 1
 ORDER BY 1
