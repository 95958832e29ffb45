import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { speakText } from './web-speaker.js';

/** A stand-in for the browser's voice; `finishes` false plays an engine that never fires `end`. */
function installVoice(finishes: boolean) {
  const spoken: { text: string; lang: string }[] = [];
  class Utterance {
    lang = '';
    rate = 1;
    voice: unknown = null;
    onend: (() => void) | null = null;
    onerror: (() => void) | null = null;
    constructor(public text: string) {}
  }
  const speechSynthesis = {
    getVoices: () => [{ lang: 'en-US' }, { lang: 'ru-RU', name: 'Russian' }],
    speak(utterance: Utterance) {
      spoken.push({ text: utterance.text, lang: utterance.lang });
      if (finishes) setTimeout(() => utterance.onend?.(), 500);
    },
  };
  vi.stubGlobal('window', { speechSynthesis });
  vi.stubGlobal('SpeechSynthesisUtterance', Utterance);
  return spoken;
}

describe('the web speaker', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('speaks Russian and is done when the voice is done', async () => {
    const spoken = installVoice(true);
    let done = false;
    void speakText('Талон А ноль ноль один, окно 1').then(() => (done = true));
    await vi.advanceTimersByTimeAsync(100);
    expect(spoken).toEqual([{ text: 'Талон А ноль ноль один, окно 1', lang: 'ru-RU' }]);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(500);
    expect(done).toBe(true);
  });

  it('gives up on a voice that never ends, so the next call is not held for ever', async () => {
    installVoice(false);
    let done = false;
    void speakText('Талон').then(() => (done = true));
    await vi.advanceTimersByTimeAsync(11_000);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(done).toBe(true);
  });

  it('is silent but done at once where the browser cannot speak', async () => {
    vi.stubGlobal('window', {});
    await expect(speakText('Талон')).resolves.toBeUndefined();
  });
});
