/*---
{
  "id": "trips-per-day",
  "title": "Trips per day",
  "description": "Per pickup day of one month: hours driven, miles travelled and fares taken by NYC yellow taxis.",
  "groups": [],
  "parameters": [
    { "name": "month", "kind": "month", "label": "Month", "min": "2015-01", "max": "2015-12", "default": "2015-01" }
  ],
  "chart": { "type": "line", "x": "trip_date", "y": ["total_hours", "total_distance", "total_fare"], "title": "Per day" }
}
---*/
-- Hours: minute boundaries crossed per trip, summed (BIGINT) then integer-divided by 60, as Redshift does.
SELECT pickup_date AS trip_date,
       round(sum(datediff(minutes, pickup_datetime, dropoff_datetime)) / 60, 2)::float8 AS total_hours,
       round(sum(trip_distance))::float8 AS total_distance,
       round(sum(fare_amount))::float8 AS total_fare
  FROM nyc_yellow_taxi
 WHERE pickup_date BETWEEN to_date(:month, 'YYYY-MM') AND last_day(to_date(:month, 'YYYY-MM'))
 GROUP BY 1
 ORDER BY 1
