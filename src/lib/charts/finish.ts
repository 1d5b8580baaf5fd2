// Turning Plot's SVG into the published one: accessible (role="img", <title> and <desc> referenced by
// aria-labelledby), themed by CSS instead of Plot's inline <style>, and deterministic (coordinates
// rounded to 2 decimals, ids derived from the chart id).

export interface FinishOptions {
  id: string;
  title: string;
  description: string;
  /** Extra class, e.g. "chart-line". */
  kind: string;
  /** SVG markup drawn last, on top of Plot's marks (marks written as strings, for speed). */
  append?: string;
}

function roundNumbers(attribute: string): string {
  return attribute.replace(/-?\d+\.\d{3,}/g, (n) => String(Math.round(Number(n) * 100) / 100));
}

/** Rounds coordinates inside attribute values only, never in visible text. */
export function normalize(svg: string): string {
  return svg.replace(/="([^"]*)"/g, (whole, value: string) => (/\d\.\d{3}/.test(value) ? `="${roundNumbers(value)}"` : whole));
}

export function finish(svg: SVGSVGElement | HTMLElement, options: FinishOptions): string {
  const document = svg.ownerDocument;
  for (const style of Array.from(svg.querySelectorAll('style'))) style.remove();
  let n = 0;
  const renamed = new Map<string, string>();
  for (const el of Array.from(svg.querySelectorAll('[id]'))) {
    const next = `${options.id}-${++n}`;
    renamed.set(el.getAttribute('id')!, next);
    el.setAttribute('id', next);
  }
  // Plot names its groups with aria-label; on a generic <g> that is prohibited ARIA (axe flags it),
  // and the chart is one image described by its <title> and <desc> anyway.
  // The mark's name stays as data-mark, for the chart styles.
  for (const el of Array.from(svg.querySelectorAll('[aria-label]'))) {
    el.setAttribute('data-mark', el.getAttribute('aria-label')!);
    el.removeAttribute('aria-label');
  }
  svg.removeAttribute('font-family');
  // The site's CSP blocks style attributes, so Plot's style="font-size:12px" becomes the attribute.
  const fontSize = /font-size:\s*([\d.]+)px/.exec(svg.getAttribute('style') ?? '')?.[1];
  svg.removeAttribute('style');
  if (fontSize) svg.setAttribute('font-size', fontSize);
  svg.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  svg.setAttribute('class', `chart-svg ${options.kind}`);
  svg.setAttribute('id', options.id);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-labelledby', `${options.id}-title ${options.id}-desc`);
  const title = document.createElementNS('http://www.w3.org/2000/svg', 'title');
  title.setAttribute('id', `${options.id}-title`);
  title.textContent = options.title;
  const desc = document.createElementNS('http://www.w3.org/2000/svg', 'desc');
  desc.setAttribute('id', `${options.id}-desc`);
  desc.textContent = options.description;
  svg.insertBefore(desc, svg.firstChild);
  svg.insertBefore(title, desc);
  const markup = options.append ? svg.outerHTML.replace(/<\/svg>$/, `${options.append}</svg>`) : svg.outerHTML;
  let out = normalize(markup);
  for (const [from, to] of renamed) out = out.replaceAll(`url(#${from})`, `url(#${to})`).replaceAll(`href="#${from}"`, `href="#${to}"`);
  return out;
}
