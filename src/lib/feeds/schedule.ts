// When to ask a source again. Success clears the record; a failure counts and waits longer each
// time (exponential backoff, capped), unless the server named its own time with Retry-After.
// The reason is kept so the report and the state file say why a source is resting.
import type { SourceState } from '../schema/ingest-state.ts';

export interface BackoffOptions {
  /** Wait after the first failure, in minutes; doubled per further failure. Default 30. */
  baseMinutes?: number;
  /** Longest wait, in hours. Default 24. */
  maxHours?: number;
  /** Failures tolerated before backing off at all: a single blip should not skip the next run. Default 1. */
  grace?: number;
}

/** Why a source is skipped this run, or undefined when it is due. */
export function skipReason(state: SourceState | undefined, now: Date): string | undefined {
  if (!state?.retryAfter || Date.parse(state.retryAfter) <= now.getTime()) return undefined;
  return `resting until ${state.retryAfter} after ${state.failures} failure${state.failures === 1 ? '' : 's'}: ${state.lastError ?? 'unknown error'}`;
}

export function afterSuccess(state: SourceState | undefined, validators: { etag?: string | undefined; lastModified?: string | undefined }): SourceState {
  const next: SourceState = { failures: 0 };
  // Keep the old validators on a 304, which carries none.
  const etag = validators.etag ?? state?.etag;
  const lastModified = validators.lastModified ?? state?.lastModified;
  if (etag) next.etag = etag;
  if (lastModified) next.lastModified = lastModified;
  return next;
}

export function afterFailure(state: SourceState | undefined, reason: string, now: Date, retryAfterMs?: number, options: BackoffOptions = {}): SourceState {
  const { baseMinutes = 30, maxHours = 24, grace = 1 } = options;
  const failures = (state?.failures ?? 0) + 1;
  const next: SourceState = { ...state, failures, lastError: reason };
  delete next.retryAfter;
  const backoffMs = failures > grace ? Math.min(baseMinutes * 60_000 * 2 ** (failures - grace - 1), maxHours * 3_600_000) : 0;
  const waitMs = Math.max(retryAfterMs ?? 0, backoffMs);
  if (waitMs > 0) next.retryAfter = new Date(now.getTime() + waitMs).toISOString();
  return next;
}

/**
 * The earliest instant any of these sources may be requested again, as ISO UTC, or undefined when one
 * is due now. A source without state (new, or a local file) is always due.
 */
export function nextAttempt(states: readonly (SourceState | undefined)[], now: Date): string | undefined {
  let earliest = Infinity;
  for (const state of states) earliest = Math.min(earliest, state?.retryAfter ? Date.parse(state.retryAfter) : -Infinity);
  return earliest > now.getTime() && Number.isFinite(earliest) ? new Date(earliest).toISOString() : undefined;
}

/** "2026-11-24T12:30:00.000Z (in 30 min)": when a rest ends, for a person reading a cron log. */
export function describeAttempt(at: string, now: Date): string {
  return `${at} (in ${Math.max(1, Math.ceil((Date.parse(at) - now.getTime()) / 60_000))} min)`;
}
