// The Content-Security-Policy every page carries (as a <meta> tag Astro writes with the hashes
// of its own scripts and styles). Inline script is allowed only for the hashed theme script.
import { createHash } from 'node:crypto';
import { themeScript } from '../theme-script.ts';

export const themeScriptHash: `sha256-${string}` = `sha256-${createHash('sha256').update(themeScript).digest('base64')}`;

/** Directives besides script-src and style-src, which Astro computes from what each page uses. */
export const cspDirectives = [
  "default-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
] as const;

/** The search page runs Pagefind, which compiles WebAssembly; nothing else needs it. */
export const cspScriptResources = ["'self'", "'wasm-unsafe-eval'"] as const;
