import type { OfficeConfig } from '@talon/protocol';

/** Config entries by id, rebuilt whenever the config changes. */
export function createOfficeDirectory(config: OfficeConfig) {
  const byId = <T extends { id: string }>(items: T[]) => new Map(items.map((item) => [item.id, item]));
  return {
    config,
    services: byId(config.services),
    desks: byId(config.desks),
    operators: byId(config.operators),
    operatorsByLogin: new Map(config.operators.map((o) => [o.login, o])),
    categories: byId(config.categories),
    devices: byId(config.devices),
    printersByKiosk: new Map(config.printers.map((p) => [p.kioskId, p])),
    buttonsByDesk: new Map(config.ratingButtons.map((b) => [b.deskId, b])),
  };
}

export type OfficeDirectory = ReturnType<typeof createOfficeDirectory>;
