// The components every essay and issue may use by name, without an import, and what each accepts:
// one entry per embed with its props (type, required, what it means) and the check against the
// datasets and the taxonomy that the component itself runs when it renders. `npm run check`, the
// build and the dev server read this table; the MDX components mapping is its twin on the Astro side
// (src/components/embeds/index.ts), and a test keeps the two names lists equal.
import { z } from 'zod';
import { resolveChart, type ChartKind, type ChartProps } from '../charts/figure.ts';
import { sparklineEmbed, type SparklineProps } from '../charts/sparkline-embed.ts';
import type { DatasetLookup } from '../datasets/embed.ts';
import { EmbedError, embedTag } from '../datasets/errors.ts';
import { metric, type MetricProps } from '../datasets/metric.ts';
import { dataTable, type TableProps } from '../datasets/table.ts';
import { httpUrl } from '../digest/story.ts';
import { suggest } from '../errors/suggest.ts';

export interface EmbedContext {
  /** The essay or issue, relative to the project root. */
  file: string;
  lookup: DatasetLookup;
  topics: readonly string[];
  companies: readonly string[];
  /** Whether a path relative to the project root exists (for images under public/). */
  exists(path: string): boolean;
}

interface Prop {
  type: z.ZodType;
  required?: boolean;
  about: string;
}

export interface EmbedSpec {
  props: Readonly<Record<string, Prop>>;
  /** The dataset and taxonomy checks, given props that passed their types. Throws EmbedError. */
  check?(props: Record<string, unknown>, ctx: EmbedContext): void;
}

const text = z.string();
const where = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.union([z.string(), z.number(), z.null()]))]));
const columnName = (about: string, required = false): Prop => ({ type: text, required, about });
const common = { file: { type: text, about: 'the essay file, for messages (filled in for you)' } } satisfies Record<string, Prop>;

const chartProps = {
  data: { type: text, required: true, about: 'the dataset: content/data/<name>.csv' },
  x: columnName('the column on the horizontal axis', true),
  y: columnName('the column of values', true),
  alt: { type: text, required: true, about: 'what the chart shows, in a sentence, for readers who cannot see it' },
  series: columnName('the column that splits the rows into lines or bars'),
  where: { type: where, about: 'a row filter such as {{ company: "Meta" }}' },
  title: { type: text, about: 'the heading; default the dataset title' },
  subtitle: { type: text, about: 'a line under the title' },
  xFormat: { type: text, about: 'a d3 format for the x axis' },
  yFormat: { type: text, about: 'a d3 format for the values' },
  highlight: { type: text, about: 'the series to draw in colour, the rest muted' },
  annotations: { type: z.array(z.object({ x: z.union([z.string(), z.number()]), label: z.string() })), about: 'notes on the x axis: [{ x, label }]' },
  note: { type: text, about: 'a note under the chart' },
  // It becomes the figure's anchor and its PNG twin's file name: a space or a capital would break links to it.
  id: {
    type: text.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'expected lowercase letters, digits and hyphens, such as "hbm-share"' }),
    about: 'the anchor: #figure-<id>',
  },
  empty: { type: z.literal('ok'), about: '"ok" lets the filter leave no rows' },
  ...common,
} satisfies Record<string, Prop>;

function chart(kind: ChartKind, extra: Record<string, Prop> = {}): EmbedSpec {
  return {
    props: { ...chartProps, ...extra },
    check: (props, ctx) => void resolveChart(kind, { ...(props as unknown as ChartProps), file: ctx.file }, ctx.lookup),
  };
}

function oneOf(ctx: EmbedContext, component: string, prop: string, value: unknown, allowed: readonly string[], kind: string): void {
  if (typeof value !== 'string' || allowed.includes(value)) return;
  const hint = suggest(value, allowed);
  throw new EmbedError(
    `unknown ${kind} "${value}"` + (hint ? `; did you mean "${hint}"?` : '.') + ` Allowed: ${allowed.join(', ')} (defined in content/taxonomy.yaml)`,
    {
      file: ctx.file,
      tag: embedTag(component, prop, value),
      prop,
    },
  );
}

