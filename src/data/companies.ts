// Segments in the order the taxonomy lists them (the supply chain, from foundry to security): the
// content layer does not keep file order, so the order is read from content/taxonomy.yaml itself.
import { getCollection } from 'astro:content';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Segment } from '../lib/schema/taxonomy.ts';

export async function segmentsInOrder(): Promise<Segment[]> {
  const listed = (parseYaml(readFileSync(join(process.cwd(), 'content/taxonomy.yaml'), 'utf8')) as { segments?: Array<{ id: string }> }).segments ?? [];
  const rank = new Map(listed.map((s, i) => [s.id, i]));
  const segments = (await getCollection('segments')).map((s) => s.data);
  return segments.sort((a, b) => (rank.get(a.id) ?? Infinity) - (rank.get(b.id) ?? Infinity));
}
