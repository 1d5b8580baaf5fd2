import { describe, expect, it } from 'vitest';
import { browsePlan, pagefindFilters, readState, statusText, writeState } from '../../../src/lib/search/query-state.ts';

describe('the search in the URL', () => {
  it('reads the words and each chosen facet, and writes them back in a fixed order', () => {
    const state = readState(new URLSearchParams('company=sk-hynix&q=%20HBM%20&kind=essay&topic=chips'));
    expect(state).toEqual({ q: 'HBM', filters: { kind: 'essay', topic: 'chips', company: 'sk-hynix' } });
    expect(writeState(state)).toBe('?q=HBM&kind=essay&topic=chips&company=sk-hynix');
  });

  it('takes "all", empty and malformed values as no filter', () => {
    expect(readState(new URLSearchParams('q=x&kind=all&topic=&company=%3Cscript%3E'))).toEqual({ q: 'x', filters: {} });
    expect(readState(new URLSearchParams(''))).toEqual({ q: '', filters: {} });
    expect(writeState({ q: '', filters: {} })).toBe('');
  });

  it('reads form data as well as a query string', () => {
    const form = new FormData();
    form.set('q', 'TSMC');
    form.set('kind', 'all');
    form.set('company', 'tsmc');
    expect(readState(form)).toEqual({ q: 'TSMC', filters: { company: 'tsmc' } });
  });

  it('asks Pagefind for every chosen facet', () => {
    expect(pagefindFilters({ q: 'x', filters: { kind: 'news', company: 'tsmc' } })).toEqual({ kind: 'news', company: 'tsmc' });
    expect(pagefindFilters({ q: 'x', filters: {} })).toEqual({});
  });
});

describe('statusText', () => {
  it('counts results, one per hit, and says when filters narrow them', () => {
    expect(statusText(9, { q: 'HBM', filters: {} })).toBe('9 results for “HBM”.');
    expect(statusText(1, { q: 'HBM', filters: { kind: 'essay' } })).toBe('1 result for “HBM”, filtered.');
    expect(statusText(0, { q: 'HBM', filters: {} })).toBe('Nothing found for “HBM”.');
    expect(statusText(0, { q: 'HBM', filters: { topic: 'energy' } })).toBe('Nothing found for “HBM” with these filters.');
  });
});

describe('browsePlan', () => {
  it('browses a topic or a company with no words: company pages unsorted, the rest newest first', () => {
    expect(browsePlan({ q: '', filters: { company: 'tsmc' } })).toEqual({
      companies: { filters: { company: 'tsmc', kind: 'company' } },
      dated: { filters: { company: 'tsmc' }, sort: { date: 'desc' } },
    });
    expect(browsePlan({ q: '', filters: { topic: 'energy', kind: 'news' } })).toEqual({
      companies: undefined,
      dated: { filters: { topic: 'energy', kind: 'news' }, sort: { date: 'desc' } },
    });
    expect(browsePlan({ q: '', filters: { topic: 'chips', kind: 'company' } })).toEqual({
      companies: { filters: { topic: 'chips', kind: 'company' } },
      dated: undefined,
    });
  });

  it('searches instead when there are words, and waits for a choice when there is only a kind', () => {
    expect(browsePlan({ q: 'HBM', filters: { company: 'tsmc' } })).toBeUndefined();
    expect(browsePlan({ q: '', filters: { kind: 'essay' } })).toBeUndefined();
    expect(browsePlan({ q: '', filters: {} })).toBeUndefined();
  });

  it('says a browse is newest first', () => {
    expect(statusText(14, { q: '', filters: { company: 'tsmc' } })).toBe('14 results under these filters, newest first.');
    expect(statusText(0, { q: '', filters: { topic: 'storage' } })).toBe('Nothing under these filters yet.');
  });
});
