import { VOICE_CLIPS } from '@talon/domain';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestOffice, type TestOffice } from '../testing/test-office.js';
import { SHIPPED_VOICE_KIT } from './voice-clips.js';

describe('the hall voice kit', () => {
  let office: TestOffice;
  beforeAll(async () => {
    office = await startTestOffice();
  });
  afterAll(() => office.stop());

  it('ships every clip the calls are made of, in both languages, small', () => {
    let bytes = 0;
    for (const language of ['ru', 'en'])
      for (const clip of VOICE_CLIPS) {
        const file = join(SHIPPED_VOICE_KIT, language, `${clip}.ogg`);
        expect(existsSync(file), file).toBe(true);
        bytes += statSync(file).size;
      }
    // Committed to git and fetched by every board at start: the whole kit stays well under 2 MB.
    expect(bytes).toBeLessThan(2_000_000);
  });

  it('serves a shipped clip as Ogg, and the office own recording of a clip instead of it', async () => {
    const shipped = await fetch(`${office.url}/voice/ru/talon`);
    expect(shipped.status).toBe(200);
    expect(shipped.headers.get('content-type')).toBe('audio/ogg');
    expect(Buffer.from(await shipped.arrayBuffer()).subarray(0, 4).toString()).toBe('OggS');

    mkdirSync(join(office.dataDir, 'voice', 'ru'), { recursive: true });
    writeFileSync(join(office.dataDir, 'voice', 'ru', 'talon.wav'), 'RIFF-announcer');
    const own = await fetch(`${office.url}/voice/ru/talon`);
    expect(own.headers.get('content-type')).toBe('audio/wav');
    expect(await own.text()).toBe('RIFF-announcer');
    // The other clips still come from the shipped kit.
    expect((await fetch(`${office.url}/voice/ru/window`)).headers.get('content-type')).toBe('audio/ogg');
  });

  it('serves nothing but the kit names', async () => {
    for (const path of ['/voice/ru/office', '/voice/de/talon', '/voice/ru/..%2F..%2Fpackage', '/voice/ru/talon.ogg', '/voice/ru/'])
      expect((await fetch(`${office.url}${path}`)).status, path).toBe(404);
  });
});
