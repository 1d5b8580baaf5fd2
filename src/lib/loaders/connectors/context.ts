// What every connector is given: the HTTP client (ingest's fetch client underneath), the secrets
// read from the environment by the script, and, for a module loader, how to import it.
import type { Http } from '../http.ts';
import type { LoaderSpec } from '../loader-schema.ts';
import type { SourceTable } from '../table.ts';

export interface ConnectorEnv {
  /** EDGAR's required User-Agent, naming a person or company and an email: "Substation research desk@substation.example". */
  secUserAgent?: string | undefined;
  /** A key for the EIA API v2 (free, from https://www.eia.gov/opendata/register.php). */
  eiaApiKey?: string | undefined;
}

export interface ConnectorContext {
  http: Http;
  env: ConnectorEnv;
  /** Imports a module loader by its file name beside the meta; given by the -fs layer. */
  importModule?: ((file: string) => Promise<unknown>) | undefined;
}

export type Connector = (loader: LoaderSpec, context: ConnectorContext) => Promise<SourceTable>;
