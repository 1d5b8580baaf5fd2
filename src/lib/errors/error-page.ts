// The page the dev server answers (HTTP 500) while the content has a mistake: the same lines as
// `npm run check`, each with a frame of the author's file. It reloads itself once the content
// check passes again, so fixing the file is all it takes.
import { escapeUTF8 as escapeHTML } from 'entities';
import { codeFrame, locate } from './code-frame.ts';

export const STATUS_PATH = '/__substation/content-status';

export function errorPage(problems: readonly string[], read: (file: string) => string | undefined): string {
  const items = problems.map((problem) => {
    const where = locate(problem);
    const text = where.file && where.line ? read(where.file) : undefined;
    const frame = text !== undefined && where.line ? `<pre class="frame">${escapeHTML(codeFrame(text, where.line, where.column))}</pre>` : '';
    return `<li><p class="message">${escapeHTML(problem)}</p>${frame}</li>`;
  });
  const count = `${problems.length} problem${problems.length === 1 ? '' : 's'} in the content`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${count} · Substation</title>
<style>
body { font: 16px/1.5 system-ui, sans-serif; margin: 0; padding: 2rem; background: #fff8f6; color: #1f1f1f; }
h1 { font-size: 1.4rem; color: #a3160b; margin: 0 0 .5rem; }
ol { padding-left: 1.25rem; }
li { margin: 1.25rem 0; }
.message { font: 600 14px/1.5 ui-monospace, monospace; white-space: pre-wrap; overflow-wrap: anywhere; margin: 0 0 .5rem; }
.frame { font: 13px/1.45 ui-monospace, monospace; background: #fff; border: 1px solid #e8c9c4; border-radius: 6px; padding: .75rem; overflow-x: auto; margin: 0; }
.hint { color: #555; }
</style>
</head>
<body>
<main>
<h1>${count}</h1>
<p class="hint">The page is not shown until these are fixed. <code>npm run check</code> prints the same list. This page reloads by itself once the content is valid.</p>
<ol>
${items.join('\n')}
</ol>
</main>
<script type="module">
const status = () => fetch('${STATUS_PATH}', { cache: 'no-store' }).then((r) => r.json()).catch(() => undefined);
const shown = JSON.stringify((await status())?.problems);
setInterval(async () => {
  const now = await status();
  if (now && (now.ok || JSON.stringify(now.problems) !== shown)) location.reload();
}, 1000);
</script>
</body>
</html>
`;
}
