// The value of a JSX attribute expression such as `where={{ company: "Meta" }}` or `limit={5}`,
// for checking an embed's props before a build. Expressions are the author's own code (the build
// runs them too), so V8 evaluates them, in one shared empty context. One that could run for long
// (a function, a loop) or names anything (an import, a variable) is "dynamic", left to the build.
// Results are cached by source: a thousand essays repeat the same few filters.
import { Script, createContext } from 'node:vm';

export type StaticValue = { kind: 'value'; value: unknown } | { kind: 'dynamic' } | { kind: 'syntax'; message: string };

let context: ReturnType<typeof createContext> | undefined;

/** Only comments and whitespace, as in `{/* a note *\/}`: valid MDX, no value. */
export function isEmptyExpression(source: string): boolean {
  return (
    source
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\/\/[^\n]*/g, '')
      .trim() === ''
  );
}

function compile(source: string): Script | string {
  try {
    return new Script(`(${source}\n)`, { filename: 'expression' });
  } catch (error) {
    return (error as Error).message;
  }
}

/** Checks that an expression is valid JavaScript, without running it. */
export function expressionSyntax(source: string): string | undefined {
  if (isEmptyExpression(source)) return undefined;
  const script = compile(source);
  return typeof script === 'string' ? script : undefined;
}

const cache = new Map<string, StaticValue>();
/** Code that can loop or call: not evaluated, so a check can never hang. */
const CODE = /=>|\b(?:function|while|for|do|class|new|import|await|yield)\b|`/;

function evaluate(source: string): StaticValue {
  const script = compile(source);
  if (typeof script === 'string') return { kind: 'syntax', message: script };
  if (CODE.test(source.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '""'))) return { kind: 'dynamic' };
  context ??= createContext(Object.create(null));
  try {
    const value: unknown = script.runInContext(context);
    // Values from the vm have their own prototypes; a JSON round trip makes them plain data.
    return { kind: 'value', value: value === undefined ? undefined : JSON.parse(JSON.stringify(value)) };
  } catch {
    return { kind: 'dynamic' };
  }
}

export function staticValue(source: string): StaticValue {
  let hit = cache.get(source);
  if (!hit) cache.set(source, (hit = evaluate(source)));
  return hit;
}
