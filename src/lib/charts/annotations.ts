// Annotations: a dashed rule at an x value with a short note at the top of the frame.
import * as Plot from '@observablehq/plot';
import type { Annotation } from './types.ts';

export function annotationMarks(annotations: readonly Annotation[] | undefined): Plot.Markish[] {
  if (!annotations?.length) return [];
  const data = annotations.map((a) => ({ x: a.x, label: a.label }));
  return [
    Plot.ruleX(data, { x: 'x', stroke: 'var(--muted)', strokeDasharray: '3,3', ariaLabel: 'annotation' }),
    Plot.text(data, {
      x: 'x',
      text: 'label',
      frameAnchor: 'top',
      textAnchor: 'start',
      dx: 4,
      dy: 2,
      lineAnchor: 'top',
      fill: 'var(--muted)',
      ariaLabel: 'annotation label',
    }),
  ];
}
