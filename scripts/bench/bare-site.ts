// The baseline of `npm run bench:build`: a bare Astro + MDX site over the same essays, the
// embeds stripped. One layout, an index page and `src/pages/essays/[slug].astro` over a glob()
// collection; astro.config.mjs has @astrojs/mdx and nothing else. What Substation costs beyond it
// (charts, cards, feeds, search, taxonomy pages, checks) is what the build benchmark measures.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * An essay's MDX with every JSX element whose name starts with a capital (<LineChart … />,
 * <Metric … />) removed, a paired one (<Callout>…</Callout>) keeping its children, and the
 * import/export lines removed. Frontmatter, prose, lowercase HTML and code are kept as written.
 */
export function stripEmbeds(mdx: string): string {
  const fm = /^---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(mdx);
  const head = fm ? fm[0] : '';
  const lines = mdx.slice(head.length).split('\n');
  // ESM lines outside code fences; MDX reads a paragraph starting with import/export as ESM too.
  let fenced = false;
  const kept = lines.filter((line) => {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    return fenced || !/^(import|export)\s/.test(line);
  });
  const body = kept.join('\n');
  let out = '';
  let i = 0;
  fenced = false;
  while (i < body.length) {
    const atLineStart = i === 0 || body[i - 1] === '\n';
    if (atLineStart && /^\s*(```|~~~)/.test(body.slice(i, i + 40))) {
      // A fence line, copied whole.
      fenced = !fenced;
      const newline = body.indexOf('\n', i);
      const stop = newline < 0 ? body.length : newline + 1;
      out += body.slice(i, stop);
      i = stop;
      continue;
    }
    const ch = body[i]!;
    if (fenced) {
      out += ch;
      i++;
      continue;
    }
    if (ch === '`') {
      // An inline code span: copied as is, up to the same run of backticks.
      const run = /^`+/.exec(body.slice(i))![0];
      const end = body.indexOf(run, i + run.length);
      if (end > 0 && !body.slice(i, end).includes('\n\n')) {
        out += body.slice(i, end + run.length);
        i = end + run.length;
        continue;
      }
    }
    if (ch === '<' && /^<\/?[A-Z]/.test(body.slice(i, i + 3))) {
      const end = tagEnd(body, i);
      const lineStart = out.lastIndexOf('\n') + 1;
      const newline = body.indexOf('\n', end);
      const restOfLine = body.slice(end, newline < 0 ? body.length : newline);
      if (out.slice(lineStart).trim() === '' && restOfLine.trim() === '') {
        // A tag on lines of its own: the lines go with it.
        out = out.slice(0, lineStart);
        i = newline < 0 ? body.length : newline + 1;
      } else {
        // Inline (a <Sparkline /> in a sentence): one space stays, none before punctuation.
        if (out.endsWith(' ') && /^[\s.,;:!?)]/.test(body.slice(end, end + 1))) out = out.replace(/ +$/, '');
        i = end;
      }
      continue;
    }
    out += ch;
    i++;
  }
  return head + out;
}

/** The index just past the JSX tag starting at `start` (`<Name … />`, `<Name …>` or `</Name>`). */
function tagEnd(text: string, start: number): number {
  let i = start + 1;
  let depth = 0;
  let quote: string | null = null;
  while (i < text.length) {
    const ch = text[i]!;
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'" || (ch === '`' && depth > 0)) {
      quote = ch;
    } else if (ch === '{') {
      depth++;
    } else if (ch === '}') {
      depth--;
    } else if (depth === 0 && ch === '>') {
      return i + 1;
    }
    i++;
  }
  throw new Error(`an unclosed JSX tag at offset ${start}: ${text.slice(start, start + 60)}…`);
}

/** The capitalised JSX tags left in stripped MDX, outside code: none, or the strip missed some. */
export function leftoverEmbeds(mdx: string): string[] {
  const prose = mdx.replace(/^(```|~~~)[\s\S]*?^\1/gm, '').replace(/`[^`\n]*`/g, '');
  return [...prose.matchAll(/<\/?[A-Z][A-Za-z0-9.]*/g)].map((m) => m[0]);
}

const FILES: Record<string, string> = {
  'package.json': `${JSON.stringify({ name: 'bare-astro-mdx', private: true, type: 'module' }, null, 2)}\n`,
  'tsconfig.json': `${JSON.stringify({ extends: 'astro/tsconfigs/base', include: ['.astro/types.d.ts', '**/*'], exclude: ['dist'] }, null, 2)}\n`,
  'astro.config.mjs': `import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

export default defineConfig({ integrations: [mdx()] });
`,
  'src/content.config.ts': `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

export const collections = {
  essays: defineCollection({ loader: glob({ pattern: '**/*.{md,mdx}', base: './content/essays' }) }),
};
`,
  'src/essays.ts': `import { getCollection } from 'astro:content';

// The essays Substation publishes too: drafts stay out, newest first.
export async function published() {
  const essays = await getCollection('essays', ({ data }) => data.draft !== true);
  return essays.sort((a, b) => +new Date(b.data.date) - +new Date(a.data.date));
}

export const day = (date: unknown) => new Date(date as string).toISOString().slice(0, 10);
`,
  'src/layouts/Base.astro': `---
interface Props { title: string }
const { title } = Astro.props;
---
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>{title}</title>
    <style>
      body { font: 18px/1.6 Georgia, serif; max-width: 42rem; margin: 2rem auto; padding: 0 1rem; }
    </style>
  </head>
  <body>
    <header><a href="/">Bare</a></header>
    <main><slot /></main>
  </body>
</html>
`,
  'src/pages/index.astro': `---
import Base from '../layouts/Base.astro';
import { day, published } from '../essays.ts';
const essays = await published();
---
<Base title="Essays">
  <h1>Essays</h1>
  <ul>
    {essays.map((e) => <li><a href={\`/essays/\${e.id}/\`}>{e.data.title}</a> <time>{day(e.data.date)}</time></li>)}
  </ul>
</Base>
`,
  'src/pages/essays/[slug].astro': `---
import { render } from 'astro:content';
import Base from '../../layouts/Base.astro';
import { day, published } from '../../essays.ts';

export async function getStaticPaths() {
  return (await published()).map((entry) => ({ params: { slug: entry.id }, props: { entry } }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
---
<Base title={entry.data.title}>
  <article>
    <h1>{entry.data.title}</h1>
    <p>{entry.data.dek}</p>
    <time>{day(entry.data.date)}</time>
    <Content />
  </article>
</Base>
`,
};

/**
 * Writes the bare site into `dest` (which must exist), its essays the stripped copies of the .mdx
 * files in `essaysDir`. Returns how many essays it wrote. Throws if an embed survives the strip.
 */
export function writeBareSite(dest: string, essaysDir: string): number {
  for (const [path, text] of Object.entries(FILES)) {
    mkdirSync(dirname(join(dest, path)), { recursive: true });
    writeFileSync(join(dest, path), text);
  }
  const out = join(dest, 'content/essays');
  mkdirSync(out, { recursive: true });
  let count = 0;
  for (const file of readdirSync(essaysDir).filter((f) => /\.mdx?$/.test(f))) {
    const stripped = stripEmbeds(readFileSync(join(essaysDir, file), 'utf8'));
    const left = leftoverEmbeds(stripped);
    if (left.length) throw new Error(`bare site: ${file} still has ${left.join(', ')} after stripping the embeds`);
    writeFileSync(join(out, file), stripped);
    count++;
  }
  return count;
}
