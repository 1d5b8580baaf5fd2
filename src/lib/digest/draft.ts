// Writes a drafted issue as MDX: frontmatter, the introduction to write, the essays published since
// the last issue, then each topic's stories as <Story> elements with a take to write under each.
// Pure and deterministic: the same inputs give the same bytes.
import { isoDate } from '../site.ts';
import type { TopicSection } from './select.ts';
import { placeholder } from '../schema/issue.ts';
import { jsxProp, markdownText, yamlString } from './mdx.ts';
import { describeWindow, type DigestWindow } from './window.ts';

export interface DraftEssay {
  slug: string;
  title: string;
  dek: string;
  date: Date;
}

export interface DraftInput {
  number: number;
  window: DigestWindow;
  /** Send date written to the frontmatter. */
  date: Date;
  authors: readonly string[];
  sections: readonly TopicSection[];
  essays: readonly DraftEssay[];
  /** Topic id -> section heading, e.g. "chips" -> "Chips". */
  topicLabels: ReadonlyMap<string, string>;
}

function storyMdx({ lead, others }: TopicSection['stories'][number]): string {
  const props = [
    jsxProp('title', lead.title),
    jsxProp('url', lead.url),
    jsxProp('source', lead.sourceName),
    `date="${lead.published.slice(0, 10)}"`,
    ...(others.length ? [jsxProp('also', others)] : []),
  ];
  return [`<Story ${props.join(' ')}>`, `  ${placeholder('TAKE', 'one line for investors: why this matters, who gains or loses')}`, '</Story>'].join('\n');
}

export function draftIssueMdx(input: DraftInput): string {
  const span = describeWindow(input.window);
  const frontmatter = [
    '---',
    `number: ${input.number}`,
    `title: ${yamlString(`The week in AI infrastructure, ${span}`)}`,
    `dek: ${yamlString(`Issue ${input.number}: the stories that mattered for investors in the week of ${span}.`)}`,
    `date: ${isoDate(input.date)}`,
    `week: ${yamlString(input.window.week)}`,
    `authors: [${input.authors.join(', ')}]`,
    'draft: true',
    '---',
  ];
  // <Story> needs no import: it is in the MDX components mapping (src/components/embeds/index.ts).
  const body: string[] = [placeholder('INTRO', 'two or three short paragraphs: what the week meant for the thesis, and what to watch next')];
  if (input.essays.length) {
    body.push('## New on Substation');
    body.push(input.essays.map((e) => `- [${markdownText(e.title)}](/essays/${e.slug}/): ${markdownText(e.dek)}`).join('\n'));
  }
  for (const section of input.sections) {
    body.push(`## ${markdownText(input.topicLabels.get(section.topic) ?? section.topic)}`);
    body.push(...section.stories.map(storyMdx));
  }
  if (!input.sections.length) body.push(`{/* No stories in the news store for ${input.window.week}: run \`npm run ingest\` first. */}`);
  return `${frontmatter.join('\n')}\n\n${body.join('\n\n')}\n`;
}

/** "content/issues/007-2026-w47.mdx": numbered so `ls` lists issues in order. */
export function issueFileName(number: number, week: string): string {
  return `${String(number).padStart(3, '0')}-${week.toLowerCase()}.mdx`;
}
