// The props of a JSX element in an MDX tree, as far as they can be known before a build: string
// attributes as written, `{…}` values evaluated when they are plain data, the rest marked dynamic.
import { offsetPosition } from './imports.ts';
import { staticValue } from './static-value.ts';

export interface MdxNode {
  type: string;
  name?: string | null;
  value?: unknown;
  attributes?: Array<{ type: string; name?: string; value?: unknown }>;
  children?: MdxNode[];
  position?: { start: { line: number; column: number; offset: number }; end: { offset: number } };
}

export interface ElementProps {
  props: Record<string, unknown>;
  /** Props whose value is code (a variable, an import): known only when the page renders. */
  dynamic: Set<string>;
  /** `{...spread}`: any prop may come from it. */
  spread: boolean;
  /** Props whose `{…}` is not valid JavaScript, with the parser's message. */
  syntax: Array<{ prop: string; message: string }>;
  /** Props written more than once (JSX keeps the last): each name once. */
  repeated: string[];
}

export function* walk(node: MdxNode): Generator<MdxNode> {
  yield node;
  for (const child of node.children ?? []) yield* walk(child);
}

export function isElement(node: MdxNode): boolean {
  return (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && Boolean(node.name);
}

export function elementProps(node: MdxNode): ElementProps {
  const out: ElementProps = { props: {}, dynamic: new Set(), spread: false, syntax: [], repeated: [] };
  const seen = new Set<string>();
  for (const attr of node.attributes ?? []) {
    if (attr.type === 'mdxJsxExpressionAttribute') {
      out.spread = true;
      continue;
    }
    const key = attr.name ?? '';
    if (seen.has(key) && !out.repeated.includes(key)) out.repeated.push(key);
    seen.add(key);
    const raw = attr.value;
    if (raw === null || raw === undefined) out.props[key] = true;
    else if (typeof raw === 'string') out.props[key] = raw;
    else {
      const value = staticValue(String((raw as { value?: unknown }).value ?? ''));
      if (value.kind === 'syntax') out.syntax.push({ prop: key, message: value.message });
      if (value.kind !== 'value') out.dynamic.add(key);
      out.props[key] = value.kind === 'value' ? value.value : undefined;
    }
  }
  return out;
}

/** The line and column of `prop=` inside an element's source (its `nth` writing, from 0), else the element's own start. */
export function propPosition(text: string, node: MdxNode, prop: string | undefined, nth = 0): { line: number; column: number } {
  const start = node.position?.start;
  if (!start) return { line: 1, column: 1 };
  if (prop) {
    const source = text.slice(start.offset, node.position!.end.offset);
    const at = [...source.matchAll(new RegExp(`[\\s{]${prop.replace(/[$]/g, '\\$')}\\s*=`, 'g'))][nth];
    if (at) return offsetPosition(text, start.offset + at.index + 1);
  }
  return { line: start.line, column: start.column };
}
