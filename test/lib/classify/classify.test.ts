import { describe, expect, it } from 'vitest';
import { createClassifier } from '../../../src/lib/classify/classify.ts';
import { compilePhrase, isCaseSensitiveKeyword, matches, phraseProblem } from '../../../src/lib/classify/matcher.ts';
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

  it('matches a quoted word only in that form, in any case, and the rest of the phrase by lemma', () => {
    expect(found('solar "powered"', false, 'Titan Aerospace solar-powered drones')).toBe(true);
    expect(found('solar "powered"', false, 'Solar Powered Farms')).toBe(true);
    expect(found('solar "powered"', false, 'Solar power output hits a record')).toBe(false);
    expect(found('solar "powered"', false, 'Solar powers the grid')).toBe(false);
    // Without the quotes the lemma conflates the two: what the quotes are for.
    expect(found('solar powered', false, 'Solar power output hits a record')).toBe(true);
  });

  it('names a phrase whose quotes do not pair or quote no word', () => {
    expect(phraseProblem('solar "powered"')).toBeUndefined();
    expect(phraseProblem('solar "powered')).toMatch(/unpaired double quote/);
    expect(phraseProblem('solar "" power')).toMatch(/quotes no word/);
  });
});

describe('createClassifier', () => {
  it('files solar generation under energy, and not a product that runs on its own panels', () => {
    expect(run('Germany’s solar power output hits a record').topics).toEqual(['energy']);
    expect(run('Tesla unveils solar-powered charging stations').topics).toEqual([]);
    expect(run('Picture of the Day: Titan Aerospace solar powered drones').topics).toEqual([]);
  });

  it('finds topics and companies', () => {
    expect(run('SK hynix says HBM4 output for 2027 is sold out')).toMatchObject({ topics: ['chips'], companies: ['sk-hynix'] });
  });

  it('needs more than one passing mention in the summary', () => {
    expect(run('Quarterly results', 'The company also sells a chip.').topics).toEqual([]);
    expect(run('Quarterly results', 'The company sells chips made on 3nm wafers.').topics).toEqual(['chips']);
  });

  it('counts a company named only in the summary as half, as the summary counts its words', () => {
    // A podcast's show notes naming a chipmaker in passing (real feed: ATP's episodes).
    const notes = run('286: I Respect a Good Crust', 'Follow up: keyboards, Intel at the coffee shop, pizza ovens.');
    expect(notes.companies).toEqual(['intel']);
    expect(notes.topics).toEqual([]);
    const named = run('Intel at the coffee shop');
    const points = (c: typeof notes) => c.hits.filter((h) => h.kind === 'company').reduce((n, h) => n + h.points, 0);
    expect(points(notes)).toBe(points(named) / 2);
    // Named in the title, it counts whole.
    expect(named.topics).toEqual(['chips']);
  });

  it('does not tag a second topic that scores less than half the best', () => {
    expect(run('TSMC lifts capex as demand for 2nm wafers outstrips supply').topics).toEqual(['chips']);
  });

  it('lets the source beat tip a borderline item: a specialist needs less evidence than a general source', () => {
    expect(run('New fab announced').topics).toEqual([]);
    expect(run('New fab announced', '', { topics: ['chips'] }).topics).toEqual(['chips']);
    expect(run('New fab announced', '', { weight: 0.8, topics: ['chips'] }).topics).toEqual([]);
  });

  it('scales scores by source weight', () => {
    expect(run('TSMC opens a new fab in Arizona').topics).toEqual(['chips']);
    expect(run('TSMC opens a new fab in Arizona', '', { weight: 0.5 }).topics).toEqual([]);
  });

  it('reads "nuclear" and "power" by their context', () => {
    expect(run('Nuclear power plant restarts after refuelling outage').topics).toEqual(['energy']);
    expect(run('Iran nuclear talks stall as inspectors are barred').topics).toEqual([]);
    expect(run('Russia moves nuclear submarine to Arctic base').topics).toEqual([]);
    expect(run('Texans told to conserve power as heat sends demand to a record').topics).toEqual(['energy']);
    expect(run('Power struggle in the Senate over the spending bill').topics).toEqual([]);
  });

  it('ignores the words of an excluded phrase', () => {
    expect(run('Potato chips maker raises prices on snack chips').topics).toEqual([]);
    expect(run('Blue-chip stocks rally on Wall Street').scores.chips ?? 0).toBe(0);
    expect(run('Blue-chip stocks rally as chip stocks lead the Nasdaq').topics).toEqual(['chips']);
    expect(run('Brain chip startup implants its first patient').topics).toEqual([]);
  });

  it('reads "chip" and "grid" beside the words that make them the industry and the power system', () => {
    expect(run('China pours $47 billion into its chip industry').topics).toEqual(['chips']);
    // Chip prices, sales and stocks are the industry's unless a snack is in the headline.
    expect(run('Chip prices climb as AI demand drains supply').topics).toEqual(['chips']);
    expect(run('Chip sales rose 20% in October, SIA says').topics).toEqual(['chips']);
    expect(run('Frito-Lay raises chip prices again').topics).toEqual([]);
    expect(run('Doritos chip sales slump in Europe').topics).toEqual([]);
    expect(run('Texas grid strained as heatwave sets demand record').topics).toEqual(['energy']);
    expect(run('Poker chip found in the casino vault').topics).toEqual([]);
    expect(run('Lewis Hamilton starts from the back of the grid').topics).toEqual([]);
  });

  it('does not take a uranium mine, a TV Stargate or railway sabotage for the beat', () => {
    expect(run('Ancient groundwater found in a uranium mine in South Africa').topics).toEqual([]);
    expect(run("Stargate creator's new series would reveal the gate to the world").topics).toEqual([]);
    expect(run('Partisans claim railway sabotage in Russia').topics).toEqual([]);
    expect(run('Saboteurs attacked a substation, cutting power to 40,000').topics).toContain('security');
  });

  it('matches plurals and inflections without listing them', () => {
    expect(run('Cyber attacks on power grids rise, utilities warn').topics).toContain('security');
    expect(run('Chinese hackers hacked a US utility, officials say').topics).toContain('security');
    expect(run('Utilities add gigawatts of batteries to the grid').topics).toEqual(['energy']);
    // An acronym's plural, "-us" ending and all ("GPUs" is no "campus").
    expect(run('Startup buys 550,000 GPUs').topics).toEqual(['chips']);
    expect(run('Google offers its TPUs to rival clouds').topics).toContain('chips');
    expect(run('Students return to campus').topics).toEqual([]);
  });

  it('files a cable cut under security only with a ship, a state or the police in the story', () => {
    expect(run('Internet traffic disrupted in East Africa after subsea cable cut').topics).toEqual(['networks']);
    expect(run('Finnish police seize tanker after Baltic data cable cut').topics.sort()).toEqual(['networks', 'security']);
  });

  it('files an attack under security only when it targets infrastructure or comes from a state', () => {
    expect(run('Ransomware attack on a utility knocks out power billing').topics).toContain('security');
    expect(run('Hackers steal $600 million from a crypto exchange').topics).toEqual([]);
    expect(run('Hackers breach a clinic and leak patient records').topics).toEqual([]);
  });

  it('scores export controls on chips under both chips and security', () => {
    expect(run('US tightens export controls on AI chips to China').topics.sort()).toEqual(['chips', 'security']);
    expect(run('Biden administration restricts exports of AI chips to China').topics.sort()).toEqual(['chips', 'security']);
  });

  it('reads electricity scarcity and use however the headline words it', () => {
    expect(run('Power rationing in Sichuan shuts car plants').topics).toEqual(['energy']);
    expect(run('Electricity shortages hit Chinese provinces').topics).toEqual(['energy']);
    expect(run('Tornado knocks out power to 100,000 homes in Kentucky').topics).toEqual(['energy']);
    expect(run('EU agrees emergency plan to cut electricity use').topics).toEqual(['energy']);
    expect(run("France's EDF cuts nuclear output forecast again").topics).toEqual(['energy']);
  });

  it('knows grid operators, state hacking groups and smuggled chips by name, and snacks and space reactors for what they are', () => {
    expect(run('MISO warns of elevated shortfall risk across Midwest this summer').topics).toEqual(['energy']);
    expect(run('AWS says it disrupted Russian APT29 campaign impersonating its domains').topics).toContain('security');
    expect(run('Chinese AI startup trained model on smuggled Blackwell chips, sources say').topics.sort()).toEqual(['chips', 'security']);
    expect(run('Doritos maker says spicy chips drove quarter growth').topics).toEqual([]);
    expect(run('North Korea tests engine for nuclear-powered submarine').topics).toEqual([]);
    expect(run('NASA picks firms to design fission reactor for lunar base').topics).toEqual([]);
    expect(run('Capital One settles cloud data breach claims for $190m').topics).toEqual([]);
  });

  it('files data-centre networking under networks, and data centres on the grid under energy too', () => {
    // The policy lists data-centre networking and optics under networks: the market named is not the subject.
    expect(run('Data center switch revenue climbs 30% on AI back-end builds').topics).toEqual(['networks']);
    expect(run('Optical firms race to ship data-centre interconnect modules').topics).toEqual(['networks']);
    expect(run('New data centre campus opens outside Dublin').topics).toEqual(['datacenters']);
    // Their electricity is their load on the grid.
    expect(run("Data centres already take a fifth of Ireland's electricity").topics.sort()).toEqual(['datacenters', 'energy']);
    expect(run('Physicists measure electricity in a single molecule').topics).toEqual([]);
  });

  it('reads a cable under the sea as a network, and a satellite network or a mail server as a target', () => {
    expect(run('Undersea internet cable to link Africa and Europe').topics).toEqual(['networks']);
    expect(run('Cable TV prices rise again').topics).toEqual([]);
    expect(run('Cyberattack hits Viasat satellite network across Europe').topics).toContain('security');
    // Exchange the mail server, not a crypto exchange.
    expect(run('US accuses China of hacking Microsoft Exchange servers').topics).toContain('security');
    expect(run('Crypto exchange hacked for $600 million').topics).toEqual([]);
  });

  it('guards ambiguous company aliases', () => {
    expect(run('Arm unveils new chip designs for AI PCs').companies).toEqual(['arm']);
    expect(run('Arm yourself with these budgeting tips').companies).toEqual([]);
    expect(run('Ukraine gets US intel on Russian troop movements').companies).toEqual([]);
    expect(run('Intel officials warn of Russian invasion').companies).toEqual([]);
    expect(run('Intel cuts jobs as foundry losses widen').companies).toEqual(['intel']);
    expect(run('Fires in the Amazon rainforest hit a record').companies).toEqual([]);
    expect(run('Amazon raises Prime prices in Europe').companies).toEqual(['amazon']);
  });

  it('counts a brand that carries the name, and a cloud brand as a data-centre signal', () => {
    expect(run('Facebook removes a network of fake accounts').companies).toEqual(['meta']);
    expect(run('AWS outage takes down Netflix and Disney+ in parts of the US')).toMatchObject({ topics: ['datacenters'], companies: ['amazon'] });
  });

  it("names a chip company in its off-beat news without putting it on the wire: a GPU maker's games and drivers", () => {
    expect(run('Nvidia driver update brings DLSS 4 to 75 more games')).toMatchObject({ topics: [], companies: ['nvidia'] });
    expect(run('AMD gaming drivers fix crashes in new shooter')).toMatchObject({ topics: [], companies: ['amd'] });
    // And says why the company scored nothing.
    expect(run('Nvidia driver update brings DLSS 4 to 75 more games').hits).toEqual([
      { topic: 'chips', phrase: 'company:nvidia (off the beat)', kind: 'company', where: 'title', points: 0 },
    ]);
    expect(run('Nvidia books record data-centre revenue').topics).toContain('chips');
  });

  it('does not put an item on the wire for a company named in passing', () => {
    expect(run('Google and Meta face fines over deepfakes in the EU').topics).toEqual([]);
  });

  it('explains itself: every phrase that scored, with its points', () => {
    const { hits } = run('Chip shortage hits TSMC customers');
    expect(hits).toEqual([
      { topic: 'chips', phrase: 'chip shortage', kind: 'keyword', where: 'title', points: 2 },
      { topic: 'chips', phrase: 'company:tsmc', kind: 'company', where: 'title', points: 2 },
    ]);
  });

  it('matches nothing in general news', () => {
    expect(run('Intelligence agencies brief lawmakers on artificial intelligence')).toMatchObject({ topics: [], companies: [] });
  });
});
