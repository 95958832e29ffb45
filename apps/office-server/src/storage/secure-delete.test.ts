import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { openDatabase } from './open-database.js';

it('opens the office database with secure_delete on, so forgotten personal data leaves no copy in free pages (issue 10)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'talon-secure-delete-'));
  const db = openDatabase(join(dir, 'talon.db'));
  try {
    expect(db.pragma('secure_delete', { simple: true })).toBe(1);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
