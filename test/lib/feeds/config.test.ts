import { describe, expect, it } from 'vitest';
import { parseSourcesConfig } from '../../../src/lib/feeds/config.ts';
import { ConfigError } from '../../../src/lib/feeds/errors.ts';

const topics = ['chips', 'energy', 'networks', 'datacenters', 'storage', 'security'];
const parse = (text: string) => parseSourcesConfig({ file: 'content/sources.yaml', text, topics });
const problems = (text: string) => {
  try {
    parse(text);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).message;
  }
  throw new Error('expected a ConfigError');
};

describe('parseSourcesConfig', () => {
  it('applies defaults', () => {
    const config = parse('sources:\n  - id: semi\n    name: Semi\n    url: https://semi.example/feed/\n');
    expect(config.defaults).toEqual({ timeout_ms: 15000, max_bytes: 10485760, concurrency: 8, per_host: 2, max_redirects: 5, retention_days: 365 });
    expect(config.sources[0]).toEqual({ id: 'semi', name: 'Semi', url: 'https://semi.example/feed/', topics: [], weight: 1, keep_all: false, enabled: true });
  });

  it('accepts file paths as locations', () => {
    expect(parse('sources:\n  - { id: a, name: A, url: demo-feeds/a.xml }\n  - { id: b, name: B, url: "file:///tmp/b.xml" }\n').sources).toHaveLength(2);
  });

  it('names the file, the field, what was expected and what was found, one line per problem', () => {
    expect(
      problems(`defaults:
  concurrency: lots
sources:
  - id: Semi Engineering
    name: Semi
    url: https://semi.example/feed/
  - id: dupe
    name: ""
    url: ftp://x
    topics: [chip, energy]
    weight: heavy
  - id: dupe
    name: Dupe
    url: https://dupe.example/
    keep_all: yes please
`),
    ).toMatchInlineSnapshot(`
      "7 problems in the ingest configuration:
        content/sources.yaml: defaults.concurrency: expected a whole number such as 8, received "lots"
        content/sources.yaml: sources[0].id: expected a lowercase id such as "semiengineering" (letters, digits, hyphens), received "Semi Engineering"
        content/sources.yaml: sources[1].name: must not be empty: write the publisher name
        content/sources.yaml: sources[1].url: expected an http(s) URL or a file path, received "ftp://x"
        content/sources.yaml: sources[1].topics[0]: unknown topic "chip"; did you mean "chips"? Allowed: chips, energy, networks, datacenters, storage, security (defined in content/taxonomy.yaml)
        content/sources.yaml: sources[1].weight: expected a number from 0 to 3, received "heavy"
        content/sources.yaml: sources[2].keep_all: expected true or false, received "yes please""
    `);
  });

  it('reports duplicate ids', () => {
    expect(problems('sources:\n  - { id: a, name: A, url: a.xml }\n  - { id: a, name: B, url: b.xml }\n')).toContain(
      'content/sources.yaml: sources[1].id: duplicate id "a": every source needs its own id',
    );
  });

  it('reports YAML syntax errors with line and column', () => {
    expect(problems('sources:\n  - id: a\n   name: [\n')).toMatch(
      /^1 problem in the ingest configuration:\n {2}content\/sources\.yaml:\d+:\d+: invalid YAML: /,
    );
  });

  it('explains an empty file', () => {
    expect(problems('')).toContain('content/sources.yaml: sources: expected a list of sources under `sources:`');
  });
});
