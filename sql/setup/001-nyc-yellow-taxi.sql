-- The trips table every report reads: NYC yellow-taxi trips, one row per trip.
-- Idempotent: creating it again is a no-op, and nothing is ever dropped, so
-- re-running setup (on every deploy or stack update) never loses data.
-- Data arrives separately: COPY from S3 in AWS, the local generator locally.
CREATE TABLE IF NOT EXISTS nyc_yellow_taxi (
    pickup_date      DATE
  , pickup_datetime  TIMESTAMP
  , dropoff_datetime TIMESTAMP
  , ratecode         SMALLINT
  , passenger_count  SMALLINT
  , trip_distance    FLOAT4
  , fare_amount      FLOAT4
  , total_amount     FLOAT4
  , payment_type     SMALLINT
  , vendorid         VARCHAR(20)
)
SORTKEY (pickup_date);
