import { createQueueState, type DeskStatus, type QueueState } from '@talon/domain';
import { describe, expect, it } from 'vitest';
import { createOfficeDirectory } from '../config/office-directory.js';
import { officeSetupFromConfig } from '../config/office-setup-from-config.js';
import { demoConfig } from '../testing/test-office.js';
import { serviceQueues } from './service-queues.js';

const NOW = Date.UTC(2026, 10, 24, 9, 0);
const config = demoConfig();
const directory = createOfficeDirectory(config);

/** The demo office with its desks in the given states; desk-1 payments+meters, desk-2 payments+meters+contracts, desk-3 contracts+recalculation+payments, desk-4 business+contracts. */
function officeWith(statuses: Record<string, DeskStatus>): QueueState {
  const state = createQueueState(officeSetupFromConfig(config), NOW);
  const desks = new Map([...state.desks].map(([id, desk]) => [id, { ...desk, status: statuses[id] ?? 'closed' }]));
  return { ...state, desks };
}

describe('desks serving each service', () => {
  it.each<[string, Record<string, DeskStatus>, Record<string, number>]>([
    ['every desk closed', {}, { payments: 0, contracts: 0, meters: 0, recalculation: 0, business: 0 }],
    ['desks 1 and 3 open', { 'desk-1': 'open', 'desk-3': 'open' }, { payments: 2, contracts: 1, meters: 1, recalculation: 1, business: 0 }],
    // A desk on a break serves no one until it is back.
    ['desk 4 at lunch, desk 2 open', { 'desk-2': 'open', 'desk-4': 'paused' }, { payments: 1, contracts: 1, meters: 1, recalculation: 0, business: 0 }],
    ['all four open', { 'desk-1': 'open', 'desk-2': 'open', 'desk-3': 'open', 'desk-4': 'open' }, { payments: 3, contracts: 3, meters: 2, recalculation: 1, business: 1 }],
  ])('%s', (_label, statuses, expected) => {
    const queues = serviceQueues(directory, officeWith(statuses), config.services.map((s) => s.id), NOW);
    expect(Object.fromEntries(queues.map((q) => [q.serviceId, q.desksServing]))).toEqual(expected);
  });
});
