/**
 * The statements of `sql/setup/*.sql`, in file order, as the setup-warehouse Lambda runs them
 * (a Lambda bundle carries no repository files). `setup-sql.spec.ts` fails when this copy and
 * the files differ, naming the file to update.
 */
export const SETUP_SQL_FILES: readonly { readonly file: string; readonly sql: string }[] = [
  {
    file: '001-nyc-yellow-taxi.sql',
    sql: `-- The trips table every report reads: NYC yellow-taxi trips, one row per trip.
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
`,
  },
];

/** The table the sample data goes into. */
export const SAMPLE_TABLE = 'nyc_yellow_taxi';
