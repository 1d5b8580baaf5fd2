// The atomic swap of a build's output (src/integrations/atomic-dist.ts, scripts/build.ts): a build
// writes into a staging folder beside the output folder, and only a finished one is renamed into
// place. Two renames on one file system (old output → trash, staging → output), then the trash is
// deleted: no file is ever half written, and the output is missing only between the two renames. A
// build killed mid-swap is repaired at the next build's start (recoverStale puts the trash back).
import { existsSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export interface AtomicDistPaths {
  /** The output folder the user asked for (config.outDir, or --outDir). */
  target: string;
  /** Where the build writes while it runs. */
  staging: string;
  /** Where the previous output goes for the instant of the swap. */
  trash: string;
}

export function atomicDistPaths(outDir: string): AtomicDistPaths {
  const target = outDir.replace(/[\\/]+$/, '');
  const parent = dirname(target);
  const name = basename(target);
  return { target, staging: join(parent, `.${name}-staging`), trash: join(parent, `.${name}-trash`) };
}

/** Clears what a killed build left: a missing output folder is restored from the trash, staging goes. */
export function recoverStale({ target, staging, trash }: AtomicDistPaths): void {
  if (!existsSync(target) && existsSync(trash)) renameSync(trash, target);
  rmSync(trash, { recursive: true, force: true });
  rmSync(staging, { recursive: true, force: true });
}

/** Puts staging in place of the target: old target → trash, staging → target, trash deleted. */
export function swapIntoPlace({ target, staging, trash }: AtomicDistPaths): void {
  rmSync(trash, { recursive: true, force: true });
  const hadTarget = existsSync(target);
  if (hadTarget) renameSync(target, trash);
  try {
    renameSync(staging, target);
  } catch (error) {
    if (hadTarget) renameSync(trash, target);
    throw error;
  }
  rmSync(trash, { recursive: true, force: true });
}
