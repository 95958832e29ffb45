import type { FinishRequirements } from './office-setup.js';
import type { Ticket } from './ticket.js';

/** What is still missing before a visit may be finished; empty when the desk may finish it. */
export type FinishGap = 'outcome' | 'document-check';

/**
 * The one rule the desk console shows and the server enforces: a service or a category that asks
 * for an outcome or a document check gets it before «Завершить». An outcome is owed only by a
 * service that has outcomes; a document check only by a visitor who came with a category and
 * whose check is still pending (a visitor found without the document was checked: that is a record).
 */
export function finishGaps(
  setup: {
    services: readonly { id: string; outcomes: readonly unknown[]; finishRequires?: FinishRequirements | undefined }[];
    categories: readonly { id: string; finishRequires?: FinishRequirements | undefined }[];
  },
  ticket: Pick<Ticket, 'serviceId' | 'categoryId' | 'categoryCheck'>,
  outcomeId: string | undefined,
): FinishGap[] {
  const service = setup.services.find((s) => s.id === ticket.serviceId);
  const category = ticket.categoryId === undefined ? undefined : setup.categories.find((c) => c.id === ticket.categoryId);
  const asks = (key: 'outcome' | 'documentCheck') => service?.finishRequires?.[key] === true || category?.finishRequires?.[key] === true;
  const gaps: FinishGap[] = [];
  if (asks('outcome') && (service?.outcomes.length ?? 0) > 0 && outcomeId === undefined) gaps.push('outcome');
  if (asks('documentCheck') && ticket.categoryId !== undefined && ticket.categoryCheck === 'pending') gaps.push('document-check');
  return gaps;
}
