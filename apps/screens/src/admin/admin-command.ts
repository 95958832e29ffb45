import type { Ack } from '@talon/protocol';
import type { NoAnswer } from '../shared/connection.js';

/** Sends one admin command; sections get it as a prop so they never hold the socket themselves. */
export type AdminCommand = <T extends object>(event: string, payload: object) => Promise<Ack<T> | NoAnswer>;
