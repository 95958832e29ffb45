import { describe, expect, it } from 'vitest';
import { countsAsDeskStaff } from './desk-staff.js';

describe('desk staff in break cover', () => {
  it.each([
    [['operator'], true],
    [['head', 'operator'], false],
    [['operator', 'head'], false],
    [['head'], false],
    [['admin', 'head'], false],
    [['admin'], false],
    [['admin', 'operator'], true],
  ])('%j counts: %s', (roles, expected) => {
    expect(countsAsDeskStaff(roles)).toBe(expected);
  });
});
