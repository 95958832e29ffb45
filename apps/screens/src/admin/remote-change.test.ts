import type { OfficeConfig } from '@talon/protocol';
import { describe, expect, it } from 'vitest';
import { remoteChange } from './remote-change.js';

const config = (hint: string) => ({ office: { name: 'ЦОК' }, services: [{ id: 'payments', hint }] }) as unknown as OfficeConfig;

describe('a config change from the server', () => {
  const before = config('касса');
  const theirs = { config: config('касса до 16:00'), origin: 'other' };

  it.each<[string, string | undefined, OfficeConfig | null, OfficeConfig | null, string]>([
    ['is ours when this screen made it', 'other', before, config('мой черновик'), 'ours'],
    ['is taken when nothing here is unsaved', 'me', before, before, 'take'],
    ['is taken before this screen has loaded anything', 'me', null, null, 'take'],
    ['is taken when the draft already says the same', 'me', before, config('касса до 16:00'), 'take'],
    ['is asked about when it would replace unsaved edits', 'me', before, config('мой черновик'), 'ask'],
    ['is asked about on a screen not yet connected', undefined, before, config('мой черновик'), 'ask'],
  ])('%s', (_, own, saved, draft, expected) => {
    expect(remoteChange(theirs, own, saved, draft)).toBe(expected);
  });
});
