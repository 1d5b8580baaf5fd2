// The PNGs the card pool puts into the build's output itself: every social card and chart twin whose
// route the build would otherwise render (/og/…, /charts/…). In a build with the pool, the card and
// chart routes' getStaticPaths hand each file's job here and give Astro no path for it; once every
// page is written (astro:build:generated, src/integrations/card-pool.ts), each finished PNG is copied
// from the pool's cache to its place. Measured at 1,000 essays: the 2,230 image routes cost Astro's
// main thread 16 s of a cold build (8.7 ms a chart route, 5.3 ms a card route, most of it Astro's
// own work per route, beside the two workers) and 1.5-2 s of restores in a warm one; copying the
// files takes a fraction of a second.
import { constants, mkdirSync } from 'node:fs';
import { copyFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { isPoolUnavailable, type Delivered, type DeliveryKind, type PooledCard } from './active-pool.ts';

export interface Delivery {
  /** Where the file goes, relative to the build output: og/essays/x.png, charts/<owner>/<figure>.png. */
  path: string;
  kind: DeliveryKind;
  job: Promise<PooledCard>;
  /** Draws the PNG in this thread, for a job the pool could not take (no worker running): as its endpoint would. */
  fallback: () => Buffer | Promise<Buffer>;
}

/** Where a finished job's PNG is: in the message (a pool with no cache), or the cache file of its kind. */
export type PngSource = (kind: DeliveryKind, card: PooledCard) => Buffer | string;

const SHOWN = 5;

/**
 * Waits for every delivery's job and writes its PNG to `dir`/path (drawn by its fallback when the
 * pool could not take it). A job that failed fails the whole
 * delivery with its own error (naming the card or chart); more than one are listed, a line each,
 * and the first in full. Nothing is written unless every job succeeded.
 */
export async function writeDeliveries(dir: string, deliveries: Iterable<Delivery>, source: PngSource): Promise<Delivered> {
  const all = [...deliveries];
  const started = performance.now();
  // A job no worker could take is drawn here, as its route's endpoint would have drawn it.
  const settled = await Promise.allSettled(all.map((d) => d.job.catch((error: unknown) => (isPoolUnavailable(error) ? d.fallback() : Promise.reject(error)))));
  const waitedMs = performance.now() - started;
  const failed = settled.flatMap((s) => (s.status === 'rejected' ? [s.reason as Error] : []));
  if (failed.length === 1) throw failed[0]!;
  if (failed.length > 1) {
    const lines = failed.slice(0, SHOWN).map((e) => `- ${e.message.split('\n')[0]}`);
    if (failed.length > SHOWN) lines.push(`- …and ${failed.length - SHOWN} more`);
    throw new Error(`${failed.length} social cards or chart twins could not be drawn:\n${lines.join('\n')}\nThe first in full:\n${failed[0]!.message}`, {
      cause: failed[0],
    });
  }
  for (const folder of new Set(all.map((d) => dirname(join(dir, d.path))))) mkdirSync(folder, { recursive: true });
  await Promise.all(
    all.map((d, i) => {
      const done = (settled[i] as PromiseFulfilledResult<PooledCard | Buffer>).value;
      const png = Buffer.isBuffer(done) ? done : source(d.kind, done);
      const target = join(dir, d.path);
      // A reflink where the file system has them, else a copy: never a hard link, which would let a
      // tool that edits the output in place (an image optimiser) edit the cache with it.
      return typeof png === 'string' ? copyFile(png, target, constants.COPYFILE_FICLONE) : writeFile(target, png);
    }),
  );
  return { cards: all.filter((d) => d.kind === 'card').length, charts: all.filter((d) => d.kind === 'chart').length, waitedMs };
}
