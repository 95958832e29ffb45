import type { QualityName, QualityViewContext } from '@talon/protocol';

type Language = 'ru' | 'en';

function nameIn(name: QualityName | undefined, language: Language, id: string): string {
  if (!name) return id;
  return language === 'en' && name.nameEn ? name.nameEn : name.name;
}

/**
 * Names for the ids in a report, from the config as it is now. An id the config no longer has
 * (a service removed since) shows as itself rather than vanishing from the numbers.
 */
export function qualityNames(context: QualityViewContext, language: Language) {
  return {
    service: (id: string) => nameIn(context.services[id], language, id),
    outcome: (id: string) => nameIn(context.outcomes[id], language, id),
    operator: (id: string) => context.operators[id] ?? id,
    deskNumber: (id: string) => context.desks[id],
  };
}

export type QualityNames = ReturnType<typeof qualityNames>;
