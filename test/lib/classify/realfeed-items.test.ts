// The classifier as ingest runs it, on items of real feeds of every kind (podcasts, blogs, newspapers,
// trade and tech sites, some not in English): title and summary together, each source taken as
// general news. The labels (test/fixtures/news-signal/realfeed-labels.tsv) were made blind by the
// editorial policy, and the set was never used to tune the taxonomy: all of it is held out. The items'
// text comes from ../shared/realfeeds through ingest's own decode, parse and normalise.
// The same figures print with `npm run eval:classify -- --set realfeeds`.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createClassifier } from '../../../src/lib/classify/classify.ts';
import { classifyFigures, type ClassifyFigures } from '../../../src/lib/eval/classify-metrics.ts';
import { readRealfeedItems, type RealfeedItem } from '../../../src/lib/eval/realfeed-items-fs.ts';
import { hasRealfeeds, realfeedsDir } from '../feeds/fixtures.ts';
import { expectTaxonomyIds, repoRoot, taxonomy } from './taxonomy.ts';

const labels = path.join(repoRoot, 'test/fixtures/news-signal/realfeed-labels.tsv');

describe.skipIf(!hasRealfeeds)('real feed items, hand-labelled, title and summary', () => {
  let items: RealfeedItem[];
  let figures: ClassifyFigures;
  beforeAll(async () => {
    items = await readRealfeedItems(labels, realfeedsDir);
    const classify = createClassifier(taxonomy);
    figures = classifyFigures(
      items,
      items.map((item) => classify({ title: item.title, summary: item.summary })),
    );
  });

  it('finds every labelled item in its feed, with ids from the taxonomy only', () => {
    expect(items.length).toBeGreaterThan(1000);
    expect(new Set(items.map((i) => i.feed)).size).toBeGreaterThan(60);
    expectTaxonomyIds(items);
  });

  it('holds on items it was never tuned on', () => {
    const f = figures;
    const onTopic = f.kept.tp + f.kept.fn;
    console.log(
      `real feed items: kept P ${f.kept.precision.toFixed(3)} R ${f.kept.recall.toFixed(3)} (${onTopic} on-topic of ${f.scored}); ` +
        `topics P ${f.topics.precision.toFixed(3)} R ${f.topics.recall.toFixed(3)}; companies P ${f.companies.precision.toFixed(3)} R ${f.companies.recall.toFixed(3)}`,
    );
    // Measured when the set was made (1,453 items of 67 feeds, 9 on the beat and 19 uncertain): kept
    // P 0.333 R 0.667, companies P 0.980 R 0.930; the classifier before issue 11 scored 0.050 / 0.222
    // and 0.978 / 0.829. Nine on-topic items move recall by 0.11 each, so the floors sit below.
    expect(onTopic).toBeGreaterThanOrEqual(5);
    expect(f.kept.precision).toBeGreaterThanOrEqual(0.25);
    expect(f.kept.recall).toBeGreaterThanOrEqual(0.55);
    expect(f.companies.precision).toBeGreaterThanOrEqual(0.95);
    expect(f.companies.recall).toBeGreaterThanOrEqual(0.9);
  });

  it('puts few of the off-topic items on the wire, tempting words and all', () => {
    // Tech podcasts' show notes naming chipmakers, r/homelab's server questions, cloud software blogs:
    // 12 of 1,425 off-topic items were kept (0.84%) when this was written, 20 before a company named
    // only in the summary counted half.
    const offTopic = figures.scored - (figures.kept.tp + figures.kept.fn);
    expect(offTopic).toBeGreaterThan(1300);
    expect(figures.kept.fp / offTopic).toBeLessThan(0.0125);
  });
});
