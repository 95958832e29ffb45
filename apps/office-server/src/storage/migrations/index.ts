import { initial } from './0010-initial.js';
import { centralSync } from './0020-central-sync.js';
import { ratingPresses } from './0030-rating-presses.js';
import { eventsByType } from './0040-events-by-type.js';
import type { Migration } from './migration.js';

export type { Migration } from './migration.js';

export const MIGRATIONS: readonly Migration[] = [initial, centralSync, ratingPresses, eventsByType];
