// N essays cycled from the sample essays, each with its own slug, title and date, written into a
// scratch copy of the project: the scale benchmarks (check, build) measure a thousand essays with
// real embeds without a thousand hand-written files.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Replaces the essays in `dest`/content/essays with `count` copies cycled from `source`'s. */
export function writeEssayCopies(source: string, dest: string, count: number): string[] {
  const dir = join(source, 'content/essays');
  const samples = readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .sort()
    .map((f) => ({ slug: f.replace(/\.mdx$/, ''), text: readFileSync(join(dir, f), 'utf8') }));
  const out = join(dest, 'content/essays');
  for (const f of readdirSync(out)) if (/\.mdx?$/.test(f)) rmSync(join(out, f));
  const written: string[] = [];
  for (let i = 0; i < count; i++) {
    const sample = samples[i % samples.length]!;
    const n = String(i + 1).padStart(4, '0');
    const day = new Date(Date.UTC(2023, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    const text = sample.text
      .replace(/^title: "?(.*?)"?$/m, (_, t: string) => `title: ${JSON.stringify(`${t} (${n})`)}`)
      .replace(/^date: .*$/m, `date: ${day}`)
      .replace(/^featured: true$/m, 'featured: false');
    const file = `${sample.slug}-${n}.mdx`;
    writeFileSync(join(out, file), text);
    written.push(file);
  }
  return written;
}
