// The taxonomy is the single source of truth for topics, supply-chain segments and companies.
// The site's topic and company pages, the ingest classifier and the digest ranking all read it.
import { z } from 'zod';
import { describe } from '../errors/describe.ts';
import { didYouMean } from '../errors/suggest.ts';
import { phraseProblem } from '../classify/matcher.ts';

const id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a lowercase id such as "sk-hynix" (letters, digits, hyphens)');

// A phrase is words; a word in double quotes matches only that form (src/lib/classify/matcher.ts).
const phrase = z
  .string()
  .min(1)
  .superRefine((text, ctx) => {
    const problem = phraseProblem(text);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
const phrases = z.array(phrase);

/**
 * A word that signals a topic only in the right company: "nuclear" beside "plant" or "reactor", never
 * beside "weapons" or "talks"; "hackers" beside "grid", "utility" or "state-backed".
 */
export const ContextRuleSchema = z.strictObject({
  /** The ambiguous phrases, matched like keywords. */
  words: phrases.min(1),
  /** At least one of these must be in the title or summary for the rule to count. */
  with: phrases.min(1),
  /** None of these may be. */
  unless: phrases.default([]),
  /** Points the rule scores in a title (half in a summary). Default 2, a keyword's. */
  weight: z.number().min(0).max(4).default(2),
});

export const TopicSchema = z.object({
  /** Stable id used in frontmatter, URLs (/topics/<id>/) and news items. */
  id,
  /** Human label shown on pages, e.g. "Chips". */
  label: z.string().min(1),
  /** One or two sentences shown on the topic page and in its feed. */
  description: z.string().min(1),
  /**
   * Phrases that signal the topic in a headline or summary. Matched on word boundaries,
   * case-insensitively unless the keyword has an upper-case letter after its first character
   * (so "HBM" must appear in capitals, while "wafer" matches "Wafer").
   */
  keywords: phrases.min(1),
  /**
   * Phrases that hint at the topic but are not enough alone from a general-news source ("chip",
   * "cloud", "outage"): half a keyword's points. A second hint, a company or the source's beat tips them.
   */
  weak: phrases.default([]),
  /** Ambiguous words that count only beside the right context (see ContextRuleSchema). */
  context: z.array(ContextRuleSchema).default([]),
  /** Phrases whose words never count for the topic: "potato chips", "blue-chip", "brain chip". */
  exclude: phrases.default([]),
});

export const SegmentSchema = z.object({
  /** Stable id of a supply-chain segment, e.g. "foundry". */
  id,
  /** Label shown on /companies/, e.g. "Foundries". */
  label: z.string().min(1),
});

/**
 * Stock exchanges a listed company may trade on, by the code written in `exchange`, with the name a
 * company page prints. Add an exchange here when the taxonomy needs one.
 */
export const EXCHANGES = {
  NASDAQ: 'Nasdaq',
  NYSE: 'New York Stock Exchange',
  TWSE: 'Taiwan Stock Exchange',
  HKEX: 'Hong Kong Stock Exchange',
  SSE: 'Shanghai Stock Exchange',
  KRX: 'Korea Exchange',
  TSE: 'Tokyo Stock Exchange',
  AMS: 'Euronext Amsterdam',
  EPA: 'Euronext Paris',
  BIT: 'Euronext Milan',
  XETRA: 'Xetra (Frankfurt)',
  LSE: 'London Stock Exchange',
  SIX: 'SIX Swiss Exchange',
  HEL: 'Nasdaq Helsinki',
  STO: 'Nasdaq Stockholm',
  CPH: 'Nasdaq Copenhagen',
  TSX: 'Toronto Stock Exchange',
  ASX: 'Australian Securities Exchange',
} as const;

export type Exchange = keyof typeof EXCHANGES;
const EXCHANGE_CODES = Object.keys(EXCHANGES) as Exchange[];

// Region names from the runtime's ICU data (pinned with Node); codes ICU names but that are not
// countries (the EU, "unknown region", the reserved "UK") are refused.
const REGIONS = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'ZZ', 'QO', 'UK', 'XK']);

/** The English name of an ISO 3166-1 alpha-2 country code ("TW" -> "Taiwan"), or undefined. */
export function countryName(code: string): string | undefined {
  if (!/^[A-Z]{2}$/.test(code) || NOT_COUNTRIES.has(code)) return undefined;
  return REGIONS.of(code);
}

