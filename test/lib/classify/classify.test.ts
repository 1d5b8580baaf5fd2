import { describe, expect, it } from 'vitest';
import { createClassifier } from '../../../src/lib/classify/classify.ts';
import { compilePhrase, isCaseSensitiveKeyword, matches } from '../../../src/lib/classify/matcher.ts';
import { taxonomy } from './taxonomy.ts';

const classify = createClassifier(taxonomy);
const run = (title: string, summary = '', source = {}) => classify({ title, summary }, source);
const found = (phrase: string, caseSensitive: boolean, text: string) => matches(compilePhrase(phrase, caseSensitive), text);

describe('matcher', () => {
  it('applies the taxonomy case rule', () => {
    expect(isCaseSensitiveKeyword('HBM')).toBe(true);
    expect(isCaseSensitiveKeyword('InfiniBand')).toBe(true);
    expect(isCaseSensitiveKeyword('wafer')).toBe(false);
    expect(isCaseSensitiveKeyword('Stargate')).toBe(false);
  });

  it('matches on word boundaries only', () => {
    expect(found('Intel', true, 'Intelligence agencies warn')).toBe(false);
    expect(found('Intel', true, 'Intel cuts jobs')).toBe(true);
    expect(found('Intel', true, "Intel's foundry")).toBe(true);
    expect(found('fab', false, 'a fabulous result')).toBe(false);
    expect(found('2nm', false, 'the 2nm node')).toBe(true);
  });

  it('tells ARM the company from arm the limb', () => {
    expect(found('ARM', true, 'ARM licenses new cores')).toBe(true);
    expect(found('ARM', true, 'an arm injury')).toBe(false);
    expect(found('ARM', true, 'Arm wrestling')).toBe(false);
  });

  it('lets spaces in a phrase match hyphens and runs of whitespace', () => {
    expect(found('data center', false, 'new data-center campus')).toBe(true);
    expect(found('data center', false, 'Data  Center REIT')).toBe(true);
  });
});

describe('createClassifier', () => {
  it('finds topics and companies', () => {
    expect(run('SK hynix says HBM4 output for 2027 is sold out')).toMatchObject({ topics: ['chips'], companies: ['sk-hynix'] });
  });

  it('needs more than one passing mention in the summary', () => {
    expect(run('Quarterly results', 'The company also sells a chip.').topics).toEqual([]);
    expect(run('Quarterly results', 'The company sells chips made on 3nm wafers.').topics).toEqual(['chips']);
  });

  it('does not tag a second topic that scores less than half the best', () => {
    expect(run('TSMC lifts capex as demand for 2nm wafers outstrips supply').topics).toEqual(['chips']);
  });

  it('lets the source beat tip a borderline item', () => {
    expect(run('New fab announced', '', { weight: 0.8 }).topics).toEqual([]);
    expect(run('New fab announced', '', { weight: 0.8, topics: ['chips'] }).topics).toEqual(['chips']);
  });

  it('scales scores by source weight', () => {
    expect(run('New fab announced').topics).toEqual(['chips']);
    expect(run('New fab announced', '', { weight: 0.5 }).topics).toEqual([]);
  });

  it('matches nothing in general news', () => {
    expect(run('Intelligence agencies brief lawmakers on artificial intelligence')).toMatchObject({ topics: [], companies: [] });
  });
});
