// One office's link to central as the office server keeps it: an outbox of events with
// increasing seqs, pushed in order and dropped only when central acks them durably; on every
// (re)connect a hello, then whatever is still unacked. A lost ack or a dead node therefore delays
// an event, never loses it, and a copy sent twice is central's to drop.
import { performance } from 'node:perf_hooks';
import { io } from 'socket.io-client';
import { keyOf, officeId } from './bench-offices.js';

const SUMMARY = {
  name: 'ЦОК (бенчмарк)',
  timeZone: 'Europe/Moscow',
  hours: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, { open: '08:00', close: '20:00' }])),
  holidays: [],
  breaks: [],
  rules: { waitingStandardMinutes: 15, bookingCheckInEarlyMinutes: 15, bookingLateGraceMinutes: 10 },
  services: [{ id: 'payments', name: 'Оплата', bookable: true, slotMinutes: 15, capacityPerSlot: 2 }],
};

const PUSH_BATCH = 50;

export class SimulatedOffice {
  /** Unacked events, oldest first: { message, madeAt } */
  outbox = [];
  made = 0;
  acked = 0;
  linked = false;
  /** performance.now() of the last time this office became linked (hello answered). */
  linkedAt = 0;
  pushing = false;
  /** Pushes answered `unavailable` in a row (the backoff's exponent). */
  refusals = 0;
  /** performance.now() of the last time the link dropped; 0 if it never did. */
  droppedAt = 0;

  constructor(index, url, onAcked) {
    this.index = index;
    this.id = officeId(index);
    this.onAcked = onAcked;
    this.socket = io(`${url}/office`, {
      auth: { officeId: this.id, key: keyOf(index) },
      transports: ['websocket'],
      forceNew: true,
      reconnectionDelay: 500,
      reconnectionDelayMax: 5_000,
      randomizationFactor: 0.5,
      timeout: 20_000,
    });
    this.socket.on('connect', () => void this.hello());
    this.socket.on('disconnect', () => {
      this.linked = false;
      this.droppedAt = performance.now();
    });
  }

  async hello() {
    const answer = await this.socket.timeout(20_000).emitWithAck('office:hello', { summary: SUMMARY }).catch(() => ({ ok: false }));
    if (!answer.ok) {
      // Central refused or timed out: drop the link and let the client reconnect.
      if (this.socket.connected) this.socket.disconnect().connect();
      return;
    }
    this.linked = true;
    this.linkedAt = performance.now();
    this.refusals = 0;
    void this.push();
  }

  /** An event committed at the office: into the outbox, and pushed when the link allows. */
  make() {
    this.made += 1;
    const seq = this.made;
    const at = Date.now();
    this.outbox.push({
      madeAt: performance.now(),
      message: {
        eventId: `e_${this.index}_${seq}`,
        officeId: this.id,
        seq,
        event: {
          type: 'ticket.issued',
          at,
          actor: { kind: 'kiosk', deviceId: 'k1' },
          ticket: { id: `t_${this.index}_${seq}`, number: `A${String(seq % 1000).padStart(3, '0')}`, serviceId: 'payments', officeDay: '2026-11-24', kind: 'walk-in', issuedAt: at, queuedAt: at, status: 'waiting', recalls: 0 },
        },
      },
    });
    void this.push();
  }

  async push() {
    if (this.pushing || !this.linked) return;
    this.pushing = true;
    try {
      while (this.linked && this.outbox.length > 0) {
        const batch = this.outbox.slice(0, PUSH_BATCH);
        const answer = await this.socket
          .timeout(15_000)
          .emitWithAck('events:push', { messages: batch.map((e) => e.message) })
          .catch(() => ({ ok: false }));
        if (!answer.ok && answer.code === 'unavailable') {
          // Shed at central's door (or its database away): back off as the office server does
          // (sync-client.ts: 2 s doubled up to 30 s, +-50 % jitter); the outbox keeps everything.
          this.refusals += 1;
          await new Promise((r) => setTimeout(r, Math.min(30_000, 2_000 * 2 ** (this.refusals - 1)) * (0.5 + Math.random())));
          continue;
        }
        if (!answer.ok) {
          // The link died mid-push or the ack timed out: the outbox keeps everything; retry shortly.
          await new Promise((r) => setTimeout(r, 500));
          continue;
        }
        this.refusals = 0;
        const acked = new Set(answer.acked);
        const now = performance.now();
        const kept = [];
        for (const entry of this.outbox) {
          if (acked.has(entry.message.eventId)) {
            this.acked += 1;
            this.onAcked(now - entry.madeAt, entry.madeAt);
          } else kept.push(entry);
        }
        this.outbox = kept;
        if (acked.size === 0) await new Promise((r) => setTimeout(r, 500));
      }
    } finally {
      this.pushing = false;
    }
  }

  close() {
    this.socket.disconnect();
  }
}
