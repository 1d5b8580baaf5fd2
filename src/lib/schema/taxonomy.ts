// The taxonomy is the single source of truth for topics, supply-chain segments and companies.
// The site's topic and company pages, the ingest classifier and the digest ranking all read it.
import { z } from 'zod';

const id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a lowercase id such as "sk-hynix" (letters, digits, hyphens)');

const phrases = z.array(z.string().min(1));

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

export const CompanySchema = z.object({
  /** Stable id used in frontmatter and URLs (/companies/<id>/), e.g. "tsmc". */
  id,
  /** Display name, e.g. "Taiwan Semiconductor Manufacturing Co.". */
  name: z.string().min(1),
  /** Primary listing ticker with exchange prefix when not US, e.g. "TSM" or "TYO:8035"; absent for private companies. */
  ticker: z.string().min(1).optional(),
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
}).superRefine((company, ctx) => {
  for (const alias of Object.keys(company.guards)) {
    if (!company.aliases.includes(alias)) {
      ctx.addIssue({ code: 'custom', path: ['guards', alias], message: `guards "${alias}", which is not one of the aliases (${company.aliases.join(', ')}): add it to aliases or fix the key` });
    }
  }
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
