// The topics and companies of a newsletter issue, for its search filters. An issue has no
// frontmatter for them, but every story it runs links the story's original, an item of the news
// store classified at ingest: the issue is about what its stories are about. (Essays it links in
// passing are left out: naming every company of a linked essay would make the filters say more
// than the issue does.) Pure: the body and the lookup are passed in.

export interface Facets {
  topics: readonly string[];
  companies: readonly string[];
}

/** The http(s) URLs in an MDX body: Story url props, Markdown links, bare links. */
export function linkedUrls(body: string): string[] {
  return [...body.matchAll(/https?:\/\/[^\s"'<>()[\]{}]+/g)].map((m) => m[0].replace(/[.,;:!?]+$/, ''));
}

/** Sorted, each once: the topics and companies of the store's items that the issue links, by URL. */
export function issueFacets(body: string, stories: ReadonlyMap<string, Facets>): { topics: string[]; companies: string[] } {
  const topics = new Set<string>();
  const companies = new Set<string>();
  for (const url of linkedUrls(body)) {
    const facets = stories.get(url);
    if (!facets) continue;
    for (const id of facets.topics) topics.add(id);
    for (const id of facets.companies) companies.add(id);
  }
  return { topics: [...topics].sort(), companies: [...companies].sort() };
}
