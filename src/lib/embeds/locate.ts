// Where in the author's file an embed that failed while rendering sits. Most mistakes are caught by
// the check before a build; the rest (a prop whose value is code, known only while the page
// renders) are met during rendering, where all the component knows is its file and its props. The
// element is found in the file by its component and the props it was given as plain values.
import { EmbedError } from '../datasets/errors.ts';
import { elementProps, isElement, propPosition, walk, type MdxNode } from '../mdx/element-props.ts';
import { parseMdx } from '../mdx/parse.ts';

export function locateEmbed(
  text: string,
  component: string,
  props: Readonly<Record<string, unknown>>,
  prop?: string,
): { line: number; column: number } | undefined {
  const parsed = parseMdx(text);
  if (!parsed.tree) return undefined;
  const candidates = [...walk(parsed.tree as unknown as MdxNode)].filter((n) => isElement(n) && n.name === component);
  const same = (node: MdxNode) => {
    const written = elementProps(node);
    return Object.entries(written.props).every(([k, v]) => written.dynamic.has(k) || JSON.stringify(v) === JSON.stringify(props[k]));
  };
  const node = candidates.find(same) ?? (candidates.length === 1 ? candidates[0] : undefined);
  return node ? propPosition(text, node, prop) : undefined;
}

/** Runs an embed's work; an EmbedError comes out naming `file:line:col`, as `npm run check` would. */
export function located<T>(read: (file: string) => string | undefined, component: string, props: object, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (!(error instanceof EmbedError) || !error.file || /:\d+:\d+$/.test(error.file)) throw error;
    const text = read(error.file);
    const at = text === undefined ? undefined : locateEmbed(text, component, props as Record<string, unknown>, error.prop);
    if (!at) throw error;
    throw new EmbedError(error.detail, { file: `${error.file}:${at.line}:${at.column}`, tag: error.tag, prop: error.prop, hint: error.hint });
  }
}
