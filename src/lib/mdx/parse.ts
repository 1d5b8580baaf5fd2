// Parsing an MDX file with Sätteri, the compiler Astro 7 uses for .mdx, into an mdast tree with
// file positions; a syntax error becomes a line, a column and a sentence an author can act on.
import { mdxToMdast, type MdastNode } from 'satteri';
import { offsetPosition } from './imports.ts';
import { diagnoseTag } from './tag-scan.ts';

export interface MdxSyntaxError {
  line: number;
  column: number;
  message: string;
}

export type ParsedMdx = { tree: MdastNode; error?: undefined } | { tree?: undefined; error: MdxSyntaxError };

/** Offset of a 1-based line and column in `text`. */
export function lineOffset(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf('\n', offset);
    if (next === -1) return text.length;
    offset = next + 1;
  }
  return offset + column - 1;
}

function explain(text: string, line: number, column: number, raw: string): MdxSyntaxError {
  const reason = raw.replace(/^\d+:\d+:\s*/, '').replace(/\s*\([\w-]+:[\w-]+\)\s*$/, '');
  const offset = lineOffset(text, line, column);
  const tag = diagnoseTag(text, offset);
  if (tag) return { ...offsetPosition(text, tag.offset), message: tag.message };
  if (/^Unexpected character after `<`/.test(reason)) {
    const next = text.slice(offset + 1, offset + 2);
    return {
      line,
      column,
      message: `"<${next}" starts a tag in MDX: write "\\<" (or "&lt;") for a less-than sign, or close the tag if one was meant`,
    };
  }
  const expression = /^Could not parse expression with \w+:\s*(.*)$/s.exec(reason);
  if (expression) return { line, column, message: `not a valid JavaScript expression inside { }: ${expression[1]}; write \\{ for a literal brace` };
  if (/before name/.test(reason) && (text.startsWith('<!--', offset) || text.startsWith('<!--', offset - 1))) {
    return { line, column, message: 'HTML comments are not allowed in MDX: write {/* comment */} instead' };
  }
  return { line, column, message: reason };
}

export function parseMdx(text: string): ParsedMdx {
  try {
    return { tree: mdxToMdast(text) };
  } catch (error) {
    const message = (error as Error).message;
    const at = /^(\d+):(\d+):/.exec(message);
    const line = at ? Number(at[1]) : 1;
    const column = at ? Number(at[2]) : 1;
    return { error: explain(text, line, column, message) };
  }
}
