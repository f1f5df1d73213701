/**
 * Builders for the expression nodes of DuckDB's `json_serialize_sql` tree,
 * in the exact shape DuckDB 1.5 emits and `json_deserialize_sql` reads back.
 */
export interface SqlNode {
  class: string;
  type: string;
  alias: string;
  query_location?: unknown;
  [key: string]: unknown;
}

const NO_LOCATION = 0;

export function isNode(value: unknown): value is SqlNode {
  return typeof value === 'object' && value !== null && 'class' in value && 'type' in value;
}

export function stringConstant(value: string): SqlNode {
  return constant('VARCHAR', value);
}

export function integerConstant(value: number): SqlNode {
  return constant('INTEGER', value);
}

function constant(typeId: string, value: unknown): SqlNode {
  return {
    class: 'CONSTANT',
    type: 'VALUE_CONSTANT',
    alias: '',
    query_location: NO_LOCATION,
    value: { type: { id: typeId, type_info: null }, is_null: false, value },
  };
}

export function call(name: string, children: SqlNode[], alias = ''): SqlNode {
  return {
    class: 'FUNCTION',
    type: 'FUNCTION',
    alias,
    query_location: NO_LOCATION,
    function_name: name,
    schema: '',
    children,
    filter: null,
    order_bys: { type: 'ORDER_MODIFIER', orders: [] },
    distinct: false,
    is_operator: false,
    export_state: false,
    catalog: '',
  };
}

export function operator(name: string, left: SqlNode, right: SqlNode): SqlNode {
  return { ...call(name, [left, right]), is_operator: true };
}

export function cast(child: SqlNode, typeId: string, alias = ''): SqlNode {
  return {
    class: 'CAST',
    type: 'OPERATOR_CAST',
    alias,
    query_location: NO_LOCATION,
    child,
    cast_type: { id: typeId, type_info: null },
    try_cast: false,
  };
}

export function isNotNull(child: SqlNode): SqlNode {
  return { class: 'OPERATOR', type: 'OPERATOR_IS_NOT_NULL', alias: '', query_location: NO_LOCATION, children: [child] };
}

export function notDistinctFrom(left: SqlNode, right: SqlNode): SqlNode {
  return { class: 'COMPARISON', type: 'COMPARE_NOT_DISTINCT_FROM', alias: '', query_location: NO_LOCATION, left, right };
}

export function caseWhen(checks: { when: SqlNode; then: SqlNode }[], otherwise: SqlNode | undefined, alias = ''): SqlNode {
  return {
    class: 'CASE',
    type: 'CASE_EXPR',
    alias,
    query_location: NO_LOCATION,
    case_checks: checks.map(({ when, then }) => ({ when_expr: when, then_expr: then })),
    else_expr: otherwise ?? nullConstant(),
  };
}

export function nullConstant(): SqlNode {
  return {
    class: 'CONSTANT',
    type: 'VALUE_CONSTANT',
    alias: '',
    query_location: NO_LOCATION,
    value: { type: { id: 'NULL', type_info: null }, is_null: true },
  };
}

/** The string of a VARCHAR constant node, else undefined. */
export function stringValue(node: SqlNode | undefined): string | undefined {
  if (node?.class !== 'CONSTANT') return undefined;
  const value = node['value'] as { type?: { id?: string }; is_null?: boolean; value?: unknown } | undefined;
  return value?.type?.id === 'VARCHAR' && !value.is_null && typeof value.value === 'string' ? value.value : undefined;
}

/** The single unqualified name of a COLUMN_REF node, else undefined. */
export function bareName(node: SqlNode | undefined): string | undefined {
  if (node?.class !== 'COLUMN_REF') return undefined;
  const names = node['column_names'];
  return Array.isArray(names) && names.length === 1 && typeof names[0] === 'string' ? names[0] : undefined;
}

export function childrenOf(node: SqlNode): SqlNode[] {
  const children = node['children'];
  return Array.isArray(children) ? (children as SqlNode[]) : [];
}
