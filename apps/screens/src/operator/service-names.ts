import type { Language } from '@talon/messages';
import type { ServiceView } from '@talon/protocol';

/** The service's name in the screen's language; tickets carry only the Russian one. */
export function serviceNamer(services: readonly ServiceView[], language: Language): (serviceId: string, fallback?: string) => string {
  const byId = new Map(services.map((s) => [s.id, s]));
  return (serviceId, fallback) => {
    const service = byId.get(serviceId);
    if (!service) return fallback ?? serviceId;
    return language === 'en' && service.nameEn ? service.nameEn : service.name;
  };
}
