// The taxonomy is the single source of truth for topics, supply-chain segments and companies.
// The site's topic and company pages, the ingest classifier and the digest ranking all read it.
import { z } from 'zod';

const id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a lowercase id such as "sk-hynix" (letters, digits, hyphens)');

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
  keywords: z.array(z.string().min(1)).min(1),
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
  /** Topic ids this company belongs to. */
  topics: z.array(id).min(1),
});

export const TaxonomySchema = z.object({
  topics: z.array(TopicSchema).min(1),
  segments: z.array(SegmentSchema).min(1),
  companies: z.array(CompanySchema).min(1),
});

export type Topic = z.infer<typeof TopicSchema>;
export type Segment = z.infer<typeof SegmentSchema>;
export type Company = z.infer<typeof CompanySchema>;
export type Taxonomy = z.infer<typeof TaxonomySchema>;
