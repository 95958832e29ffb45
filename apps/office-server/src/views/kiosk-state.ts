import type { QueueState } from '@talon/domain';
import type { KioskState } from '@talon/protocol';
import type { OfficeDirectory } from '../config/office-directory.js';
import type { WaitForecaster } from '../queue/wait-forecaster.js';
import { printerCanPrint, type DeviceHealth } from '../devices/device-health.js';
import { officeView } from './office-view.js';
import { serviceQueues } from './service-queues.js';
import { categoryViews, serviceGroupViews, serviceViews } from './service-view.js';

export type KioskCommonState = Omit<KioskState, 'kioskId' | 'printer'>;

/** What every kiosk shows alike; built once per push, whatever the number of kiosks. */
export function kioskCommonState(directory: OfficeDirectory, state: QueueState, now: number, waits: WaitForecaster): KioskCommonState {
  const services = serviceViews(directory);
  const queues = new Map(serviceQueues(directory, state, services.map((s) => s.id), now).map((q) => [q.serviceId, q]));
  return {
    office: officeView(directory, state, now),
    services: services.map((service) => {
      const told = waits.forNewcomer(service.id);
      return {
        ...service,
        waiting: queues.get(service.id)?.waiting ?? 0,
        estimatedWaitMin: told?.estimateMin ?? null,
        ...(told && { waitRange: { fromMin: told.fromMin, toMin: told.toMin } }),
      };
    }),
    groups: serviceGroupViews(directory),
    categories: categoryViews(directory),
  };
}

export function kioskState(
  directory: OfficeDirectory,
  state: QueueState,
  devices: DeviceHealth,
  kioskId: string,
  now: number,
  common: KioskCommonState,
): KioskState {
  const printer = directory.printersByKiosk.get(kioskId);
  const status = printer ? devices.printerStatus(printer.id) : 'unknown';
  return {
    kioskId,
    ...common,
    printer: { configured: printer !== undefined, status, paperTickets: printer !== undefined && printerCanPrint(status) },
  };
}
