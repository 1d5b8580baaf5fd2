// A company's profile as a page prints it: the listing ("NYSE: TSM"), the exchange and country by
// name, and the website as a short host. Pure formatting over the taxonomy's validated fields.
import { EXCHANGES, countryName, type Company } from '../schema/taxonomy.ts';

export interface ProfileFacts {
  /** "NYSE: TSM", or undefined for a private company. */
  listing?: string;
  /** "New York Stock Exchange". */
  exchange?: string;
  /** "Taiwan". */
  country: string;
  /** The URL as given, and its host without "www." for the link text: "tsmc.com". */
  website: { url: string; host: string };
}

export function profileFacts(company: Pick<Company, 'ticker' | 'exchange' | 'country' | 'website'>): ProfileFacts {
  const host = new URL(company.website).hostname.replace(/^www\./, '');
  return {
    ...(company.ticker && company.exchange ? { listing: `${company.exchange}: ${company.ticker}`, exchange: EXCHANGES[company.exchange] } : {}),
    country: countryName(company.country) ?? company.country,
    website: { url: company.website, host },
  };
}

/** The short name a page or feed title uses: the first alias ("TSMC"), else the full name. */
export function shortName(company: Pick<Company, 'name' | 'aliases'>): string {
  return company.aliases[0] ?? company.name;
}

/**
 * The names the wire matches, as a reader would want them listed: without the display name itself
 * and without repeats that differ only in case ("Nvidia", "NVIDIA").
 */
export function wireNames(company: Pick<Company, 'name' | 'aliases'>): string[] {
  const seen = new Set([company.name.toLowerCase()]);
  return company.aliases.filter((a) => !seen.has(a.toLowerCase()) && (seen.add(a.toLowerCase()), true));
}

/** The profile's first sentence, for a page's meta description (the whole paragraph is too long for one). */
export function firstSentence(text: string): string {
  return text.split(/(?<=[.!?])\s+(?=[A-Z"“])/)[0] ?? text;
}
