import type { DeviceHealthView } from '@talon/protocol';
import type { OfficeDirectory } from '../config/office-directory.js';

/**
 * Device health knows a printer and a rating button by their ids («printer-1», «desk-1»); the
 * head knows them by where they stand: the kiosk's name for a printer, the desk's for a button.
 */
export function devicePlace(device: Pick<DeviceHealthView, 'kind' | 'id' | 'name'>, directory: OfficeDirectory): { name: string; nameEn?: string } {
  switch (device.kind) {
    case 'rating-button': {
      const desk = directory.desks.get(device.id);
      if (!desk) return { name: device.name };
      return { name: desk.name, ...(desk.nameEn && { nameEn: desk.nameEn }) };
    }
    case 'printer': {
      const printer = directory.config.printers.find((p) => p.id === device.id);
      return { name: (printer && directory.devices.get(printer.kioskId)?.name) ?? device.name };
    }
    case 'kiosk':
    case 'board':
    case 'agent':
      return { name: device.name };
  }
}
