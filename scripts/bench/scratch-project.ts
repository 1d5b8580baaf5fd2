// A scratch copy of the project in a temp folder, for benchmarks and tests that edit content or run
// astro; see ./scratch-copy.ts for what is copied and why the caches are left out.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copyProject } from './scratch-copy.ts';

export interface ScratchProject {
  root: string;
  remove(): void;
}

/** Copies the project into a new folder under the OS temp dir (named `prefix`…), or into `dir`. */
export function scratchProject(repoRoot: string, prefix = 'substation-scratch-', dir?: string): ScratchProject {
  const root = dir ?? mkdtempSync(join(tmpdir(), prefix));
  copyProject(repoRoot, root);
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}
