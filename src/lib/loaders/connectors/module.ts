// A TypeScript module beside the dataset, for a source no connector reads: its default export is
// given { http, env, url } and returns the records (or { rows, url }), which the shaping steps then
// take like any other source's.
import { SourceFormatError } from '../table.ts';
import type { Connector } from './context.ts';
import { readRecords } from './json.ts';

export const moduleConnector: Connector = async (loader, { http, env, importModule }) => {
  if (!importModule) throw new SourceFormatError('module loaders run only from npm run data');
  const mod = (await importModule(loader.module!)) as { default?: unknown };
  if (typeof mod.default !== 'function')
    throw new SourceFormatError(`${loader.module} has no default export: export default async function ({ http, url }) { return rows }`);
  const result = (await mod.default({ http, env, url: loader.url })) as unknown;
  const rows = Array.isArray(result) ? result : (result as { rows?: unknown })?.rows;
  const url =
    (!Array.isArray(result) && typeof (result as { url?: unknown })?.url === 'string' ? (result as { url: string }).url : undefined) ??
    loader.url ??
    loader.module!;
  return readRecords(rows, url, [], `the value ${loader.module} returned`);
};
