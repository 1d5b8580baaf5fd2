// The lines around a problem in the author's own file, with a caret under the column: what the dev
// server's error page shows under each message.

export interface Located {
  file: string;
  line?: number | undefined;
  column?: number | undefined;
  message: string;
}

/** Splits `content/essays/x.mdx:12:5: message` into its parts; a line without a location keeps only the message. */
export function locate(problem: string): Located {
  const m = /^([^\s:]+\.[\w]+)(?::(\d+))?(?::(\d+))?: (.*)$/s.exec(problem);
  if (!m) return { file: '', message: problem };
  return { file: m[1]!, line: m[2] ? Number(m[2]) : undefined, column: m[3] ? Number(m[3]) : undefined, message: m[4]! };
}

export function codeFrame(text: string, line: number, column?: number, context = 2): string {
  const lines = text.split(/\r?\n/);
  const from = Math.max(1, line - context);
  const to = Math.min(lines.length, line + context);
  const width = String(to).length;
  const out: string[] = [];
  for (let n = from; n <= to; n++) {
    out.push(`${n === line ? '>' : ' '} ${String(n).padStart(width)} | ${lines[n - 1] ?? ''}`);
    if (n === line && column) out.push(`  ${' '.repeat(width)} | ${' '.repeat(Math.max(0, column - 1))}^`);
  }
  return out.join('\n');
}
