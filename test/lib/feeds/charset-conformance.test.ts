// A charset label the bytes contradict: valid UTF-8 under a legacy label, legacy bytes under a UTF-8
// label, and UTF-8 feeds with a few stray windows-1252 bytes or characters cut short.
import { describe, expect, it } from 'vitest';
import { decodeFeed } from '../../../src/lib/feeds/decode.ts';
import { conformance, fixture, ingestFixture } from './fixtures.ts';

const ingest = (name: string) => ingestFixture(conformance(name));
const titles = async (name: string) => (await ingest(name)).items.map((i) => i.title);
const enc = (s: string) => new TextEncoder().encode(s);

describe('valid UTF-8 under a legacy label', () => {
  it.each([
    ['charset-utf8-labelled-shift_jis.rss', ['新工場の稼働で半導体の供給不足が解消へ', '送電網の増強計画、来年度から着工']],
    ['charset-utf8-labelled-windows-1251.rss', ['Операторы связи модернизируют оптические магистрали', 'Энергетики запустили новую подстанцию']],
    ['charset-utf8-labelled-gb2312.rss', ['国产芯片产能继续扩大', '电网公司启动特高压输电工程']],
  ])('reads %s as UTF-8', async (file, expected) => {
    expect(decodeFeed(fixture(conformance(file)))).toMatchObject({ charset: 'utf-8', from: 'sniff' });
    expect(await titles(file)).toEqual(expected);
  });

  it('reads a short UTF-8 text under a legacy label as UTF-8 when the label cannot decode it', () => {
    // Two CJK characters only, but E9 9B BB E5 8A 9B is not valid Shift_JIS.
    const doc = enc('<?xml version="1.0" encoding="Shift_JIS"?><rss><channel><title>電力</title></channel></rss>');
    expect(decodeFeed(doc)).toMatchObject({ charset: 'utf-8', from: 'sniff' });
    expect(decodeFeed(doc).text).toContain('<title>電力</title>');
  });

  it('keeps the label for a short legacy text that happens to be valid UTF-8', () => {
    // "체크" in EUC-KR is C3 BC C5 A9, which is also the UTF-8 for "üũ": two sequences are no evidence.
    const doc = new Uint8Array([
      ...enc('<?xml version="1.0" encoding="EUC-KR"?><rss><channel><title>'),
      0xc3,
      0xbc,
      0xc5,
      0xa9,
      ...enc('</title></channel></rss>'),
    ]);
    expect(decodeFeed(doc)).toMatchObject({ charset: 'euc-kr', from: 'prolog' });
    expect(decodeFeed(doc).text).toContain('<title>체크</title>');
  });
});

describe('legacy bytes under a UTF-8 label', () => {
  it('detects EUC-KR labelled UTF-8 instead of reading it as windows-1252', async () => {
    expect(decodeFeed(fixture(conformance('charset-euc-kr-labelled-utf8.rss')))).toMatchObject({ charset: 'euc-kr', from: 'sniff' });
    expect(await titles('charset-euc-kr-labelled-utf8.rss')).toEqual(['반도체 수출이 사상 최대를 기록했다', '전력망 투자 계획 발표']);
  });

  it('still reads undeclared windows-1252 whole, even where a byte pair happens to be valid UTF-8', async () => {
    expect(decodeFeed(fixture(conformance('charset-cp1252-undeclared.rss')))).toMatchObject({ charset: 'windows-1252', from: 'default' });
    const { items } = await ingest('charset-cp1252-undeclared.rss');
    expect(items.map((i) => i.title)).toEqual(['Größere Umspannwerke für die „Energiewende“', 'Glasfaser: Bürger zahlen weniger für schnelle Anschlüsse']);
    expect(items[0]!.summary).toContain('„Fuß“-Wege für Kabel – Straße für Straße, Café für Café.');
  });
});

describe('mostly UTF-8 with a few invalid bytes', () => {
  it('reads UTF-8 and maps stray windows-1252 bytes one by one', async () => {
    expect(decodeFeed(fixture(conformance('charset-utf8-stray-cp1252.rss')))).toMatchObject({ charset: 'utf-8', from: 'prolog' });
    expect(await titles('charset-utf8-stray-cp1252.rss')).toEqual([
      'Data-centre power: the grid’s “quiet” crisis — résumé',
      'Fibre déployée à Zürich',
      'Chipmaker’s “record” quarter – café talk',
      'Naïve forecasts for 5G façades',
    ]);
  });

  it('shows a character cut short as one U+FFFD, not as windows-1252 letters', async () => {
    const { items } = await ingest('charset-utf8-truncated.rss');
    expect(items.map((i) => i.title)).toEqual(['変電所の新設を決定', '光回線の障害が復旧']);
    expect(items.map((i) => i.summary)).toEqual(['送電網の増強\uFFFD', '通信事業者\uFFFD']);
  });

  it('repairs undeclared and Latin-labelled UTF-8 the same way', () => {
    const body = [
      ...enc('<rss><channel><title>Größere Netze — schnellere Chips für KI, '),
      0x93,
      ...enc('sagt'),
      0x94,
      ...enc(' der Verband</title></channel></rss>'),
    ];
    const expected = '<title>Größere Netze — schnellere Chips für KI, “sagt” der Verband</title>';
    expect(decodeFeed(new Uint8Array(body))).toMatchObject({ charset: 'utf-8', from: 'sniff' });
    expect(decodeFeed(new Uint8Array(body)).text).toContain(expected);
    const labelled = new Uint8Array([...enc('<?xml version="1.0" encoding="ISO-8859-1"?>'), ...body]);
    expect(decodeFeed(labelled)).toMatchObject({ charset: 'utf-8', from: 'sniff' });
    expect(decodeFeed(labelled).text).toContain(expected);
    expect(decodeFeed(new Uint8Array(body), { contentType: 'application/rss+xml; charset=utf-8' })).toMatchObject({ charset: 'utf-8', from: 'header' });
  });

  it('maps every invalid byte, including at the very end', () => {
    const bytes = new Uint8Array([
      ...enc('<rss><title>Überspannung ± 5 % — Netzgröße über Plan, Kühlung läuft — Netz’'),
      0xe9,
      0x80,
      ...enc(' ok'),
      0x9d,
      0xa0,
      0xe9,
    ]);
    // E9 80 is a character cut short (one U+FFFD); 9D is unassigned in windows-1252 (U+FFFD); A0 is a
    // no-break space; the final lone E9, after a windows-1252 byte, is "é".
    expect(decodeFeed(bytes).text).toBe('<rss><title>Überspannung ± 5 % — Netzgröße über Plan, Kühlung läuft — Netz’\uFFFD ok\uFFFD\u00a0é');
  });
});
