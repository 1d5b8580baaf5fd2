// Gives every test run an id, so site suites in parallel worker processes share one production
// build of the sample publication (made lazily by the first suite that needs it: see test/helpers/site.ts).
import type { TestProject } from 'vitest/node';

export default function setup(project: TestProject) {
  project.provide('runId', `${process.pid}-${Date.now()}`);
}

declare module 'vitest' {
  export interface ProvidedContext {
    runId: string;
  }
}
