// Rendered cards on disk, keyed by content hash, so an unchanged card costs one file read on the next
// build. Writes go to a temporary file and are renamed into place: a killed build never leaves half a PNG.
// The temporary name is the process's and the thread's, so the card workers of one build (threads of
// one process) writing the same card at once each rename a whole file of their own.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';

export interface CardCache {
  get(key: string): Buffer | undefined;
  set(key: string, png: Buffer): void;
}

/** Inside node_modules/.cache, which every tool treats as disposable and git already ignores. */
export const DEFAULT_CARD_CACHE = 'node_modules/.cache/substation-cards';

export function fileCardCache(dir: string): CardCache {
  let made = false;
  const path = (key: string) => join(dir, `${key}.png`);
  return {
    get(key) {
      try {
        return readFileSync(path(key));
      } catch {
        return undefined;
      }
    },
    set(key, png) {
      if (!made) mkdirSync(dir, { recursive: true });
      made = true;
      const tmp = `${path(key)}.${process.pid}-${threadId}.tmp`;
      writeFileSync(tmp, png);
      renameSync(tmp, path(key));
    },
  };
}

export function memoryCardCache(): CardCache & { size(): number } {
  const map = new Map<string, Buffer>();
  return { get: (key) => map.get(key), set: (key, png) => void map.set(key, png), size: () => map.size };
}
