import { intervalConstructor, normalizeDatepart } from './dateparts.js';
import { strptimeFormats } from './date-format.js';
import { DialectError } from './dialect-error.js';
import {
  bareName, call, cast, caseWhen, childrenOf, integerConstant, isNotNull, notDistinctFrom, operator,
  stringConstant, stringValue, type SqlNode,
} from './sql-tree.js';
import { toCharExpression } from './to-char.js';

type Shim = (node: SqlNode, args: SqlNode[]) => SqlNode | undefined;

/** Redshift functions DuckDB lacks or reads differently, keyed by lower-case name. */
const SHIMS: Record<string, Shim> = {
  datediff: (node, [part, from, to, ...rest]) =>
    part && from && to && rest.length === 0 ? call('date_diff', [datepartConstant(part), from, to], node.alias) : undefined,
  dateadd: (node, [part, amount, value, ...rest]) => {
    if (!part || !amount || !value || rest.length > 0) return undefined;
    const name = datepart(part);
    const constructor = intervalConstructor(name);
    if (!constructor) throw new DialectError(`DATEADD does not support the datepart '${name}'`);
    const scaled = constructor.factor === 1 ? amount : operator('*', amount, integerConstant(constructor.factor));
    return cast(operator('+', cast(value, 'TIMESTAMP'), call(constructor.fn, [scaled])), 'TIMESTAMP', node.alias);
  },
  date_part: (node, args) => datePart(node, args),
  pgdate_part: (node, args) => datePart(node, args),
  date_trunc: (node, [part, value, ...rest]) =>
    part && value && rest.length === 0
      ? cast(call('date_trunc', [datepartConstant(part), value]), 'TIMESTAMP', node.alias)
      : undefined,
  getdate: (node, args) =>
    args.length === 0
      ? cast(call('date_trunc', [stringConstant('second'), currentTimestamp()]), 'TIMESTAMP', node.alias)
      : undefined,
  nvl: (node, args) => (args.length >= 2 ? coalesce(args, node.alias) : undefined),
  nvl2: (node, [test, whenSet, whenNull, ...rest]) =>
    test && whenSet && whenNull && rest.length === 0
      ? caseWhen([{ when: isNotNull(test), then: whenSet }], whenNull, node.alias)
      : undefined,
  decode: (node, [subject, ...pairs]) => {
    if (!subject || pairs.length < 2) return undefined;
    const checks: { when: SqlNode; then: SqlNode }[] = [];
    for (let index = 0; index + 1 < pairs.length; index += 2) {
      checks.push({ when: notDistinctFrom(subject, pairs[index] as SqlNode), then: pairs[index + 1] as SqlNode });
    }
    return caseWhen(checks, pairs.length % 2 === 1 ? pairs.at(-1) : undefined, node.alias);
  },
  to_date: (node, args) => parseDatetime(node, args, 'DATE'),
  to_timestamp: (node, args) => (args.length === 2 ? parseDatetime(node, args, 'TIMESTAMP WITH TIME ZONE') : undefined),
  to_char: (node, [value, format, ...rest]) => {
    if (!value || !format || rest.length > 0) return undefined;
    const text = stringValue(format);
    if (text === undefined) throw new DialectError('TO_CHAR needs its format as a string literal locally');
    return { ...toCharExpression(value, text), alias: node.alias };
  },
  // Redshift divides integers as integers. DuckDB's `integer_division` setting covers
  // INTEGER/BIGINT, but SUM() of integers is HUGEINT there, which `/` divides as
  // DOUBLE; `//` divides every integer width as an integer and floats as floats.
  '/': (node) => ({ ...node, function_name: '//' }),
};

export function rewriteFunction(node: SqlNode): SqlNode | undefined {
  const name = node['function_name'];
  if (typeof name !== 'string' || node['schema']) return undefined;
  const shim = SHIMS[name.toLowerCase()];
  return shim ? shim(node, childrenOf(node)) : undefined;
}

/** `SYSDATE` arrives as a column reference; Redshift gives the transaction's start time. */
export function rewriteColumnRef(node: SqlNode): SqlNode | undefined {
  return bareName(node)?.toLowerCase() === 'sysdate' ? { ...currentTimestamp(), alias: node.alias } : undefined;
}

function currentTimestamp(): SqlNode {
  return call('current_localtimestamp', []);
}

function datePart(node: SqlNode, [part, value, ...rest]: SqlNode[]): SqlNode | undefined {
  if (!part || !value || rest.length > 0) return undefined;
  return cast(call('date_part', [datepartConstant(part), value]), 'DOUBLE', node.alias);
}

function datepart(node: SqlNode): string {
  const spelling = bareName(node) ?? stringValue(node);
  if (spelling === undefined) throw new DialectError('a datepart must be a name such as month or a string literal');
  const name = normalizeDatepart(spelling);
  if (!name) throw new DialectError(`'${spelling}' is not a Redshift datepart`);
  return name;
}

function datepartConstant(node: SqlNode): SqlNode {
  return stringConstant(datepart(node));
}

function coalesce(children: SqlNode[], alias: string): SqlNode {
  return { class: 'OPERATOR', type: 'OPERATOR_COALESCE', alias, query_location: 0, children };
}

function parseDatetime(node: SqlNode, [value, format, ...rest]: SqlNode[], type: string): SqlNode | undefined {
  if (!value || !format || rest.length > 0) return undefined;
  const text = stringValue(format);
  if (text === undefined) throw new DialectError(`${String(node['function_name']).toUpperCase()} needs its format as a string literal locally`);
  const formats = strptimeFormats(text).map(stringConstant);
  const normalized = call('trim', [call('regexp_replace', [value, stringConstant('\\s+'), stringConstant(' '), stringConstant('g')])]);
  const formatArgument = formats.length === 1 ? (formats[0] as SqlNode) : call('list_value', formats);
  return cast(call('strptime', [normalized, formatArgument]), type, node.alias);
}
