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

{/* Charts, metrics and tables need no import. Each reads a dataset in content/data/, for example:
<LineChart data="hyperscaler-capex" x="quarter" y="capex_bn" series="company" alt="What the chart shows, in one sentence." />
<Metric data="hyperscaler-capex" value="capex_bn" x="quarter" label="Capex, latest quarter" />
npm run check names any unknown dataset or column, with the ones that exist. */}

## Who captures the value

## What would change our view

Cite every figure to a public source in a footnote,[^1] or call it illustrative.

[^1]: Publisher, "Title of the source", date, https://example.com/source.
`;
  return { slug, text };
}
