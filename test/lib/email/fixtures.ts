// An issue as the build renders it (the HTML of Story.astro and Markdown), with the things an
// inbox must never get: script, handlers, relative and javascript: links, an image without size.
import { emailContent } from '../../../src/lib/email/content.ts';
import type { EmailIssue } from '../../../src/lib/email/html.ts';

export const renderedIssue = `
<p>Power, not chips, set the pace this week. <a href="/essays/waiting-in-line-for-electrons/">Our essay on queues</a> argued why; the news below is the evidence.</p>
<script>alert('x')</script>
<p onclick="steal()">Three things to watch: <em>interconnection</em>, <strong>memory</strong> and <a href="javascript:alert(1)">optics</a>.</p>
<img src="/data/chart.png">
<h2 id="new-on-substation">New on Substation</h2>
<ul><li><a href="/essays/guarding-the-weights/">Guarding the Weights</a>: security is becoming a line item in every AI capex plan.</li></ul>
<h2 id="chips">Chips</h2>
<article class="story" data-astro-cid-x><h3 class="story__title"><a href="https://wire.example/hbm4" rel="noopener">SK hynix clears HBM4 qualification &lt;script&gt;</a></h3><p class="story__meta">Wire Service, 17 Nov; also Trade Journal and Industry Blog</p><div class="story__take"><p>Qualification turns a roadmap into revenue: the question now is how much of next year's supply is already spoken for.</p></div></article>
<h2 id="energy">Energy</h2>
<article class="story"><h3 class="story__title"><a href="https://trade.example/queue">Grid operator reforms interconnection queue</a></h3><p class="story__meta">Trade Journal, 18 Nov</p></article>
<!-- astro:end -->
`;

export const issue: EmailIssue = {
  siteName: 'Substation',
  siteUrl: 'https://substation.example/',
  issueUrl: 'https://substation.example/issues/2/',
  archiveUrl: 'https://substation.example/issues/',
  unsubscribeUrl: 'mailto:unsubscribe@substation.example?subject=unsubscribe',
  number: 2,
  title: 'Power sets the pace',
  dek: 'Queues, memory and optics: the week in AI infrastructure.',
  preheader: 'Why the interconnection queue matters more than the next GPU.',
  dateText: '23 November 2026',
  byline: 'Mara Okafor and Theo Lindqvist',
  contentHtml: emailContent(renderedIssue, { pageUrl: 'https://substation.example/issues/2/' }),
};
