import { playChime } from './chime.js';
import type { Announcement, Speaker } from './announcement-queue.js';

/** Some engines never fire `end` (a voice that fails to load); the queue must not wait for ever. */
const LONGEST_CALL_MS = 12_000;

/** Whether the browser has a way to speak at all; the board shows the call either way. */
export function browserCanSpeak(): boolean {
  return typeof window !== 'undefined' && 'speechSynthesis' in window && typeof SpeechSynthesisUtterance !== 'undefined';
}

function russianVoice(): SpeechSynthesisVoice | undefined {
  return window.speechSynthesis.getVoices().find((voice) => voice.lang.toLowerCase().startsWith('ru'));
}

function speak(text: string): Promise<void> {
  return new Promise((resolve) => {
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = 'ru-RU';
    const voice = russianVoice();
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

/** The hall's voice: a chime, then the call in Russian where the browser can speak. */
export function createWebSpeaker(): Speaker {
  let audio: AudioContext | null = null;
  return async (announcement: Announcement) => {
    try {
      audio ??= new AudioContext();
      await playChime(audio);
    } catch {
      // No audio device: the voice may still work, and the screen shows the call anyway.
    }
    if (browserCanSpeak()) await speak(announcement.text);
  };
}
