// Structured data (schema.org JSON-LD) for pages: pure builders, serialised safely for a <script>.
import { SITE } from '../site.ts';

export interface PersonRef {
  name: string;
  url: string;
  description?: string;
  sameAs?: string[];
}

export function personLd(p: PersonRef) {
  return {
    '@context': 'https://schema.org',
    '@type': 'Person',
    name: p.name,
    url: p.url,
    ...(p.description ? { description: p.description } : {}),
    ...(p.sameAs?.length ? { sameAs: p.sameAs } : {}),
  };
}

export function websiteLd(siteUrl: string) {
  return {
    '@context': 'https://schema.org',
    '@type': 'WebSite',
    name: SITE.name,
    description: SITE.description,
    url: siteUrl,
    inLanguage: SITE.locale,
    publisher: { '@type': 'Organization', name: SITE.publisher, url: siteUrl },
  };
}

export interface ArticleInput {
  title: string;
  description: string;
  url: string;
  datePublished: Date;
  dateModified?: Date;
  authors: PersonRef[];
  keywords: string[];
  siteUrl: string;
  image?: string;
}

export function articleLd(a: ArticleInput) {
  return {
    '@context': 'https://schema.org',
    '@type': 'Article',
    headline: a.title,
    description: a.description,
    url: a.url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': a.url },
    datePublished: a.datePublished.toISOString(),
    dateModified: (a.dateModified ?? a.datePublished).toISOString(),
    author: a.authors.map((p) => ({ '@type': 'Person', name: p.name, url: p.url })),
    publisher: { '@type': 'Organization', name: SITE.publisher, url: a.siteUrl },
    keywords: a.keywords.join(', '),
    inLanguage: SITE.locale,
    ...(a.image ? { image: a.image } : {}),
  };
}

/** JSON for inside <script type="application/ld+json">: `<` escaped so no text can close the tag. */
export function serialiseLd(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
