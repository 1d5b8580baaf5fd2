// The body of an essay or issue, checked without a build: it parses as MDX (with Sätteri, the
// compiler Astro uses), its imports resolve, every component it uses exists, and every embed's
// props are valid against their datasets and the taxonomy. One line per problem:
//   content/essays/x.mdx:LINE:COL: <LineChart y="capex_nb">: unknown column "capex_nb" in …
import { dirname, join, normalize } from 'node:path/posix';
import type { MdastNode } from 'satteri';
import { EmbedError, embedTag } from '../datasets/errors.ts';
import { DatasetError } from '../datasets/errors.ts';
import { EMBEDS, EMBED_NAMES, propProblems, type EmbedContext } from '../embeds/registry.ts';
import { suggest } from '../errors/suggest.ts';
import { mdxImports, type EsmBlock, type MdxImport } from '../mdx/imports.ts';
import { parseMdx } from '../mdx/parse.ts';
import { elementProps, propPosition, walk, type MdxNode } from '../mdx/element-props.ts';
import { figuresIn } from '../mdx/figures.ts';
import { expressionSyntax } from '../mdx/static-value.ts';

export interface BodyEnv extends Omit<EmbedContext, 'file'> {
  /** File names in a folder relative to the project root, for did-you-mean on import paths. */
  list(dir: string): string[];
}

type Node = MdxNode;

function resolveImport(file: string, specifier: string, env: BodyEnv): string | undefined {
  if (/^(astro|virtual|node):/.test(specifier)) return undefined;
  if (specifier.startsWith('.') || specifier.startsWith('/')) {
    const target = specifier.startsWith('/') ? normalize(specifier.slice(1)) : normalize(join(dirname(file), specifier));
    if (env.exists(target)) return undefined;
    const dir = dirname(target);
    const base = target.slice(dir.length + 1);
    const hint = suggest(base, env.list(dir));
    return `no such file ${target}` + (hint ? `; did you mean "${join(dirname(specifier), hint)}"?` : '');
  }
  const pkg = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!;
  return env.exists(`node_modules/${pkg}`) ? undefined : `no package "${pkg}" is installed`;
}

const EMBED_FILE = /\/(?:embeds|issue)\/([A-Za-z]+)\.astro$/;

export function checkBody(file: string, text: string, env: BodyEnv): string[] {
  const parsed = parseMdx(text);
  if (parsed.error) return [`${file}:${parsed.error.line}:${parsed.error.column}: ${parsed.error.message}`];
  const nodes = [...walk(parsed.tree as MdastNode as Node)];
  const problems: string[] = [];
  const blocks: EsmBlock[] = nodes.filter((n) => n.type === 'mdxjsEsm').map((n) => ({ value: String(n.value ?? ''), offset: n.position?.start.offset ?? 0 }));
  const { imports, exported } = mdxImports(text, blocks);
  const imported = new Map<string, MdxImport>();
  for (const imp of imports) {
    const problem = resolveImport(file, imp.specifier, env);
    const embed = imp.names.find((n) => EMBEDS[n]);
    const tip = embed ? ` Or delete the line: <${embed}> needs no import.` : '';
    if (problem) problems.push(`${file}:${imp.line}:${imp.column}: import "${imp.specifier}": ${problem}${tip && !/[.?]$/.test(problem) ? '.' : ''}${tip}`);
    for (const name of imp.names) imported.set(name, imp);
  }
  const ctx: EmbedContext = { ...env, file };
  for (const node of nodes) {
    const here = node.position?.start;
    if ((node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') && here) {
      const syntax = expressionSyntax(String(node.value ?? ''));
      if (syntax) problems.push(`${file}:${here.line}:${here.column}: {${String(node.value).slice(0, 40)}}: not a valid JavaScript expression (${syntax}); write \\{ for a literal brace`);
      continue;
    }
    if ((node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') || !node.name) continue;
    const name = node.name;
    if (!/^[A-Z]/.test(name) && !name.includes('.')) continue; // an HTML element
    const local = imported.get(name.split('.')[0]!);
    const spec = EMBEDS[name];
    if (!spec || (local && EMBED_FILE.exec(local.specifier)?.[1] !== name)) {
      if (local || exported.includes(name)) continue; // the author's own component
      const hint = suggest(name, EMBED_NAMES);
      const at = propPosition(text, node, undefined);
      problems.push(`${file}:${at.line}:${at.column}: <${name}>: unknown component` + (hint ? `; did you mean "${hint}"?` : '.') + ` Components: ${EMBED_NAMES.join(', ')}`);
      continue;
    }
    const { props, dynamic, spread, syntax, repeated } = elementProps(node);
    for (const prop of repeated) {
      const at = propPosition(text, node, prop, 1);
      problems.push(`${file}:${at.line}:${at.column}: <${name} ${prop}>: ${prop} is given twice, and only the last one counts: keep one`);
    }
    for (const bad of syntax) {
      const at = propPosition(text, node, bad.prop);
      problems.push(`${file}:${at.line}:${at.column}: <${name} ${bad.prop}={…}>: not a valid JavaScript expression (${bad.message})`);
    }
    const found = spread ? [] : propProblems(spec, props, dynamic);
    for (const p of found) {
      const at = propPosition(text, node, p.prop in props ? p.prop : undefined);
      const tag = p.prop in props ? embedTag(name, p.prop, props[p.prop]) : embedTag(name, 'data' in props ? 'data' : 'src', props.data ?? props.src);
      problems.push(`${file}:${at.line}:${at.column}: ${tag}: ${p.detail}`);
    }
    if (found.length || spread || dynamic.size || !spec.check) continue;
    try {
      spec.check(props, ctx);
    } catch (error) {
      if (error instanceof DatasetError) continue; // the dataset's own problem is reported with it
      if (!(error instanceof EmbedError)) throw error;
      const at = propPosition(text, node, error.prop);
      problems.push(`${file}:${at.line}:${at.column}: ${error.tag ?? `<${name}>`}: ${error.detail}` + (error.hint ? ` (${error.hint})` : ''));
    }
  }
  problems.push(...figureLinkProblems(file, nodes));
  return problems;
}

/**
 * Links to a chart of the same essay (`[Figure 2](#figure-hbm-share)`) whose anchor no chart has:
 * a typo there is a dead cross-reference. Left alone when a chart's props are only known at render time.
 */
function figureLinkProblems(file: string, nodes: readonly Node[]): string[] {
  const charts = figuresIn(nodes).filter((f) => f.kind === 'chart');
  if (charts.some((f) => f.dynamic)) return [];
  const anchors = charts.map((f) => `figure-${f.id}`);
  const problems: string[] = [];
  for (const node of nodes) {
    const url = (node as { url?: unknown }).url;
    if (node.type !== 'link' || typeof url !== 'string' || !url.startsWith('#figure-')) continue;
    const anchor = decodeURIComponent(url.slice(1));
    if (anchors.includes(anchor)) continue;
    const at = node.position?.start ?? { line: 1, column: 1 };
    const hint = suggest(anchor, anchors);
    problems.push(
      `${file}:${at.line}:${at.column}: link to #${anchor}: no chart in this file has that anchor` +
        (hint ? `; did you mean "#${hint}"?` : '') +
        (anchors.length ? ` Anchors: ${anchors.map((a) => `#${a}`).join(', ')}` : ' (the file has no charts)'),
    );
  }
  return problems;
}

