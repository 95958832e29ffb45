import { describe, expect, it } from 'vitest';
import { hourSpan } from './chart-scale.js';

describe('the hours a chart spans', () => {
  it('spans every hour between the first and the last, gaps included', () => {
    expect(hourSpan([11, 9, 13])).toEqual([9, 10, 11, 12, 13]);
    expect(hourSpan([])).toEqual([]);
  });

  it('spans the office hours whatever the data, and reaches out to data outside them', () => {
    expect(hourSpan([], { from: 8, to: 17 })).toEqual([8, 9, 10, 11, 12, 13, 14, 15, 16]);
    expect(hourSpan([10], { from: 8, to: 12 })).toEqual([8, 9, 10, 11]);
    expect(hourSpan([7, 9], { from: 8, to: 11 })).toEqual([7, 8, 9, 10]);
    expect(hourSpan([9], { from: 12, to: 12 })).toEqual([9]);
  });
});
