// Splits an MDX/Markdown file into its YAML frontmatter and body, with YAML errors located by line.
import { parseDocument } from 'yaml';

export interface Frontmatter {
  data: unknown;
  body: string;
  /** YAML problems as `line:column message`; empty when the frontmatter parsed. */
  errors: string[];
  /** 1-based line of each top-level key, so errors can point at it. */
  lines: Record<string, number>;
}

const FENCE = /^---\r?\n([\s\S]*?)\r?\n---\r?(?:\n|$)/;

export function splitFrontmatter(source: string): Frontmatter {
  const text = source.replace(/^\uFEFF/, '');
  const match = FENCE.exec(text);
  if (!match) return { data: undefined, body: text, errors: ['1:1 no frontmatter: start the file with a --- block'], lines: {} };
  const yaml = match[1] ?? '';
  const doc = parseDocument(yaml, { prettyErrors: false });
  const errors = doc.errors.map((e) => `${(e.linePos?.[0]?.line ?? 0) + 1}:${e.linePos?.[0]?.col ?? 1} ${e.message.split('\n')[0]}`);
  const lines: Record<string, number> = {};
  yaml.split(/\r?\n/).forEach((line, i) => {
    const key = /^([A-Za-z_][\w-]*)\s*:/.exec(line)?.[1];
    if (key && !(key in lines)) lines[key] = i + 2; // +1 for 1-based, +1 for the opening fence
  });
  return { data: errors.length ? undefined : doc.toJS(), body: text.slice(match[0].length), errors, lines };
}