export const EMBEDS: Readonly<Record<string, EmbedSpec>> = {
  LineChart: chart('LineChart'),
  AreaChart: chart('AreaChart'),
  ScatterChart: chart('ScatterChart'),
  BarChart: chart('BarChart', {
    layout: { type: z.enum(['stacked', 'grouped']), about: '"stacked" or "grouped" when there is a series' },
    horizontal: { type: z.boolean(), about: 'bars run left to right' },
  }),
  Metric: {
    props: {
      data: { type: text, required: true, about: 'the dataset' },
      value: columnName('the column holding the number', true),
      x: columnName('the column that orders the rows (a date or a label)'),
      at: { type: z.union([z.string(), z.number()]), about: 'the x value to headline; default the latest' },
      compare: { type: z.union([z.string(), z.number()]), about: '"previous" (default) or an x value' },
      where: { type: where, about: 'a row filter' },
      format: { type: text, about: 'a d3 format for the value' },
      label: { type: text, about: 'the headline label' },
      ...common,
    },
    check: (props, ctx) => void metric({ ...(props as unknown as MetricProps), file: ctx.file }, ctx.lookup),
  },
  Sparkline: {
    props: {
      data: { type: text, required: true, about: 'the dataset' },
      y: columnName('the column of values', true),
      x: columnName('the column naming each point'),
      where: { type: where, about: 'a row filter' },
      format: { type: text, about: 'a d3 format for the latest value' },
      label: { type: text, about: 'what the line is' },
      showValue: { type: z.boolean(), about: 'show the latest value after the line' },
      ...common,
    },
    check: (props, ctx) => void sparklineEmbed({ ...(props as unknown as SparklineProps), file: ctx.file }, ctx.lookup),
  },
  DataTable: {
    props: {
      data: { type: text, required: true, about: 'the dataset' },
      columns: { type: z.array(z.string()), about: 'the columns to show, in order' },
      where: { type: where, about: 'a row filter' },
      formats: { type: z.record(z.string(), z.string()), about: 'a d3 format per column' },
      limit: { type: z.number().int().positive(), about: 'at most this many rows' },
      tail: { type: z.boolean(), about: 'show the last rows rather than the first' },
      empty: { type: z.literal('ok'), about: '"ok" lets the filter leave no rows' },
      title: { type: text, about: 'a caption' },
      ...common,
    },
    check: (props, ctx) => void dataTable({ ...(props as unknown as TableProps), file: ctx.file }, ctx.lookup),
  },
  Callout: {
    props: {
      tone: { type: z.enum(['note', 'key', 'warning']), about: 'note (default), key or warning' },
      title: { type: text, about: 'the heading' },
    },
  },
  Figure: {
    props: {
      src: { type: text, required: true, about: 'an imported image, or a path under public/ such as /images/hall.jpg' },
      alt: { type: text, required: true, about: 'the image described for readers who cannot see it' },
      caption: { type: text, about: 'the caption' },
      credit: { type: text, about: 'who made the image' },
      creditUrl: { type: text, about: 'a link for the credit' },
      width: { type: z.number().positive(), about: 'width in px' },
      height: { type: z.number().positive(), about: 'height in px' },
      ...common,
    },
    check: (props, ctx) => {
      const src = props.src;
      if (typeof src !== 'string' || !src.startsWith('/') || ctx.exists(`public${src.split(/[?#]/)[0]}`)) return;
      throw new EmbedError(`no file public${src}: put the image in public/ or import it`, { file: ctx.file, tag: embedTag('Figure', 'src', src), prop: 'src' });
    },
  },
  NewsList: {
    props: {
      topic: { type: text, about: 'a topic id' },
      company: { type: text, about: 'a company id' },
      since: { type: z.union([z.iso.date(), z.date()]), about: 'only items on or after this day, YYYY-MM-DD' },
      limit: { type: z.number().int().positive(), about: 'at most this many items (default 5)' },
      title: { type: text, about: 'a heading' },
    },
    check: (props, ctx) => {
      oneOf(ctx, 'NewsList', 'topic', props.topic, ctx.topics, 'topic');
      oneOf(ctx, 'NewsList', 'company', props.company, ctx.companies, 'company');
    },
  },
  Story: {
    props: {
      title: { type: text, required: true, about: 'the headline' },
      url: { type: text, required: true, about: "the best source's http(s) link" },
      source: { type: text, required: true, about: "the source's name" },
      date: { type: z.iso.date(), about: 'the day, YYYY-MM-DD' },
      also: { type: z.array(z.string()), about: 'other sources that covered it' },
    },
    check: (props, ctx) => {
      if (typeof props.url === 'string' && !httpUrl(props.url)) {
        throw new EmbedError('expected an absolute http(s) link; the story would show no link', {
          file: ctx.file,
          tag: embedTag('Story', 'url', props.url),
          prop: 'url',
        });
      }
    },
  },
};

export const EMBED_NAMES = Object.keys(EMBEDS).sort();

/** "limit: expected a number (at most this many rows), found "5": write limit={5}". */
function typeProblem(name: string, prop: Prop, value: unknown, issue: z.core.$ZodIssue | undefined): string {
  const found = `found ${JSON.stringify(value)}`;
  if (issue?.code === 'invalid_value')
    return `${name}: expected ${issue.values
      .map((v) => JSON.stringify(v))
      .join(', ')
      .replace(/, ([^,]*)$/, ' or $1')} (${prop.about}), ${found}`;
  if (issue?.code === 'invalid_type' && issue.path.length === 0) {
    const literal = typeof value === 'string' && /^(?:-?\d+(?:\.\d+)?|true|false)$/.test(value.trim()) ? `: write ${name}={${value.trim()}}` : '';
    return `${name}: expected ${issue.expected === 'array' ? 'a list' : `a ${issue.expected}`} (${prop.about}), ${found}${literal}`;
  }
  const where = issue?.path.length ? `${name}.${issue.path.join('.')}` : name;
  return `${where}: ${issue?.message ?? 'invalid'} (${prop.about}), ${found}`;
}

export interface PropProblem {
  prop: string;
  detail: string;
}

/** Unknown props, missing required ones and values of the wrong type, before any dataset is read. */
export function propProblems(spec: EmbedSpec, props: Readonly<Record<string, unknown>>, dynamic: ReadonlySet<string>): PropProblem[] {
  const problems: PropProblem[] = [];
  const names = Object.keys(spec.props);
  for (const [name, value] of Object.entries(props)) {
    const prop = spec.props[name];
    if (!prop) {
      if (name === 'children' || name === 'key' || name.startsWith('data-') || name.startsWith('aria-')) continue;
      const hint = suggest(name, names);
      problems.push({
        prop: name,
        detail: `unknown prop "${name}"` + (hint ? `; did you mean "${hint}"?` : '.') + ` Props: ${names.filter((n) => n !== 'file').join(', ')}`,
      });
      continue;
    }
    if (dynamic.has(name)) continue;
    const parsed = prop.type.safeParse(value);
    if (!parsed.success) problems.push({ prop: name, detail: typeProblem(name, prop, value, parsed.error.issues[0]) });
  }
  for (const [name, prop] of Object.entries(spec.props)) {
    if (prop.required && !(name in props)) problems.push({ prop: name, detail: `missing ${name}: add ${name}="…", ${prop.about}` });
  }
  return problems;
}
