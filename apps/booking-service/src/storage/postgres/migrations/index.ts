import type { Migration } from 'kysely';
import { initial } from './0010-initial.js';
import { phoneNudges } from './0030-phone-nudges.js';
import { quality } from './0040-quality.js';
import { accountKeyIndex } from './0045-account-key-index.js';
import { questionnaire } from './0050-questionnaire.js';
import { remoteJoins } from './0060-remote-joins.js';
import { reportCoveringIndexes } from './0065-report-covering-indexes.js';
import { reportDays } from './0070-report-days.js';
import { lowRatingsIndex } from './0080-low-ratings-index.js';
import { questionnaireSyncIndexes } from './0085-questionnaire-sync-indexes.js';
import { bookingCodeIndex } from './0100-booking-code-index.js';

/**
 * Named so they sort in order; Kysely's migrator refuses to run a database that holds a step this
 * list does not know (a newer service migrated it), and runs new ones under an advisory lock so two
 * nodes starting at once do not both migrate.
 */
export const POSTGRES_CENTRAL_MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0010-initial': initial,
  '0030-phone-nudges': phoneNudges,
  '0040-quality': quality,
  '0045-account-key-index': accountKeyIndex,
  '0050-questionnaire': questionnaire,
  '0060-remote-joins': remoteJoins,
  '0065-report-covering-indexes': reportCoveringIndexes,
  '0070-report-days': reportDays,
  '0080-low-ratings-index': lowRatingsIndex,
  '0085-questionnaire-sync-indexes': questionnaireSyncIndexes,
  '0100-booking-code-index': bookingCodeIndex,
};
