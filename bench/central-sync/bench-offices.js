// The simulated offices' ids and keys, shared by the central process and the offices' side.
import { createHash } from 'node:crypto';

export const officeId = (i) => `bench-office-${String(i + 1).padStart(4, '0')}`;
export const keyOf = (i) => `bench-key-${officeId(i)}-0123456789`;
export const officeEntries = (count) =>
  Array.from({ length: count }, (_, i) => ({ id: officeId(i), keyHash: `sha256$${createHash('sha256').update(keyOf(i)).digest('hex')}` }));
