// The HTTP validators and bodies of the last run, in node_modules/.cache/substation-data: what lets
// a source answer 304 Not Modified and the loader still shape the body it has. Named by a hash of
// the URL (an API key in a query never becomes a file name); written atomically; a cache that
// cannot be read is a cache miss, never a failure.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CachedResponse, ResponseCache } from './http.ts';

export const DATA_CACHE_DIR = 'node_modules/.cache/substation-data';

function writeAtomic(file: string, data: Uint8Array | string): void {
  const temp = `${file}.tmp-${process.pid}-${Math.random().toString(36).slice(2, 10)}`;
  writeFileSync(temp, data);
  renameSync(temp, file);
}

export function fsResponseCache(dir: string): ResponseCache {
  const file = (url: string, ext: string) => path.join(dir, `${createHash('sha256').update(url).digest('hex').slice(0, 40)}.${ext}`);
  return {
    get(url) {
      try {
        const validators = JSON.parse(readFileSync(file(url, 'json'), 'utf8')) as Omit<CachedResponse, 'body'>;
        return { ...validators, body: readFileSync(file(url, 'body')) };
      } catch {
        return undefined;
      }
    },
    set(url, { etag, lastModified, body }) {
      try {
        mkdirSync(dir, { recursive: true });
        // The body first: validators without their body would make a 304 unusable.
        writeAtomic(file(url, 'body'), body);
        writeAtomic(file(url, 'json'), JSON.stringify({ etag, lastModified }));
      } catch {
        // A read-only or full disk costs the next run a full download, nothing more.
      }
    },
  };
}
