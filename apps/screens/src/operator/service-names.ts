import { nameIn, type Language } from '@talon/messages';
import type { ServiceView } from '@talon/protocol';

/** The service's name in the screen's language, from the config's services (a ticket's own name as the fallback). */
export function serviceNamer(services: readonly ServiceView[], language: Language): (serviceId: string, fallback?: string) => string {
  const byId = new Map(services.map((s) => [s.id, s]));
  return (serviceId, fallback) => {
    const service = byId.get(serviceId);
    return service ? nameIn(service, language) : (fallback ?? serviceId);
  };
}
