// Cases from a conformance corpus of real-world feeds, each reproduced by a small fixture of ours in
// test/fixtures/feeds/conformance/.
import { describe, expect, it } from 'vitest';
import { decodeFeed } from '../../../src/lib/feeds/decode.ts';
import { fixture, ingestFixture } from './fixtures.ts';

const conformance = (name: string) => `conformance/${name}`;
const titles = async (name: string) => (await ingestFixture(conformance(name))).items.map((i) => i.title);

describe('undeclared East Asian and Cyrillic charsets', () => {
  it.each([
    ['euc-jp.rss', 'euc-jp', '東京電力、データセンター向けの新しい変電所を建設へ'],
    ['shift_jis.rss', 'shift_jis', '東京電力、データセンター向けの新しい変電所を建設へ'],
    ['gb2312.rss', 'gb18030', '国家电网宣布投资建设新的数据中心供电线路'],
    ['koi8-r.rss', 'koi8-r', 'Энергосистема готовится к зимнему пику нагрузки'],
  ])('detects %s', async (file, charset, title) => {
    expect(decodeFeed(fixture(conformance(file)))).toMatchObject({ charset, from: 'sniff' });
    expect((await titles(file))[0]).toBe(title);
  });
});
