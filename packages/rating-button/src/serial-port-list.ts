import { SerialPort } from 'serialport';

export interface SerialPortInfo {
  path: string;
  manufacturer?: string;
  serialNumber?: string;
  pnpId?: string;
  vendorId?: string;
  productId?: string;
}

export interface SerialPortListing {
  ports: SerialPortInfo[];
  /** Set when the list could not be read; `ports` is then empty. */
  reason?: string;
}

/**
 * What the system reports as serial ports, for an admin screen that helps pick a path. Only a
 * hint: on Linux it needs udevadm and never lists ptys, so the driver always takes an explicit
 * path from config. Never throws.
 */
export async function listSerialPorts(list: () => Promise<SerialPortInfo[]> = () => SerialPort.list()): Promise<SerialPortListing> {
  try {
    const ports = await list();
    return {
      ports: ports.map((port) => {
        const info: SerialPortInfo = { path: port.path };
        for (const key of ['manufacturer', 'serialNumber', 'pnpId', 'vendorId', 'productId'] as const) {
          const value = port[key];
          if (typeof value === 'string' && value.length > 0) info[key] = value;
        }
        return info;
      }),
    };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    const message = error instanceof Error ? error.message : String(error);
    const reason = code === 'ENOENT' ? `cannot list serial ports: udevadm is not installed (${message})` : `cannot list serial ports: ${message}`;
    return { ports: [], reason };
  }
}
