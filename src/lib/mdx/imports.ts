// The `import … from "…"` statements at the top of an MDX file, with the line each starts on and the
// names it binds, so a checker can resolve the path and know which components the body may use.

export interface MdxImport {
  specifier: string;
  /** Local names bound: the default, each named import (after `as`), the namespace. */
  names: string[];
  /** 1-based line and column of the specifier in the file. */
  line: number;
  column: number;
}

export interface EsmBlock {
  value: string;
  /** Offset of the block in the file. */
  offset: number;
}

const IMPORT = /\bimport\s+(?:([\w$]+)\s*,?\s*)?(?:\*\s+as\s+([\w$]+)\s*)?(?:\{([^}]*)\}\s*)?(?:from\s*)?(['"])([^'"\n]+)\4/g;
const EXPORTED = /\bexport\s+(?:const|let|var|function|class)\s+([\w$]+)/g;

function position(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

export function mdxImports(text: string, blocks: readonly EsmBlock[]): { imports: MdxImport[]; exported: string[] } {
  const imports: MdxImport[] = [];
  const exported: string[] = [];
  for (const block of blocks) {
    for (const m of block.value.matchAll(IMPORT)) {
      const named = (m[3] ?? '')
        .split(',')
        .map((part) =>
          part
            .trim()
            .split(/\s+as\s+/)
            .pop()!
            .trim(),
        )
        .filter(Boolean);
      const names = [m[1], m[2], ...named].filter((n): n is string => Boolean(n));
      const at = position(text, block.offset + m.index + m[0].length - 1 - m[5]!.length);
      imports.push({ specifier: m[5]!, names, ...at });
    }
    for (const m of block.value.matchAll(EXPORTED)) exported.push(m[1]!);
  }
  return { imports, exported };
}

export { position as offsetPosition };
