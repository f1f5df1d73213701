/** Test helper: the text of a report file with front matter `meta` (merged over a valid default) and `sql`. */
export function reportText(sql: string, meta: Record<string, unknown> = {}): string {
  const front = {
    id: 'sample',
    title: 'Sample',
    description: 'A sample report',
    groups: [],
    parameters: [{ name: 'month', kind: 'month', label: 'Month', min: '2015-01', max: '2015-12' }],
    ...meta,
  };
  return `/*---\n${JSON.stringify(front, null, 2)}\n---*/\n${sql}\n`;
}

export const GOOD_SQL = "SELECT pickup_date AS trip_date, count(*)::int8 AS trips\n  FROM nyc_yellow_taxi\n WHERE pickup_date >= to_date(:month, 'YYYY-MM')\n GROUP BY 1";
