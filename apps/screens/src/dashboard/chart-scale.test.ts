import { describe, expect, it } from 'vitest';
import { hourSpan, linearScale, niceMax, ticks } from './chart-scale.js';

describe('chart scales', () => {
  it.each([
    [0, 1],
    [0.4, 1],
    [1, 1],
    [3, 5],
    [7, 10],
    [14, 20],
    [21, 50],
    [120, 200],
  ])('niceMax(%s) = %s', (value, expected) => {
    expect(niceMax(value)).toBe(expected);
  });

  it('keeps the office standard on the wait axis even on a quick day', () => {
    expect(niceMax(4, 15)).toBe(20);
  });

  it('ticks are whole and end at the top', () => {
    expect(ticks(20)).toEqual([0, 5, 10, 15, 20]);
    expect(ticks(10)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(ticks(1)).toEqual([0, 1]);
  });

  it('maps values onto pixels, upside down for y, and clamps what falls outside', () => {
    const y = linearScale(20, 200, 0);
    expect(y(0)).toBe(200);
    expect(y(10)).toBe(100);
    expect(y(20)).toBe(0);
    expect(y(35)).toBe(0);
    expect(y(-3)).toBe(200);
    expect(linearScale(0, 0, 100)(0)).toBe(0);
  });

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
