// The last steps of `npm run build` (scripts/build.ts), once Astro's process has exited and handed
// over its finished staging folder (./handoff-fs.ts): the search index, then the swap. Either
// failing removes the staging folder and leaves the previous output exactly as it was.
import { rmSync } from 'node:fs';
import { indexSite } from '../search/index-site-fs.ts';
import type { Handoff } from './handoff-fs.ts';
import { swapIntoPlace } from './swap-fs.ts';

/** Indexes `staging` for search and puts it in place of `target`; returns the index's line. */
export async function finishBuild(handoff: Handoff): Promise<string> {
  try {
    const indexed = await indexSite({ root: handoff.root, site: handoff.staging });
    swapIntoPlace(handoff);
    return indexed;
  } catch (error) {
    rmSync(handoff.staging, { recursive: true, force: true });
    throw error;
  }
}
