import { expect, test } from 'vitest';
import { dodge } from '../../../src/lib/charts/labels.ts';
import { normalize } from '../../../src/lib/charts/finish.ts';

test('dodge keeps order, spaces labels and stays inside the frame', () => {
  expect(dodge([100, 102, 104], 10, 0, 300)).toEqual([100, 110, 120]);
  expect(dodge([295, 50, 298], 10, 0, 300)).toEqual([290, 50, 300]);
  expect(dodge([-5], 10, 0, 300)).toEqual([0]);
});

test('normalize rounds coordinates in attributes but never visible text', () => {
  expect(normalize('<path d="M1.23456,2.5L3.14159,0"/><text x="1.0005">3.14159</text>')).toBe('<path d="M1.23,2.5L3.14,0"/><text x="1">3.14159</text>');
});
