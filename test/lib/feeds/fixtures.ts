// Shared by the feed tests: paths to our own fixtures and to the real-world corpus in ../shared.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeFeed } from '../../../src/lib/feeds/decode.ts';
import { normalizeFeed, type NormalizeContext } from '../../../src/lib/feeds/normalize.ts';
import { parseFeed } from '../../../src/lib/feeds/parse.ts';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const fixturesDir = path.join(repoRoot, 'test/fixtures/feeds');
export const realfeedsDir = path.resolve(repoRoot, '../shared/realfeeds');
export const hasRealfeeds = existsSync(path.join(realfeedsDir, 'INDEX.tsv'));
if (!hasRealfeeds) console.warn(`skipping real-world feed tests: ${realfeedsDir} is absent (it ships beside the repo, not in it)`);

export const NOW = new Date('2026-11-24T12:00:00.000Z');

export function fixture(name: string): Uint8Array {
  return readFileSync(path.join(fixturesDir, name));
}

/** The path of a conformance fixture (test/fixtures/feeds/conformance/), for `fixture` and `ingestFixture`. */
export const conformance = (name: string) => `conformance/${name}`;

/** Decode, parse and normalise one of our fixtures as a source would. */
export async function ingestFixture(name: string, ctx: Partial<NormalizeContext> = {}) {
  const feed = await parseFeed(decodeFeed(fixture(name)).text, { url: ctx.documentUrl });
  return { feed, ...normalizeFeed(feed, { source: { id: 'test', name: 'Test' }, now: NOW, ...ctx }) };
}