// Words that mark a profile as unfinished; a published profile says what the company does.
const PLACEHOLDER = /\b(?:TODO|TBD|FIXME|XXX|lorem ipsum|placeholder)\b|\.\.\.$|…$/i;

const description = z
  .string({
    error: (iss) =>
      iss.input === undefined
        ? 'required: add `description: >-` with one paragraph on what the company does and where it sits in the bottleneck'
        : `expected text, received ${describe(iss.input)}`,
  })
  .trim()
  .superRefine((value, ctx) => {
    const problem = /\n\s*\n/.test(value)
      ? 'write one paragraph: remove the blank line'
      : value.length < 120
        ? `too short (${value.length} characters): write 120 to 900 characters on what the company does and where it sits in the bottleneck`
        : value.length > 900
          ? `too long (${value.length} characters): keep it to one paragraph of at most 900 characters`
          : PLACEHOLDER.test(value)
            ? `still a placeholder (${describe(value.match(PLACEHOLDER)![0])}): write what the company does`
            : !/[.!?]["”’)]?$/.test(value)
              ? 'end the paragraph with a full stop'
              : undefined;
    if (problem) ctx.addIssue({ code: 'custom', input: value, message: problem });
  });

// Google Finance-style prefixes ("TYO:8035") an editor may paste, and the code this file uses for each.
const PREFIXES: Record<string, Exchange> = { TYO: 'TSE', HKG: 'HKEX', ETR: 'XETRA', FRA: 'XETRA', SWX: 'SIX', TPE: 'TWSE', SHA: 'SSE', LON: 'LSE' };

const ticker = z
  .string({ error: (iss) => `expected the ticker as text such as "NVDA" (quote a numeric one: "8035"), received ${describe(iss.input)}` })
  .superRefine((value, ctx) => {
    const prefixed = /^([A-Za-z]+):(.+)$/.exec(value);
    const message = prefixed
      ? `write the exchange on its own: \`ticker: "${prefixed[2]}"\` and \`exchange: ${PREFIXES[prefixed[1]!.toUpperCase()] ?? prefixed[1]!.toUpperCase()}\``
      : !/^[A-Z0-9][A-Z0-9.-]{0,9}$/.test(value)
        ? `expected a ticker in capitals and digits such as "NVDA" or "005930", received ${describe(value)}`
        : undefined;
    if (message) ctx.addIssue({ code: 'custom', input: value, message });
  });

const exchange = z.enum(EXCHANGE_CODES as [Exchange, ...Exchange[]], {
  error: (iss) =>
    typeof iss.input === 'string'
      ? `unknown exchange ${describe(iss.input)}${didYouMean(iss.input, EXCHANGE_CODES)} Allowed: ${EXCHANGE_CODES.join(', ')} (add one to EXCHANGES in src/lib/schema/taxonomy.ts)`
      : `expected an exchange code such as NASDAQ, received ${describe(iss.input)}`,
});

const country = z
  .string({
    error: (iss) =>
      iss.input === undefined
        ? 'required: add `country: US` (the ISO 3166 code of the headquarters country)'
        : `expected a two-letter country code such as "US", received ${describe(iss.input)}`,
  })
  .superRefine((value, ctx) => {
    if (countryName(value)) return;
    const upper = value.toUpperCase();
    const hint = upper === 'UK' ? 'GB' : countryName(upper) ? upper : undefined;
    ctx.addIssue({
      code: 'custom',
      input: value,
      message: `expected an ISO 3166 two-letter country code such as "US" or "TW", received ${describe(value)}${hint ? `; did you mean "${hint}"?` : ''}`,
    });
  });

const website = z
  .string({
    error: (iss) =>
      iss.input === undefined
        ? "required: add `website: https://www.example.com/` (the company's own site)"
        : `expected an https URL, received ${describe(iss.input)}`,
  })
  .superRefine((value, ctx) => {
    let url: URL | undefined;
    try {
      url = new URL(value);
    } catch {
      url = undefined;
    }
    if (url?.protocol === 'https:' && url.hostname.includes('.')) return;
    const hint = url?.protocol === 'http:' ? value.replace(/^http:/, 'https:') : !url && /^[\w-]+(\.[\w-]+)+/.test(value) ? `https://${value}` : undefined;
    ctx.addIssue({
      code: 'custom',
      input: value,
      message: `expected an absolute https URL such as "https://www.tsmc.com/", received ${describe(value)}${hint ? `; did you mean "${hint}"?` : ''}`,
    });
  });

const COMPANY_FIELDS = 'id, name, description, segment, ticker, exchange, country, website, aliases, topics, weight, guards, offBeat';

export const CompanySchema = z
  .strictObject(
    {
      /** Stable id used in frontmatter and URLs (/companies/<id>/), e.g. "tsmc". */
      id,
      /** Display name, e.g. "Taiwan Semiconductor Manufacturing Co.". */
      name: z.string().min(1),
      /**
       * The profile on the company page, its feed and search: one plain paragraph (120 to 900
       * characters) on what the company does and where it sits in the AI bottleneck. Facts, not a view.
       */
      description,
      /** Ticker of the listing investors follow, without the exchange, e.g. "TSM" or "8035"; absent for private companies. */
      ticker: ticker.optional(),
      /** Code of the exchange that listing trades on (see EXCHANGES), e.g. NYSE; given exactly when `ticker` is. */
      exchange: exchange.optional(),
      /** Headquarters country as an ISO 3166-1 alpha-2 code, e.g. "TW". */
      country,
      /** The company's own website, an https URL. */
      website,
      /** Supply-chain segment id (see `segments`). */
      segment: id,
      /**
       * Names that identify the company in text, matched on word boundaries. Case-sensitive, because
       * "ARM" the company is not "arm" the limb and "Intel" is not inside "intelligence".
       */
      aliases: z.array(z.string().min(1)).default([]),
      /** Topic ids this company belongs to, its main one first. */
      topics: z.array(id).min(1),
      /**
       * Points that naming the company adds to its main topic (half to the others). 2 for a pure play,
       * whose every story is on the beat (TSMC, ASML); 1 by default; 0 for a conglomerate whose name says
       * nothing of the topic (Amazon, Alphabet), so a passing mention never puts an item on the wire.
       */
      weight: z.number().min(0).max(4).default(1),
      /**
       * Guards for ambiguous aliases, by alias: the alias names the company only `with` one of these
       * phrases nearby (when given) and `unless` none of these is ("Amazon" and "rainforest").
       */
      guards: z.record(z.string(), z.strictObject({ with: phrases.optional(), unless: phrases.optional() })).default({}),
      /**
       * Phrases beside which naming the company adds no points to its topics: its news off the beat,
       * as the policy has it (a GPU maker's games and drivers). The company is still named.
       */
      offBeat: phrases.default([]),
    },
    {
      error: (iss) =>
        iss.code === 'unrecognized_keys'
          ? `unknown field${iss.keys.length > 1 ? 's' : ''} ${iss.keys.map((k) => `"${k}"`).join(', ')}${didYouMean(iss.keys[0] ?? '', COMPANY_FIELDS.split(', '))} Allowed fields: ${COMPANY_FIELDS}`
          : undefined,
    },
  )
  .superRefine((company, ctx) => {
    for (const alias of Object.keys(company.guards)) {
      if (!company.aliases.includes(alias)) {
        ctx.addIssue({
          code: 'custom',
          path: ['guards', alias],
          message: `guards "${alias}", which is not one of the aliases (${company.aliases.join(', ')}): add it to aliases or fix the key`,
        });
      }
    }
    if (company.ticker !== undefined && company.exchange === undefined)
      ctx.addIssue({ code: 'custom', path: ['exchange'], message: `required with a ticker: add \`exchange: NASDAQ\` (one of ${EXCHANGE_CODES.join(', ')})` });
    if (company.exchange !== undefined && company.ticker === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['ticker'],
        message: `required with an exchange: add \`ticker: "..."\`, or remove \`exchange\` for a private company`,
      });
  });

export const TaxonomySchema = z.object({
  topics: z.array(TopicSchema).min(1),
  segments: z.array(SegmentSchema).min(1),
  companies: z.array(CompanySchema).min(1),
});

export type Topic = z.infer<typeof TopicSchema>;
export type ContextRule = z.infer<typeof ContextRuleSchema>;
export type Segment = z.infer<typeof SegmentSchema>;
export type Company = z.infer<typeof CompanySchema>;
export type Taxonomy = z.infer<typeof TaxonomySchema>;
