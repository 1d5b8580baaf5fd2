// Field builders shared by the content schemas, each with an error message that says what was
// expected, what was found, and how to fix it.
import { z } from 'zod';
import { describe } from '../errors/describe.ts';
import { suggest } from '../errors/suggest.ts';

/** A required, non-empty string. */
export function text(field: string) {
  return z
    .string({
      error: (iss) => (iss.input === undefined ? `required: add \`${field}: "..."\` to the frontmatter` : `expected text, received ${describe(iss.input)}`),
    })
    .trim()
    .min(1, { error: `must not be empty: write the ${field}` });
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * A day past its month's end ("2026-02-30", which new Date() silently makes 2 March): the problem
 * to report, such as "2026-02-30 is not a day of the calendar: February 2026 has 28 days"; else
 * undefined. Months outside 1-12 are left to the format check.
 */
function pastMonthEnd(text: string): string | undefined {
  const [year, month, day] = text.slice(0, 10).split('-').map(Number) as [number, number, number];
  if (month < 1 || month > 12) return undefined;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day >= 1 && day <= days) return undefined;
  const name = new Date(Date.UTC(year, month - 1, 1)).toLocaleString('en', { month: 'long', timeZone: 'UTC' });
  return `${text.slice(0, 10)} is not a day of the calendar: ${name} ${year} has ${days} days. Write the date it should be, as YYYY-MM-DD`;
}

/** A calendar date written as YYYY-MM-DD (YAML may already have turned it into a Date). */
export function date(field: string) {
  return z.custom<Date | string>().transform((input, ctx): Date => {
    const parsed = input instanceof Date ? input : typeof input === 'string' && ISO_DAY.test(input.trim()) ? new Date(input.trim()) : undefined;
    const overflow = typeof input === 'string' && parsed ? pastMonthEnd(input.trim()) : undefined;
    if (overflow) {
      ctx.issues.push({ code: 'custom', input, message: overflow });
      return z.NEVER;
    }
    if (parsed && !Number.isNaN(parsed.getTime())) return parsed;
    ctx.issues.push({
      code: 'custom',
      input,
      message:
        input === undefined
          ? `required: add \`${field}: 2026-03-14\` (a date as YYYY-MM-DD)`
          : `expected a date as YYYY-MM-DD such as 2026-03-14, received ${describe(input)}`,
    });
    return z.NEVER;
  });
}

/** An id that must be one of `allowed`, e.g. a topic from the taxonomy. */
export function oneOf(kind: string, allowed: readonly string[], whereDefined: string) {
  return z.string().superRefine((value, ctx) => {
    if (allowed.includes(value)) return;
    const hint = suggest(value, allowed);
    ctx.addIssue({
      code: 'custom',
      input: value,
      message:
        `unknown ${kind} ${describe(value)}` + (hint ? `; did you mean "${hint}"?` : '') + ` Allowed: ${allowed.join(', ')} (defined in ${whereDefined})`,
    });
  });
}

/** A list of ids from `allowed`, with a clear message when a single value is given instead of a list. */
export function listOf(kind: string, allowed: readonly string[], whereDefined: string) {
  return z
    .array(oneOf(kind, allowed, whereDefined), {
      error: (iss) =>
        iss.input === undefined
          ? `required: add a list such as [${allowed.slice(0, 2).join(', ')}]`
          : `expected a list such as [${allowed.slice(0, 2).join(', ')}], received ${describe(iss.input)}`,
    })
    .superRefine((ids, ctx) => {
      // A second listing is a slip (often a copy-paste), and would show the name twice.
      ids.forEach((id, i) => {
        const first = ids.indexOf(id);
        if (first < i) ctx.addIssue({ code: 'custom', path: [i], input: id, message: `${kind} "${id}" is listed twice (also at [${first}]): remove one` });
      });
    });
}
