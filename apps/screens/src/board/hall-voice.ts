import type { BoardCall, BoardState } from '@talon/protocol';
import { createAnnouncementQueue, type Announcement, type Speaker } from './announcement-queue.js';
import { createKitSpeaker } from './kit-speaker.js';
import { stillCalled } from './still-called.js';
import { createChimeSpeaker } from './web-speaker.js';

export interface HallVoice {
  /** A call to be heard (a live `board:call`, a call missed while away or made as the page loaded). */
  announce(call: BoardCall): void;
  /** Every board state: what is still being called, the server's clock and the office's voice. */
  observe(state: BoardState): void;
}

/**
 * The board's voice: the announcement queue with the voice the office config asks for
 * (`board.voice`, kit by default). The queue waits for the first state (which brings that choice)
 * and for the voice to be ready; see announcement-queue.ts for what is said when.
 */
export function createHallVoice(): HallVoice {
  const context = typeof AudioContext === 'undefined' ? null : new AudioContext();
  let latest: BoardState | null = null;
  let chosen: (speaker: Speaker) => void;
  const speaker = new Promise<Speaker>((resolve) => (chosen = resolve));

  const queue = createAnnouncementQueue(
    {
      ready: async () => (await speaker).ready(),
      say: async (announcement, how) => (await speaker).say(announcement, how),
    },
    {
      now: () => Date.now(),
      stillCalled: (announcement: Announcement) => stillCalled(latest, announcement),
    },
  );

  return {
    announce(call) {
      queue.enqueue({
        key: `${call.ticketId}@${call.at}`,
        ticketId: call.ticketId,
        number: call.number,
        deskNumber: call.deskNumber,
        recall: call.recall,
        at: call.at,
        // From when this board learned of it: a call caught up after a lost link (or found in
        // the first state) is news to the hall now, and its visitor is still being called.
        heardAt: Date.now(),
      });
    },
    observe(state) {
      if (!latest) {
        const voice = state.voice ?? { mode: 'kit', language: 'ru' };
        const silent: Speaker = { ready: () => Promise.resolve(), say: () => Promise.resolve() };
        if (!context) chosen(silent);
        else chosen(voice.mode === 'kit' ? createKitSpeaker(context, voice.language) : createChimeSpeaker(context, voice.mode, voice.language));
      }
      latest = state;
    },
  };
}
