import { DeviceFilePrinterTransport } from './device-file-transport.js';
import { FilePrinterTransport } from './file-transport.js';
import type { PrinterTransport } from './printer-transport.js';
import { parsePrinterUri, type PrinterAddress } from './printer-uri.js';
import { SerialPrinterTransport } from './serial-transport.js';
import { TcpPrinterTransport } from './tcp-transport.js';

/**
 * The transport for a printer URI (see `parsePrinterUri`). Opens nothing yet: each write or
 * status call makes its own link. Throws `PrinterTransportError('invalid-uri')` for a bad URI.
 */
export function openPrinterTransport(uri: string | PrinterAddress): PrinterTransport {
  const address = typeof uri === 'string' ? parsePrinterUri(uri) : uri;
  switch (address.kind) {
    case 'tcp':
      return new TcpPrinterTransport(address);
    case 'serial':
      return new SerialPrinterTransport(address);
    case 'device':
      return new DeviceFilePrinterTransport(address);
    case 'file':
      return new FilePrinterTransport(address);
    default:
      return missingKind(address);
  }
}

function missingKind(address: never): never {
  throw new Error(`unhandled printer address: ${JSON.stringify(address)}`);
}
