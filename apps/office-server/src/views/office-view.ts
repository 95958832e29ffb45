import { issuingWindow, type QueueState } from '@talon/domain';
import type { OfficeView } from '@talon/protocol';
import type { OfficeDirectory } from '../config/office-directory.js';

export function officeView(directory: OfficeDirectory, state: QueueState, now: number): OfficeView {
  const window = issuingWindow(state.setup.schedule, now);
  return {
    officeId: directory.config.office.id,
    name: directory.config.office.name,
    ...(directory.config.office.nameEn && { nameEn: directory.config.office.nameEn }),
    timeZone: directory.config.office.timeZone,
    alwaysOpen: directory.config.office.alwaysOpen,
    issuing: {
      open: window.open,
      ...(window.opensAt !== undefined && { opensAt: window.opensAt }),
      ...(window.closesAt !== undefined && { closesAt: window.closesAt }),
    },
    serverTime: now,
  };
}
