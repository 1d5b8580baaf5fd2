// The file `npm run new -- "Title"` writes: valid frontmatter a new author can fill in.
import { slugify } from './slug.ts';

export interface NewEssayInput {
  title: string;
  /** Today's date (the author's clock), YYYY-MM-DD. */
  today: string;
  author: string;
  topic: string;
}

export function newEssay({ title, today, author, topic }: NewEssayInput): { slug: string; text: string } {
  const slug = slugify(title);
  if (!slug) throw new Error(`cannot make a file name from the title ${JSON.stringify(title)}: use letters or digits`);
  const text = `---
title: ${JSON.stringify(title)}
dek: "One sentence that says what this essay argues."
date: ${today}
authors: [${author}]
topics: [${topic}]
companies: []
tags: []
draft: true
featured: false
---

Open with the bottleneck and why it matters now.

## The constraint

## Who captures the value

## What would change our view

Cite every figure to a public source in a footnote,[^1] or call it illustrative.

[^1]: Publisher, "Title of the source", date, https://example.com/source.
`;
  return { slug, text };
}
