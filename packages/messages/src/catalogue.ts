import { commonEn, commonRu } from './catalogue/common.js';
import { kioskEn, kioskRu } from './catalogue/kiosk.js';
import { operatorEn, operatorRu } from './catalogue/operator.js';
import { boardEn, boardRu } from './catalogue/board.js';
import { dashboardEn, dashboardRu } from './catalogue/dashboard.js';
import { adminEn, adminRu } from './catalogue/admin.js';
import { bookingEn, bookingRu } from './catalogue/booking.js';
import { desktopEn, desktopRu } from './catalogue/desktop.js';
import { refusalsEn, refusalsRu } from './catalogue/refusals.js';
import { qualityEn, qualityRu } from './catalogue/quality.js';
import { phoneEn, phoneRu } from './catalogue/phone.js';
import { planEn, planRu } from './catalogue/plan.js';
import { remoteEn, remoteRu } from './catalogue/remote.js';

/**
 * Every piece of UI text Talon shows or says, Russian first, one file per screen so each screen's
 * texts sit together. English must have every key Russian has: the types make a missing
 * translation a build error.
 */
export const ru = {
  ...commonRu,
  ...kioskRu,
  ...operatorRu,
  ...boardRu,
  ...dashboardRu,
  ...adminRu,
  ...bookingRu,
  ...desktopRu,
  ...refusalsRu,
  ...qualityRu,
  ...phoneRu,
  ...planRu,
  ...remoteRu,
} as const;

export type MessageKey = keyof typeof ru;

export const en: Record<MessageKey, string> = {
  ...commonEn,
  ...kioskEn,
  ...operatorEn,
  ...boardEn,
  ...dashboardEn,
  ...adminEn,
  ...bookingEn,
  ...desktopEn,
  ...refusalsEn,
  ...qualityEn,
  ...phoneEn,
  ...planEn,
  ...remoteEn,
};
