import { announcementClips, VOICE_CLIPS } from '@talon/domain';
import type { Speaker } from './announcement-queue.js';
import { whenAudioRuns } from './audio-ready.js';
import { CHIME_SECONDS, scheduleChime } from './chime.js';

/** Lead time so the first buffer is scheduled ahead of the audio thread, not late into it. */
const LEAD_SECONDS = 0.05;

/**
 * The hall's voice from the kit's clips (`/voice/<lang>/<clip>`, the office's own announcer where
 * it recorded one): every clip is fetched and decoded once, at start; a call is the chime and its
 * clips scheduled back to back on the audio clock, so no gap depends on the page's timers.
 */
export function createKitSpeaker(context: AudioContext, language: 'ru' | 'en'): Speaker {
  const clips = new Map<string, AudioBuffer>();
  let loaded: Promise<void> | undefined;

  const load = () =>
    (loaded ??= Promise.all(
      VOICE_CLIPS.map(async (name) => {
        try {
          const response = await fetch(`/voice/${language}/${name}`);
          if (response.ok) clips.set(name, await context.decodeAudioData(await response.arrayBuffer()));
        } catch {
          // A clip missing or undecodable is left out of the calls; the rest still speak.
        }
      }),
    ).then(() => undefined));
  // Started at once, not at the first call: decoding takes the first call's time otherwise.
  void load();

  return {
    async ready() {
      await load();
      await whenAudioRuns(context);
    },
    say(call, how) {
      let at = context.currentTime + LEAD_SECONDS;
      if (how.chime) {
        scheduleChime(context, at);
        at += CHIME_SECONDS;
      }
      for (const name of announcementClips(call, how.form)) {
        const buffer = clips.get(name);
        if (!buffer) continue;
        const source = context.createBufferSource();
        source.buffer = buffer;
        source.connect(context.destination);
        source.start(at);
        at += buffer.duration;
      }
      const seconds = at - context.currentTime;
      return new Promise((resolve) => setTimeout(resolve, Math.max(0, seconds * 1000)));
    },
  };
}
