// An author's file by its path from the project root, for locating an embed that failed while rendering.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const readProjectFile = (file: string): string | undefined => {
  const path = join(process.cwd(), file);
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
};
