// CRC-8 as the line protocol defines it: polynomial 0x07, initial value 0, no reflection,
// no final xor (often called CRC-8/SMBUS). The firmware computes the same bit by bit.
const POLYNOMIAL = 0x07;

export function crc8(data: string | Uint8Array): number {
  let crc = 0;
  const length = data.length;
  for (let i = 0; i < length; i++) {
    // A string here is always frame text, which the codec has already limited to ASCII.
    const byte = typeof data === 'string' ? data.charCodeAt(i) & 0xff : (data[i] ?? 0);
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) {
      crc = crc & 0x80 ? ((crc << 1) ^ POLYNOMIAL) & 0xff : (crc << 1) & 0xff;
    }
  }
  return crc;
}

/** Two upper-case hex digits, as a frame carries its CRC. */
export function crc8Hex(data: string | Uint8Array): string {
  return crc8(data).toString(16).toUpperCase().padStart(2, '0');
}
