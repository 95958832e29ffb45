import type { DeviceHealthView } from '@talon/protocol';
import type { OfficeDatabase } from '../storage/open-database.js';

type Kind = DeviceHealthView['kind'];

/** The last time each device was heard, kept in the office database across restarts. */
export interface DeviceSeenStore {
  /** Every device ever seen, `kind:id` -> last seen instant. */
  load(): Map<string, number>;
  save(kind: Kind, id: string, at: number): void;
}

export function createDeviceSeenStore(db: OfficeDatabase): DeviceSeenStore {
  const all = db.prepare(`SELECT kind, id, last_seen_at AS at FROM device_seen`);
  const upsert = db.prepare(`INSERT INTO device_seen (kind, id, last_seen_at) VALUES (?, ?, ?)
    ON CONFLICT (kind, id) DO UPDATE SET last_seen_at = MAX(last_seen_at, excluded.last_seen_at)`);
  return {
    load: () => new Map((all.all() as { kind: string; id: string; at: number }[]).map((row) => [`${row.kind}:${row.id}`, row.at])),
    save: (kind, id, at) => {
      // The last sockets drop as the server shuts down, after the database may have closed.
      if (db.open) upsert.run(kind, id, at);
    },
  };
}
