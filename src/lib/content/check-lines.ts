// What the build says of the content check, in one place for the two builds that run it: the
// integration inside a plain `astro build` (src/integrations/content-check.ts) and `npm run build`
// (scripts/build.ts), which checks in its own process while Astro starts.
import type { ProjectReport } from './check-fs.ts';

/** Set by `npm run build` for its Astro process: the content is checked beside it, not in it. */
export const CHECK_ELSEWHERE_ENV = 'SUBSTATION_CONTENT_CHECKED_BY_PARENT';
export const CONTENT_CHECK = 'substation:content-check';
/** Set by the content check under `astro dev`, where it shows the problems in the browser (src/site/dev-loader.ts). */
export const DEV_CONTENT_CHECK_ENV = 'SUBSTATION_DEV_CONTENT_CHECK';

/** The build's verdict: the problems and what to do, or the line that says the content is valid. */
export function checkVerdict(report: ProjectReport, ms: number): { ok: boolean; line: string } {
  const n = report.problems.length;
  if (n) {
    return {
      ok: false,
      line: `✗ ${n} problem${n === 1 ? '' : 's'} in the content:\n  ${report.problems.join('\n  ')}\nFix them, then build again (npm run check lists the same).`,
    };
  }
  return {
    ok: true,
    line: `✓ content valid: ${report.counts.essays} essays, ${report.counts.issues ?? 0} issues, ${report.datasets} datasets in ${Math.round(ms)}ms`,
  };
}
