import { Parser } from 'node-sql-parser/build/trino.js';
import { trino } from 'sql-formatter';

/** Trino's functions, as sql-formatter knows them (its Trino dialect's function names). */
const TRINO_FUNCTIONS = new Set(trino.tokenizerOptions.reservedFunctionNames.map((name) => name.toLowerCase()));
/**
 * Trino functions sql-formatter's list lacks, each checked in Trino's documentation. Empty today: add a
 * name here only with the link that shows Trino has it.
 */
const KNOWN_TRINO_FUNCTIONS = new Set<string>();
/** What DuckDB-only SQL the Trino grammar stops at, and the portable spelling to use instead. */
const DUCKDB_ONLY = [
  { pattern: /\bGROUP\s+BY\s+ALL\b/i, hint: 'GROUP BY ALL: name the groups (GROUP BY 1, 2)' },
  { pattern: /\bQUALIFY\b/i, hint: 'QUALIFY: filter a row_number() window in a subquery (firstRowPer)' },
  { pattern: /\bEXCLUDE\s*\(/i, hint: 'SELECT * EXCLUDE: list the columns' },
  { pattern: /\bINTERVAL\s*\(/i, hint: 'INTERVAL (n) UNIT: spellingOf(dialect).before' },
];
const FRACTIONAL_TYPES = new Set(['DOUBLE', 'REAL', 'DECIMAL']);

interface Node {
  type?: string;
  [key: string]: unknown;
}

const parser = new Parser();

/**
 * Why `sql` would not run on Trino (Athena engine v3), as far as reading it tells: it does not parse
 * with node-sql-parser's Trino grammar (which refuses GROUP BY ALL, QUALIFY and EXCLUDE); it calls a
 * function Trino does not have; it casts with `::`; its INTERVAL is not a quoted constant; or it divides by something without making the
 * numerator fractional (Trino divides integers as integers). [] when none. The grammar also refuses
 * `AT TIME ZONE`, which Trino has: the lake's SQL does without it.
 *
 * @example
 * trinoProblemsOf('SELECT quantile_cont(x, 0.5) FROM t') // ["quantile_cont() is not a Trino function"]
 */
export function trinoProblemsOf(sql: string): string[] {
  let ast: unknown;
  try {
    ast = parser.astify(sql, { database: 'trino' });
  } catch (error) {
    const { line, column } = (error as { location?: { start: { line: number; column: number } } }).location?.start ?? {
      line: 0,
      column: 0,
    };
    const hints = DUCKDB_ONLY.filter(({ pattern }) => pattern.test(sql)).map(({ hint }) => hint);
    return [`not Trino SQL at line ${line}, column ${column}${hints.length > 0 ? `: ${hints.join('; ')}` : ''}`];
  }
  const problems: string[] = [];
  walk(ast, (node) => {
    const name = functionName(node);
    if (name !== undefined && !TRINO_FUNCTIONS.has(name) && !KNOWN_TRINO_FUNCTIONS.has(name))
      problems.push(`${name}() is not a Trino function`);
    if (node.type === 'interval' && (node.expr as Node).type !== 'single_quote_string')
      problems.push(
        `INTERVAL ${parser.exprToSQL(node.expr as never, { database: 'trino' })} ${String(node.unit).toUpperCase()}: Trino takes a quoted constant only (spellingOf(dialect).before)`,
      );
    if (node.type === 'cast' && node.symbol === '::')
      problems.push(`${parser.exprToSQL(node as never, { database: 'trino' })}: write CAST(x AS type)`);
    if (node.type === 'binary_expr' && node.operator === '/' && !isFractional(node.left as Node))
      problems.push(
        `${parser.exprToSQL(node as never, { database: 'trino' })} divides integers as integers on Trino: CAST the numerator AS DOUBLE`,
      );
  });
  return [...new Set(problems)];
}

function functionName(node: Node): string | undefined {
  if (node.type === 'aggr_func' && typeof node.name === 'string') return node.name.toLowerCase();
  if (node.type !== 'function') return undefined;
  const parts = (node.name as { name?: { value: string }[] } | undefined)?.name ?? [];
  return parts.map((part) => part.value.toLowerCase()).join('.');
}

function isFractional(node: Node): boolean {
  if (node.type === 'number') return !Number.isInteger(Number(node.value)) || String(node.value).includes('.');
  if (node.type !== 'cast') return false;
  const [target] = node.target as { dataType: string }[];
  return FRACTIONAL_TYPES.has(String(target?.dataType).toUpperCase());
}

function walk(value: unknown, visit: (node: Node) => void): void {
  if (Array.isArray(value)) {
    for (const item of value) walk(item, visit);
  } else if (value !== null && typeof value === 'object') {
    visit(value as Node);
    for (const child of Object.values(value)) walk(child, visit);
  }
}
