// Why a JSX tag failed to parse, read from the source at the tag: never closed (a blank line or the
// end of the file came first), or an attribute's `{…}` with unbalanced braces or an unclosed string.
// The parser's own message ("Unexpected character after `<`") names a symptom; this names the cause.

export interface TagDiagnosis {
  offset: number;
  message: string;
}

const NAME = /^<([A-Za-z][\w.:-]*)/;

/** Reads a `{…}` expression from `start` (at the brace); returns the offset after it, or -1. */
function skipExpression(text: string, start: number): number {
  let depth = 0;
  let quote = '';
  for (let i = start; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
      else if (c === '\n' && quote !== '`') return -1;
    } else if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i + 1;
    else if (c === '\n' && text[i + 1] === '\n') return -1;
  }
  return -1;
}

export function diagnoseTag(text: string, offset: number): TagDiagnosis | undefined {
  // The parser may point at the `<` or just after it.
  const at = text[offset] === '<' ? offset : text[offset - 1] === '<' ? offset - 1 : -1;
  if (at === -1) return undefined;
  const name = NAME.exec(text.slice(at, at + 80))?.[1];
  if (!name) return undefined;
  const unclosed =
    `<${name}> is not closed: end it with "/>", or with ">" and a closing </${name}>, and keep blank lines out of the tag` +
    (/^[a-z]/.test(name) ? `; if "<" was meant as less-than, write "\\<"` : '');
  let i = at + name.length + 1;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\n' && /^\n[ \t]*\n/.test(text.slice(i, i + 40))) return { offset: at, message: unclosed };
    if (c === '>' || (c === '/' && text[i + 1] === '>')) return undefined;
    if (c === '{') {
      const end = skipExpression(text, i);
      if (end === -1) {
        const attr = /([\w-]+)\s*=\s*$/.exec(text.slice(Math.max(at, i - 40), i))?.[1];
        return { offset: i, message: `<${name}${attr ? ` ${attr}={…}` : ''}>: the expression starting here has unbalanced braces { } or an unclosed string` };
      }
      i = end;
      continue;
    }
    if (c === '"' || c === "'") {
      const end = text.indexOf(c, i + 1);
      const newline = text.indexOf('\n', i + 1);
      if (end === -1 || (newline !== -1 && newline < end && text.slice(i + 1, end).includes('\n\n'))) {
        return { offset: i, message: `<${name}>: this attribute's value has no closing ${c}` };
      }
      i = end + 1;
      continue;
    }
    i++;
  }
  return { offset: at, message: unclosed };
}
