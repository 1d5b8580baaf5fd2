// The machine's time zone for a describe block: Node reads process.env.TZ again when it changes, so
// each pass of a date test really runs in that zone, and the zone the block found is put back after
// it (the unit project runs many files in one process).
import { afterAll, expect } from 'vitest';

/** Zones either side of UTC, for tests that a date reads the same whatever the machine's zone. */
export const MACHINE_ZONES = ['UTC', 'America/New_York', 'Asia/Tokyo'];

/** Call inside a describe: returns `useZone(tz)`, which switches the zone and checks it switched. */
export function machineZone(): (tz: string) => void {
  const originalTz = process.env.TZ;
  afterAll(() => {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  });
  return (tz: string) => {
    process.env.TZ = tz;
    // The machine zone really changed: a local-time reading of a date would differ from UTC.
    expect(new Date(2026, 10, 5).getTimezoneOffset() === 0).toBe(tz === 'UTC');
  };
}
