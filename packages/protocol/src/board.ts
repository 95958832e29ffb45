import { z } from 'zod';
import type { CommandEvents } from './command-map.js';
import type { BoardVoice } from './office-config.js';
import type { OfficeView, ServiceQueueView } from './views.js';

export const boardCommands = {
  'board:snapshot': z.strictObject({}),
};

export interface BoardCallView {
  ticketId: string;
  number: string;
  deskNumber: number;
  deskName: string;
  deskNameEn?: string;
  status: 'called' | 'serving';
  calledAt: number;
  recalls: number;
  /** A place taken from home (the board marks it, so the hall sees why a number it never saw printed is called). */
  remote?: true;
}

export interface BoardState {
  office: OfficeView;
  /** Tickets at desks now, newest call first. */
  calls: BoardCallView[];
  /** The last calls that already left the desks, newest first. */
  history: { number: string; deskNumber: number; at: number }[];
  waiting: ServiceQueueView[];
  /** How the hall hears calls (`board` in the office config); a board without it uses the kit in Russian. */
  voice?: { mode: BoardVoice; language: 'ru' | 'en' };
}

/** Sent the moment a desk calls, ahead of the next state, so the hall hears it at once. */
export interface BoardCall {
  ticketId: string;
  number: string;
  deskNumber: number;
  deskName: string;
  deskNameEn?: string;
  recall: boolean;
  at: number;
}

export interface BoardResults {
  'board:snapshot': { state: BoardState };
}

export type BoardClientEvents = CommandEvents<typeof boardCommands, BoardResults>;

export interface BoardServerEvents {
  'board:state': (state: BoardState) => void;
  'board:call': (call: BoardCall) => void;
}
