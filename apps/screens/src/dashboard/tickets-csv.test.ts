import { describe, expect, it } from 'vitest';
import { fileNameOf } from './tickets-csv.js';

describe('CSV file name', () => {
  it('is taken from the server when it gives one', () => {
    expect(fileNameOf('attachment; filename="tickets-2026-11-23.csv"')).toBe('tickets-2026-11-23.csv');
    expect(fileNameOf('attachment; filename=tickets.csv')).toBe('tickets.csv');
    expect(fileNameOf('attachment')).toBeNull();
    expect(fileNameOf(null)).toBeNull();
  });
});
