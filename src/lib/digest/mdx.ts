// Writing untrusted text into MDX. Feed text goes into JSX string props, never into Markdown, so a
// headline such as `<img onerror=…>` or `**Buy** [now](javascript:…)` is data and Astro escapes it
// when the component prints it.

/**
 * A JavaScript string literal safe inside an MDX `{…}` expression. MDX finds the end of an
 * expression by counting braces, even inside strings, so braces are written as escapes.
 */
export function jsString(text: string): string {
  return JSON.stringify(text)
    .replace(/[{}]/g, (c) => (c === '{' ? '\\u007B' : '\\u007D'))
    .replace(/[\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
}

/** A JSX attribute: `name={"value"}`, or for lists `name={["a", "b"]}`. */
export function jsxProp(name: string, value: string | readonly string[]): string {
  const literal = typeof value === 'string' ? jsString(value) : `[${value.map(jsString).join(', ')}]`;
  return `${name}={${literal}}`;
}

/** Our own short text (essay titles, deks) inside Markdown: every syntax character escaped. */
export function markdownText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_{}[\]()<>#+!|~&]/g, (c) => `\\${c}`);
}

/** A YAML double-quoted scalar (JSON strings are valid YAML). */
export function yamlString(text: string): string {
  return JSON.stringify(text);
}
