import { initial } from './0010-initial.js';
import { centralSync } from './0020-central-sync.js';
import { ratingPresses } from './0030-rating-presses.js';
import { personalDataRetention } from './0040-personal-data-retention.js';
import { ratingPressEpochs } from './0070-rating-press-epochs.js';
import { quality } from './0080-quality.js';
import { waitTold } from './0110-wait-told.js';
import { deviceSeen } from './0130-device-seen.js';
import { qualityDays } from './0150-quality-days.js';
import { calledDesk } from './0170-called-desk.js';
import { daySchedules } from './0180-day-schedules.js';
import { remotePlaces } from './0190-remote-places.js';
import { bookingPhone } from './0200-booking-phone.js';
import { questionnaire } from './0210-questionnaire.js';
import type { Migration } from './migration.js';

export type { Migration } from './migration.js';

export const MIGRATIONS: readonly Migration[] = [initial, centralSync, ratingPresses, personalDataRetention, ratingPressEpochs, quality, waitTold, deviceSeen, qualityDays, calledDesk, daySchedules, remotePlaces, bookingPhone, questionnaire];
