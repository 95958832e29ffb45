import { initial } from './0010-initial.js';
import { officeSeq } from './0020-office-seq.js';
import { phoneNudges } from './0030-phone-nudges.js';
import { quality } from './0040-quality.js';
import { accountKeyIndex } from './0045-account-key-index.js';
import { questionnaire } from './0050-questionnaire.js';
import { remoteJoins } from './0060-remote-joins.js';
import { reportDays } from './0070-report-days.js';
import { lowRatingsIndex } from './0080-low-ratings-index.js';
import { questionnaireSyncIndexes } from './0085-questionnaire-sync-indexes.js';
import { bookingCodeIndex } from './0100-booking-code-index.js';
import type { CentralMigration } from './central-migration.js';

export const CENTRAL_MIGRATIONS: readonly CentralMigration[] = [
  initial, officeSeq, phoneNudges, quality, accountKeyIndex, questionnaire, remoteJoins, reportDays, lowRatingsIndex, questionnaireSyncIndexes, bookingCodeIndex,
];
