// The DOM Plot renders into at build time. One linkedom document is enough: Plot creates detached
// elements and each chart is serialised right away.
import { parseHTML } from 'linkedom';

let shared: Document | undefined;

export function defaultDocument(): Document {
  shared ??= parseHTML('<!doctype html><html><head></head><body></body></html>').document as unknown as Document;
  return shared;
}
