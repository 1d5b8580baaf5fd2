// A link checker over a built site: every internal href/src resolves to a file in dist/, and every
// fragment to an element id on the target page.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';

export interface LinkProblem {
  page: string;
  link: string;
  problem: string;
}

function fileFor(dist: string, pathname: string): string | undefined {
  const path = decodeURIComponent(pathname);
  const direct = join(dist, path);
  if (existsSync(direct) && statSync(direct).isFile()) return direct;
  const index = join(dist, path, 'index.html');
  return existsSync(index) ? index : undefined;
}

const idCache = new Map<string, Set<string>>();
function idsIn(file: string): Set<string> {
  let ids = idCache.get(file);
  if (!ids) {
    const { document } = parseHTML(readFileSync(file, 'utf8'));
    ids = new Set([...document.querySelectorAll('[id]')].map((el) => el.getAttribute('id') ?? ''));
    for (const a of document.querySelectorAll('a[name]')) ids.add(a.getAttribute('name') ?? '');
    idCache.set(file, ids);
  }
  return ids;
}

export function checkLinks(dist: string, pages: string[], siteOrigin: string): LinkProblem[] {
  const problems: LinkProblem[] = [];
  for (const page of pages) {
    const pageFile = fileFor(dist, page)!;
    const { document } = parseHTML(readFileSync(pageFile, 'utf8'));
    const base = new URL(page, siteOrigin);
    const refs = [
      ...[...document.querySelectorAll('a[href], link[href]')].map((el) => el.getAttribute('href')!),
      ...[...document.querySelectorAll('img[src], script[src], source[src]')].map((el) => el.getAttribute('src')!),
    ];
    for (const ref of refs) {
      if (/^(mailto:|tel:|data:)/.test(ref)) continue;
      const url = new URL(ref, base);
      if (url.origin !== new URL(siteOrigin).origin) continue;
      const target = fileFor(dist, url.pathname);
      if (!target) {
        problems.push({ page, link: ref, problem: 'no such file in dist/' });
        continue;
      }
      const fragment = url.hash.slice(1);
      if (fragment && target.endsWith('.html') && !idsIn(target).has(decodeURIComponent(fragment))) {
        problems.push({ page, link: ref, problem: `no element with id "${fragment}"` });
      }
    }
  }
  return problems;
}
