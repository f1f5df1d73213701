/*---
{
  "id": "payment-type-mix",
  "title": "Payment type mix",
  "description": "Trips and fares per month split by how the rider paid (credit card, cash, no charge, dispute …).",
  "groups": [],
  "parameters": [
    { "name": "period", "kind": "date-range", "label": "Period", "min": "2015-01-01", "max": "2015-12-31",
      "default": { "from": "2015-01-01", "to": "2015-12-31" } }
  ],
  "chart": { "type": "stacked-bar", "x": "trip_month", "y": ["trips"], "series": "payment", "title": "Trips by payment type" }
}
---*/
SELECT date_trunc('month', pickup_date)::date AS trip_month,
       CASE payment_type
           WHEN 1 THEN 'Credit card' WHEN 2 THEN 'Cash' WHEN 3 THEN 'No charge'
           WHEN 4 THEN 'Dispute' WHEN 5 THEN 'Unknown' WHEN 6 THEN 'Voided'
           ELSE 'Other'
       END AS payment,
       count(*)::int8 AS trips,
       round(sum(fare_amount), 2)::float8 AS total_fare
  FROM nyc_yellow_taxi
 WHERE pickup_date BETWEEN to_date(:period_from, 'YYYY-MM-DD') AND to_date(:period_to, 'YYYY-MM-DD')
 GROUP BY 1, 2
 ORDER BY 1, 2
