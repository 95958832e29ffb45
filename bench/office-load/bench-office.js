// The simulated office: 20 desks with one operator each, 20 kiosks, 5 boards, all tokens known.
import { createHash, scryptSync } from 'node:crypto';
import { readFileSync } from 'node:fs';

const tokenHash = (token) => `sha256$${createHash('sha256').update(token).digest('hex')}`;

export const DESKS = 20;
export const KIOSKS = 20;
export const BOARDS = 5;
export const PASSWORD = 'bench';

export function benchOfficeConfig(demoConfigFile) {
  const demo = JSON.parse(readFileSync(demoConfigFile, 'utf8'));
  const salt = Buffer.from('talon-bench-salt');
  const passwordHash = `scrypt$16384$8$1$${salt.toString('base64')}$${scryptSync(PASSWORD, salt, 32, { N: 16384, r: 8, p: 1 }).toString('base64')}`;
  const serviceIds = demo.services.map((s) => s.id);
  return {
    ...demo,
    office: { ...demo.office, id: 'bench-office', alwaysOpen: true },
    // Every simulated screen connects from 127.0.0.1; a real office's screens each have an address.
    limits: { ...demo.limits, maxConnectionsPerAddress: 1000, socketSessionsPerAddress: 1000, connectAttemptsPerAddress: 10_000 },
    desks: Array.from({ length: DESKS }, (_, i) => ({
      id: `desk-${i + 1}`,
      number: i + 1,
      name: `Окно ${i + 1}`,
      // Every desk serves everything, so no desk starves and every call finds a ticket when one waits.
      services: serviceIds,
      servicePolicy: 'weighted',
    })),
    operators: Array.from({ length: DESKS }, (_, i) => ({
      id: `op-${i + 1}`,
      name: `Оператор ${i + 1}`,
      login: `op${i + 1}`,
      passwordHash,
      roles: ['operator'],
    })),
    breaks: [],
    devices: [
      ...Array.from({ length: KIOSKS }, (_, i) => ({ id: `kiosk-${i + 1}`, name: `Киоск ${i + 1}`, role: 'kiosk', tokenHash: tokenHash(`bench-kiosk-${i + 1}`) })),
      ...Array.from({ length: BOARDS }, (_, i) => ({ id: `board-${i + 1}`, name: `Табло ${i + 1}`, role: 'board', tokenHash: tokenHash(`bench-board-${i + 1}`) })),
    ],
    printers: [],
    ratingButtons: [],
  };
}
