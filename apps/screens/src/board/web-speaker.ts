import type { Speaker } from './announcement-queue.js';
import { whenAudioRuns } from './audio-ready.js';
import { CHIME_SECONDS, scheduleChime } from './chime.js';
import { spokenCall } from './spoken-call.js';

/** Some engines never fire `end` (a voice that fails to load); the queue must not wait for ever. */
const LONGEST_CALL_MS = 12_000;

/** Whether the browser has a way to speak at all; the board shows the call either way. */
export function browserCanSpeak(): boolean {
  return typeof window !== 'undefined' && 'speechSynthesis' in window && typeof SpeechSynthesisUtterance !== 'undefined';
}

function voiceFor(language: 'ru' | 'en'): SpeechSynthesisVoice | undefined {
  return window.speechSynthesis.getVoices().find((voice) => voice.lang.toLowerCase().startsWith(language));
}

/** Says `text` with the browser's own voice; resolves when it is over, failed or given up on. */
export function speakText(text: string, language: 'ru' | 'en' = 'ru'): Promise<void> {
  if (!browserCanSpeak()) return Promise.resolve();
  return new Promise((resolve) => {
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = language === 'ru' ? 'ru-RU' : 'en-GB';
    const voice = voiceFor(language);
    if (voice) utterance.voice = voice;
    utterance.rate = 0.9;
    const timer = setTimeout(finish, LONGEST_CALL_MS);
    function finish() {
      clearTimeout(timer);
      resolve();
    }
    utterance.onend = finish;
    utterance.onerror = finish;
    window.speechSynthesis.speak(utterance);
  });
}

/**
 * `board.voice: 'browser'` (the device's own speech voice, where an office's device has a good
 * one) or `'off'` (the chime alone). Stock Linux Chromium has no voice at all: 'kit' is the default.
 */
export function createChimeSpeaker(context: AudioContext, voice: 'browser' | 'off', language: 'ru' | 'en'): Speaker {
  return {
    ready: () => whenAudioRuns(context),
    async say(call, how) {
      if (how.chime) {
        scheduleChime(context, context.currentTime + 0.05);
        await new Promise((resolve) => setTimeout(resolve, (CHIME_SECONDS + 0.05) * 1000));
      }
      if (voice === 'browser') await speakText(spokenCall(call, language).text, language);
    },
  };
}
