import { describe, expect, it } from 'vitest';
import type { QueueCommand } from './commands.js';
import type { OfficeSetup } from './office-setup.js';
import { finishGaps } from './finish-requirements.js';
import { TUESDAY_10_00, testOffice } from './testing/office-fixture.js';
import { queueDriver } from './testing/queue-driver.js';

/** An office where payments asks for an outcome and the disabled category for its document check. */
const strict = (edit: (setup: OfficeSetup) => void = () => {}) =>
  testOffice((setup) => {
    setup.services[0]!.finishRequires = { outcome: true };
    setup.categories[0]!.finishRequires = { documentCheck: true };
    edit(setup);
  });

const serving = (setup: OfficeSetup, serviceId: string, categoryId?: string) => {
  const q = queueDriver(setup, TUESDAY_10_00);
  q.must({ type: 'desk.open', deskId: 'd1', operatorId: 'op1' });
  q.issue(serviceId, categoryId ? { categoryId } : {});
  q.must({ type: 'ticket.call-next', deskId: 'd1' });
  q.must({ type: 'ticket.start', deskId: 'd1' });
  return q;
};
const finishCode = (q: ReturnType<typeof serving>, command: Partial<Extract<QueueCommand, { type: 'ticket.finish' }>> = {}) => {
  const d = q.run({ type: 'ticket.finish', deskId: 'd1', ...command });
  return d.ok ? 'ok' : d.error.code;
};

describe('what a desk must record before finishing', () => {
  it.each<[string, string, string | undefined, string | undefined, string[]]>([
    ['nothing asked of a plain meters visit', 'meters', undefined, undefined, []],
    ['an outcome asked by the service', 'payments', undefined, undefined, ['outcome']],
    ['the outcome given', 'payments', undefined, 'paid', []],
    ['the document asked by the category, pending', 'meters', 'disabled', undefined, ['document-check']],
    ['a category that asks nothing', 'meters', 'svo', undefined, []],
    ['both missing', 'payments', 'disabled', undefined, ['outcome', 'document-check']],
  ])('%s', (_label, serviceId, categoryId, outcomeId, expected) => {
    const ticket = { serviceId, ...(categoryId && { categoryId, categoryCheck: 'pending' as const }) };
    expect(finishGaps(strict(), ticket, outcomeId)).toEqual(expected);
  });

  it('never owes an outcome for a service that has none to choose from', () => {
    const setup = strict((s) => (s.services[1]!.finishRequires = { outcome: true }));
    expect(finishGaps(setup, { serviceId: 'contracts' }, undefined)).toEqual([]);
  });

  it('owes a document check when the service asks it of any priority visitor', () => {
    const setup = strict((s) => (s.services[2]!.finishRequires = { documentCheck: true }));
    expect(finishGaps(setup, { serviceId: 'meters', categoryId: 'svo', categoryCheck: 'pending' }, undefined)).toEqual(['document-check']);
    expect(finishGaps(setup, { serviceId: 'meters' }, undefined)).toEqual([]);
  });
});

describe('the server side of the rule (decide)', () => {
  it('refuses to finish without the outcome, then finishes with it', () => {
    const q = serving(strict(), 'payments');
    expect(finishCode(q)).toBe('outcome-required');
    expect(finishCode(q, { outcomeId: 'paid' })).toBe('ok');
  });

  it('refuses to finish a priority visitor before the document check, either answer then does', () => {
    for (const documentSeen of [true, false]) {
      const q = serving(strict(), 'meters', 'disabled');
      expect(finishCode(q)).toBe('document-check-required');
      q.must({ type: 'ticket.confirm-category', deskId: 'd1', documentSeen });
      expect(finishCode(q)).toBe('ok');
    }
  });

  it('keeps the old freedom in an office that asks nothing', () => {
    const q = serving(testOffice(), 'payments', 'disabled');
    expect(finishCode(q)).toBe('ok');
  });
});
