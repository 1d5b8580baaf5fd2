// `npm run new -- "Title" [--author id] [--topic id]`: writes content/essays/<slug>.mdx as a draft.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { newEssay } from '../src/lib/essays/new-essay.ts';
import { readContentFiles } from '../src/lib/content/content-fs.ts';
import { checkTaxonomy } from '../src/lib/content/validate.ts';

const root = process.env.SUBSTATION_ROOT ?? fileURLToPath(new URL('..', import.meta.url));
const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { author: { type: 'string' }, topic: { type: 'string' } },
});
const title = positionals.join(' ').trim();
if (!title) {
  console.error('usage: npm run new -- "Essay title" [--author <id>] [--topic <id>]');
  process.exit(2);
}

const authors = readdirSync(join(root, 'content/authors')).filter((n) => /\.ya?ml$/.test(n)).map((n) => n.replace(/\.ya?ml$/, '')).sort();
const topics = checkTaxonomy(readContentFiles(root).taxonomy).taxonomy?.topics.map((t) => t.id) ?? [];
const author = values.author ?? authors[0] ?? 'your-id';
const topic = values.topic ?? topics[0] ?? 'chips';
for (const [kind, value, allowed] of [['author', author, authors], ['topic', topic, topics]] as const) {
  if (!allowed.includes(value)) {
    console.error(`✗ unknown ${kind} "${value}". Allowed: ${allowed.join(', ')}`);
    process.exit(2);
  }
}

let made;
try {
  made = newEssay({ title, today: new Date().toISOString().slice(0, 10), author, topic });
} catch (error) {
  console.error(`✗ ${(error as Error).message}`);
  process.exit(2);
}
const { slug, text } = made;
const file = join(root, 'content/essays', `${slug}.mdx`);
const relative = `content/essays/${slug}.mdx`;
if (existsSync(file) || existsSync(file.replace(/\.mdx$/, '.md'))) {
  console.error(`✗ ${relative} already exists: choose another title or edit that file.`);
  process.exit(1);
}
writeFileSync(file, text, { flag: 'wx' });
console.log(`✓ wrote ${relative} (a draft: it shows in \`npm run dev\`; set draft: false to publish)`);
