import { nameIn, type Language } from '@talon/messages';
import type { QualityName, QualityViewContext } from '@talon/protocol';

function nameOrId(name: QualityName | undefined, language: Language, id: string): string {
  return name ? nameIn(name, language) : id;
}

/**
 * Names for the ids in a report, from the config as it is now. An id the config no longer has
 * (a service removed since) shows as itself rather than vanishing from the numbers.
 */
export function qualityNames(context: QualityViewContext, language: Language) {
  return {
    service: (id: string) => nameOrId(context.services[id], language, id),
    outcome: (id: string) => nameOrId(context.outcomes[id], language, id),
    operator: (id: string) => context.operators[id] ?? id,
    deskNumber: (id: string) => context.desks[id],
  };
}

export type QualityNames = ReturnType<typeof qualityNames>;
