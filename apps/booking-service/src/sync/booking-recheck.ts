/**
 * The safety net under nudges. A booking made on another node reaches this node's offices as a
 * message through Redis, and Redis may drop it: down, restarted with nothing kept, or a node's
 * stream reader starting again from "now" after a restart. An office must not wait for its next
 * reconnect to learn of a booking, so each node remembers, per office linked to it, the booking
 * version the office has been told (hello) or has taken (pull), and every so often asks the store
 * for all of their versions in one query and nudges the offices that are behind.
 *
 * Bounded: one entry per office linked to this node (offices are authenticated by key, so the
 * table cannot grow past the configured offices), removed when the link goes.
 */
export interface BookingRecheck {
  /** The office now knows of changes up to `version` (hello answered, or a pull's last change). */
  known(officeId: string, version: number): void;
  /** The office's link to this node is gone. */
  unlinked(officeId: string): void;
  /** Nudges every linked office whose bookings moved past what it knows; answers how many. */
  check(): Promise<number>;
  /** Offices tracked now (for tests and /healthz-style figures). */
  size(): number;
}

/** Offices asked about per query: a few thousand ids keep one statement small. */
const OFFICES_PER_QUERY = 1000;

export function createBookingRecheck(deps: {
  versions: (officeIds: string[]) => Promise<Map<string, number>>;
  nudge: (officeId: string, version: number) => void;
}): BookingRecheck {
  const knownVersion = new Map<string, number>();
  let checking: Promise<number> | undefined;

  async function checkOnce(): Promise<number> {
    const ids = [...knownVersion.keys()];
    let nudged = 0;
    for (let i = 0; i < ids.length; i += OFFICES_PER_QUERY) {
      const versions = await deps.versions(ids.slice(i, i + OFFICES_PER_QUERY));
      for (const [officeId, version] of versions) {
        const known = knownVersion.get(officeId);
        // Unlinked while the query ran, or already up to date: nothing to say.
        if (known === undefined || version <= known) continue;
        deps.nudge(officeId, version);
        nudged += 1;
      }
    }
    return nudged;
  }

  return {
    known(officeId, version) {
      knownVersion.set(officeId, version);
    },
    unlinked(officeId) {
      knownVersion.delete(officeId);
    },
    check() {
      // One check at a time: a slow store must not stack them up behind each other.
      checking ??= checkOnce().finally(() => {
        checking = undefined;
      });
      return checking;
    },
    size: () => knownVersion.size,
  };
}
