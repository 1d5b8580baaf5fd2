// An author of essays and issues: content/authors/<id>.yaml, where the file name is the id.
import { z } from 'zod';
import { text } from './fields.ts';

export const AuthorLinkSchema = z.object({
  /** Link text, e.g. "Email" or "Mastodon". */
  label: text('label'),
  /** Where it points: http(s) or mailto. */
  url: z.string().regex(/^(https?:\/\/|mailto:)/, { error: 'expected an http(s) or mailto: URL' }),
});

export const AuthorSchema = z.strictObject({
  /** Full name as printed in bylines. */
  name: text('name'),
  /** Role on the masthead, e.g. "Energy editor". */
  role: z.string().optional(),
  /** One or two sentences for the author page and JSON-LD. */
  bio: text('bio'),
  /** Contact and profile links. */
  links: z.array(AuthorLinkSchema).default([]),
});

export type Author = z.infer<typeof AuthorSchema>;
