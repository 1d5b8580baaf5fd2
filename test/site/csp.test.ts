// Every page carries a Content-Security-Policy that allows no inline script but the hashed theme
// script (the browser suite checks that the whole site works under it).
import { beforeAll, describe, expect, it } from 'vitest';
import { themeScriptHash } from '../../src/lib/seo/csp.ts';
import { allPages, builtSite, pageDocument } from '../helpers/site.ts';

let dist: string;
beforeAll(async () => {
  dist = await builtSite();
});

describe('Content-Security-Policy', () => {
  it('is on every web page, hashes the theme script and never allows unsafe-inline script', () => {
    for (const path of allPages(dist).filter((p) => !p.startsWith('/email/'))) {
      const policy = pageDocument(dist, path).querySelector('meta[http-equiv="content-security-policy"]')?.getAttribute('content') ?? '';
      const scriptSrc =
        policy
          .split(';')
          .map((d) => d.trim())
          .find((d) => d.startsWith('script-src')) ?? '';
      expect(scriptSrc, path).toContain(`'${themeScriptHash}'`);
      expect(scriptSrc, path).not.toContain("'unsafe-inline'");
      expect(policy, path).toContain("default-src 'self'");
      expect(policy, path).toContain("object-src 'none'");
    }
  });
});
