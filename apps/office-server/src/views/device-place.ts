import type { DeviceHealthView } from '@talon/protocol';
import type { OfficeDirectory } from '../config/office-directory.js';

/**
 * Device health knows a printer and a rating button by their ids («printer-1», «desk-1»); the
 * head knows them by where they stand: the kiosk's name for a printer, the desk's for a button.
 */
export function devicePlace(device: Pick<DeviceHealthView, 'kind' | 'id' | 'name'>, directory: OfficeDirectory): string {
  switch (device.kind) {
    case 'rating-button':
      return directory.desks.get(device.id)?.name ?? device.name;
    case 'printer': {
      const printer = directory.config.printers.find((p) => p.id === device.id);
      return (printer && directory.devices.get(printer.kioskId)?.name) ?? device.name;
    }
    case 'kiosk':
    case 'board':
    case 'agent':
      return device.name;
  }
}
