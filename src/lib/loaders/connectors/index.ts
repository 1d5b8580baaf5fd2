// Every connector by the name a meta file's `loader.connector` gives it.
import type { ConnectorName } from '../loader-schema.ts';
import type { Connector } from './context.ts';
import { csvConnector } from './csv.ts';
import { edgarConnector } from './edgar.ts';
import { eiaConnector } from './eia.ts';
import { jsonConnector } from './json.ts';
import { moduleConnector } from './module.ts';
import { owidConnector } from './owid.ts';

export const CONNECTOR: Record<ConnectorName, Connector> = {
  csv: csvConnector,
  json: jsonConnector,
  owid: owidConnector,
  eia: eiaConnector,
  edgar: edgarConnector,
  module: moduleConnector,
};
