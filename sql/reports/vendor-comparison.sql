/*---
{
  "id": "vendor-comparison",
  "title": "Vendor comparison",
  "description": "Trips, average distance, fare and trip minutes per taxi technology vendor in one month, for trips with at least a given number of passengers.",
  "groups": ["analysts", "admins"],
  "parameters": [
    { "name": "month", "kind": "month", "label": "Month", "min": "2015-01", "max": "2015-12", "default": "2015-01" },
    { "name": "min_passengers", "kind": "integer", "label": "At least this many passengers", "min": 1, "max": 9, "default": 1 }
  ],
  "chart": { "type": "bar", "x": "vendor", "y": ["trips"], "title": "Trips per vendor" }
}
---*/
SELECT coalesce(vendorid, 'unknown') AS vendor,
       count(*)::int8 AS trips,
       round(avg(trip_distance), 2)::float8 AS avg_distance,
       round(avg(fare_amount), 2)::float8 AS avg_fare,
       round(avg(datediff(minutes, pickup_datetime, dropoff_datetime)::float8), 1)::float8 AS avg_minutes
  FROM nyc_yellow_taxi
 WHERE pickup_date BETWEEN to_date(:month, 'YYYY-MM') AND last_day(to_date(:month, 'YYYY-MM'))
   AND passenger_count >= :min_passengers::int4
 GROUP BY 1
 ORDER BY 1
