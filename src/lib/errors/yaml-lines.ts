// Where each key of a YAML file is, so a problem can be reported as `file:LINE: path: message`.
// Lines come from the parser's own node ranges, not from scanning the text, so nested keys, flow
// mappings ({ type: number }) and list items are found as reliably as top-level keys.
import { isMap, isNode, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { formatPath } from './format-issues.ts';

export interface LocatedYaml {
  doc: Document.Parsed;
  /** 1-based line of every key and list item, by its path as formatPath writes it ("columns.capex_bn.type"). */
  lines: Map<string, number>;
}

/** Parses `text` and records the line of every key; YAML errors are left in `doc.errors`. */
export function parseYamlWithLines(text: string): LocatedYaml {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter });
  const lines = new Map<string, number>();
  const walk = (node: unknown, path: PropertyKey[]): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isScalar(pair.key) || !pair.key.range) continue;
        const key = [...path, String(pair.key.value)];
        lines.set(formatPath(key), counter.linePos(pair.key.range[0]).line);
        walk(pair.value, key);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        if (!isNode(item) || !item.range) return;
        lines.set(formatPath([...path, i]), counter.linePos(item.range[0]).line);
        walk(item, [...path, i]);
      });
    }
  };
  walk(doc.contents, []);
  return { doc, lines };
}

/** The line of the deepest key on `path` that the file has: a missing `columns.x.type` points at `x`. */
export function lineOf(lines: ReadonlyMap<string, number>, path: ReadonlyArray<PropertyKey>): number | undefined {
  for (let n = path.length; n > 0; n--) {
    const line = lines.get(formatPath(path.slice(0, n)));
    if (line !== undefined) return line;
  }
  return undefined;
}

/** `file: path: message` with the path's line added as `file:LINE: path: message` when the file has the key. */
export function atLine(file: string, lines: ReadonlyMap<string, number>, path: ReadonlyArray<PropertyKey>, message: string): string {
  const line = lineOf(lines, path);
  return `${file}${line === undefined ? '' : `:${line}`}: ${formatPath(path)}: ${message}`;
}

/**
 * Adds lines to problem lines already written as `file: path: message` by code that had no lines,
 * e.g. a check of the meta against the CSV header. Only paths the file has are matched, longest first.
 */
export function addLines(problems: readonly string[], file: string, lines: ReadonlyMap<string, number>): string[] {
  const paths = [...lines.keys()].sort((a, b) => b.length - a.length);
  return problems.map((problem) => {
    if (!problem.startsWith(`${file}: `)) return problem;
    const rest = problem.slice(file.length + 2);
    const path = paths.find((p) => rest.startsWith(`${p}: `));
    return path === undefined ? problem : `${file}:${lines.get(path)}: ${rest}`;
  });
}
