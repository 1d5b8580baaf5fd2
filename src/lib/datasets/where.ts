// Row filters for embeds, written as an object in MDX:
//   where={{ company: "Microsoft" }}              equal
//   where={{ company: ["Microsoft", "Meta"] }}    one of
//   where={{ year: ">= 2020", capex_bn: "> 0" }}  compared (>, >=, <, <=, !=), in the column's type
import { readCell, type Cell } from './cells.ts';
import type { Column, Row } from './dataset.ts';

export type WhereValue = string | number | boolean | null | ReadonlyArray<string | number | null>;
export type Where = Readonly<Record<string, WhereValue>>;

const OPERATOR = /^(>=|<=|!=|>|<|=)\s*(.*)$/s;

type Test = (cell: Cell) => boolean;

function key(value: Cell): string | number | null {
  return value instanceof Date ? value.getTime() : value;
}

/** The filter value read as the column reads its cells ("2024 Q1" for a date column). */
function operand(raw: string | number | null, column: Column): Cell | undefined {
  if (raw === null) return null;
  if (typeof raw === 'number') return column.type === 'date' ? new Date(Date.UTC(raw, 0, 1)) : raw;
  return readCell(raw.trim(), column.type);
}

function compare(op: string, a: number | string, b: number | string): boolean {
  switch (op) {
    case '>':
      return a > b;
    case '>=':
      return a >= b;
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '!=':
      return a !== b;
    default:
      return a === b;
  }
}

/** A test for one column's condition, or the reason the condition cannot be read. */
function compile(value: WhereValue, column: Column): Test | string {
  if (Array.isArray(value)) {
    const wanted = new Set<string | number | null>();
    for (const v of value) {
      const cell = operand(v, column);
      if (cell === undefined) return `${JSON.stringify(v)} is not a ${column.type}`;
      wanted.add(key(cell));
    }
    return (cell) => wanted.has(key(cell));
  }
  if (typeof value === 'boolean') return `expected a value, a list or a comparison such as ">= 2020", found ${value}`;
  const match = typeof value === 'string' && column.type !== 'string' ? OPERATOR.exec(value.trim()) : null;
  const op = match ? match[1]! : '=';
  const cell = operand(match ? match[2]! : (value as string | number | null), column);
  if (cell === undefined) return `${JSON.stringify(value)} is not a ${column.type}${column.type === 'date' ? ' (write 2024, 2024-03, 2024 Q1)' : ''}`;
  const target = key(cell);
  if (target === null) return op === '!=' ? (c) => c !== null : (c) => c === null;
  return (c) => c !== null && compare(op, key(c)!, target);
}

export interface CompiledWhere {
  test: (row: Row) => boolean;
  /** One entry per condition that could not be read: the column and the reason. */
  problems: Array<{ column: string; reason: string }>;
}

/** Compiles a filter against known columns; unknown columns must be checked by the caller. */
export function compileWhere(where: Where, columns: readonly Column[]): CompiledWhere {
  const tests: Array<[string, Test]> = [];
  const problems: CompiledWhere['problems'] = [];
  for (const [name, value] of Object.entries(where)) {
    const column = columns.find((c) => c.name === name);
    if (!column) continue;
    const test = compile(value, column);
    if (typeof test === 'string') problems.push({ column: name, reason: test });
    else tests.push([name, test]);
  }
  return { test: (row) => tests.every(([name, t]) => t(row[name] ?? null)), problems };
}
