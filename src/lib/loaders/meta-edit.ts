// Edits to a meta file's text that touch only the lines they are about: the value of `retrieved`,
// `hash`, `source.url`, ... is replaced where it stands, a missing key is added beside its
// neighbour, and comments, folded descriptions and flow mappings stay exactly as the editor wrote
// them (re-serialising the YAML would rewrap and restyle the whole file).
import { isMap, isScalar, parseDocument, stringify, type Node, type Pair } from 'yaml';

/** A value as YAML writes it on one line: plain where it can be, quoted where it must. Inside a flow
 *  mapping (`source: { name: ..., url: ... }`) a comma or bracket must be quoted too. */
const scalar = (value: string, flow = false) => (flow && /[[\]{},]/.test(value) ? JSON.stringify(value) : stringify(value, { lineWidth: 0 }).trimEnd());

function pairAt(text: string, path: readonly string[]): { pair: Pair<Node, Node> | undefined; flow: boolean } {
  const doc = parseDocument(text);
  let node: unknown = doc.contents;
  let pair: Pair<Node, Node> | undefined;
  let flow = false;
  for (const key of path) {
    if (!isMap(node)) return { pair: undefined, flow };
    flow ||= Boolean(node.flow);
    pair = (node.items as Array<Pair<Node, Node>>).find((p) => isScalar(p.key) && String(p.key.value) === key);
    if (!pair) return { pair: undefined, flow };
    node = pair.value;
  }
  return { pair, flow };
}

const lineStart = (text: string, at: number) => text.lastIndexOf('\n', at - 1) + 1;
function lineEnd(text: string, at: number): number {
  const newline = text.indexOf('\n', Math.max(at - 1, 0));
  return newline === -1 ? text.length : newline + 1;
}

/** Replaces the scalar at `path` (e.g. ["source", "url"]); returns undefined when the key is missing. */
export function replaceValue(text: string, path: readonly string[], value: string): string | undefined {
  const { pair, flow } = pairAt(text, path);
  const range = pair?.value?.range;
  if (!pair || !range) return undefined;
  const current = isScalar(pair.value) ? String(pair.value.value) : undefined;
  if (current === value) return text;
  return text.slice(0, range[0]) + scalar(value, flow) + text.slice(range[1]);
}

/** Inserts top-level lines right after the top-level key `after` (its whole value included). */
export function insertAfter(text: string, after: string, lines: string): string {
  const { pair } = pairAt(text, [after]);
  const end = pair?.value?.range?.[1] ?? pair?.key?.range?.[1];
  if (end === undefined) return `${text}${text.endsWith('\n') ? '' : '\n'}${lines}`;
  const at = lineEnd(text, end);
  const glue = at === text.length && !text.endsWith('\n') ? '\n' : '';
  return text.slice(0, at) + glue + lines + text.slice(at);
}

/** Removes a top-level key and its value, whole lines only. */
export function removeKey(text: string, key: string): string {
  const { pair } = pairAt(text, [key]);
  const start = pair?.key?.range?.[0];
  const end = pair?.value?.range?.[1] ?? pair?.key?.range?.[1];
  if (start === undefined || end === undefined) return text;
  return text.slice(0, lineStart(text, start)) + text.slice(lineEnd(text, end));
}

/** Sets a top-level scalar, adding it after `after` when it is missing. */
export function setTop(text: string, key: string, value: string, after: string): string {
  return replaceValue(text, [key], value) ?? insertAfter(text, after, `${key}: ${scalar(value)}\n`);
}

export interface MetaChanges {
  retrieved?: string;
  hash?: string;
  url?: string;
  /** Set when the loader replaces illustrative figures: the source, licence and note to cite. */
  provenance?: { source: string; license: string; note?: string | undefined };
}

/** The meta text with the loader's changes: only the lines that change differ. */
export function editMeta(text: string, changes: MetaChanges): string {
  let out = text;
  const { provenance } = changes;
  if (provenance) {
    out = removeKey(out, 'illustrative');
    out = setTop(out, 'license', provenance.license, 'description');
    out = provenance.note ? setTop(out, 'note', provenance.note, 'retrieved') : removeKey(out, 'note');
    if (!pairAt(out, ['source']).pair)
      out = insertAfter(out, 'description', `source:\n  name: ${scalar(provenance.source)}\n  url: ${scalar(changes.url ?? '')}\n`);
    else out = replaceValue(out, ['source', 'name'], provenance.source) ?? out;
  }
  if (changes.url !== undefined && pairAt(out, ['source']).pair) out = replaceValue(out, ['source', 'url'], changes.url) ?? out;
  if (changes.retrieved !== undefined) out = setTop(out, 'retrieved', changes.retrieved, 'license');
  if (changes.hash !== undefined) out = setTop(out, 'hash', changes.hash, 'retrieved');
  return out;
}
