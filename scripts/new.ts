// `npm run new -- "Title" [--author id] [--topic id]`: writes content/essays/<slug>.mdx as a draft.
// The options are in COMMAND below, which is also the --help text.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { newEssay } from '../src/lib/essays/new-essay.ts';
import { readContentFiles } from '../src/lib/content/content-fs.ts';
import { checkTaxonomy } from '../src/lib/content/validate.ts';
import type { CommandSpec } from '../src/lib/cli/args.ts';
import { readCommandLine } from '../src/lib/cli/process.ts';

const root = process.env.SUBSTATION_ROOT ?? fileURLToPath(new URL('..', import.meta.url));
const COMMAND = {
  name: 'new',
  usage: 'npm run new -- "Essay title" [--author ID] [--topic ID]',
  summary: 'Writes content/essays/<slug>.mdx as a draft with valid frontmatter, the slug taken from the title. Never overwrites a file.',
  positional: { name: 'title', describe: 'the headline of the essay; quote it, or its words are joined with spaces', required: true, variadic: true },
  options: {
    author: {
      type: 'string',
      arg: 'ID',
      describe: 'the author: a file name in content/authors/ without .yaml',
      defaultText: 'the first author, alphabetically',
    },
    topic: { type: 'string', arg: 'ID', describe: 'the topic: an id in content/taxonomy.yaml', defaultText: 'the first topic of the taxonomy' },
  },
  examples: ['npm run new -- "Power Is the New Silicon" --author mara-okafor --topic energy', 'npm run new -- "The Package Is the Product"'],
} as const satisfies CommandSpec;

const { positionals, values } = readCommandLine(COMMAND);
const title = positionals.join(' ').trim();

const authors = readdirSync(join(root, 'content/authors'))
  .filter((n) => /\.ya?ml$/.test(n))
  .map((n) => n.replace(/\.ya?ml$/, ''))
  .sort();
const topics = checkTaxonomy(readContentFiles(root).taxonomy).taxonomy?.topics.map((t) => t.id) ?? [];
const author = values.author ?? authors[0] ?? 'your-id';
const topic = values.topic ?? topics[0] ?? 'chips';
for (const [kind, value, allowed] of [
  ['author', author, authors],
  ['topic', topic, topics],
] as const) {
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
