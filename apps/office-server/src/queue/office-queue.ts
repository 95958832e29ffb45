import {
  applyAll,
  decide,
  fromSnapshot,
  toSnapshot,
  createQueueState,
  replaceSetup as replaceQueueSetup,
  type Actor,
  type Decision,
  type OfficeSetup,
  type QueueCommand,
  type QueueEvent,
  type QueueState,
} from '@talon/domain';
import type { Logger } from 'pino';
import type { Clock } from '../clock.js';
import { newId } from '../ids.js';
import type { EventStore, StoredEvent } from '../storage/event-store.js';

export interface OfficeQueueOptions {
  store: EventStore;
  setup: OfficeSetup;
  clock: Clock;
  logger: Logger;
  /** A snapshot every this many events keeps restarts fast however long the history grows. */
  snapshotEvery?: number;
}

export type CommittedListener = (events: StoredEvent[]) => void;

interface PendingCommand {
  command: QueueCommand;
  actor: Actor;
  resolve: (decision: Decision) => void;
  reject: (error: Error) => void;
}

/**
 * The office's single writer. Commands that arrive in the same tick are decided in order and
 * committed in one durable transaction (group commit): every ack still waits for its fsync, but a
 * busy office pays one fsync per batch, not per command.
 */
export function createOfficeQueue(options: OfficeQueueOptions) {
  const { store, clock, logger } = options;
  const snapshotEvery = options.snapshotEvery ?? 500;
  let state = restore(store, options.setup, clock.now());
  let pending: PendingCommand[] = [];
  let flushScheduled = false;
  let eventsSinceSnapshot = 0;
  const listeners = new Set<CommittedListener>();

  function flush(): void {
    flushScheduled = false;
    const batch = pending;
    pending = [];
    let working = state;
    const decisions: (Decision | Error)[] = [];
    const toStore: { id: string; event: QueueEvent }[] = [];
    for (const item of batch) {
      try {
        const decision = decide(working, { command: item.command, actor: item.actor, now: clock.now() });
        if (decision.ok) {
          working = applyAll(working, decision.events);
          for (const event of decision.events) toStore.push({ id: newId('e'), event });
        }
        decisions.push(decision);
      } catch (error) {
        logger.error({ err: error, command: item.command.type }, 'queue rules threw; command refused');
        decisions.push(error instanceof Error ? error : new Error(String(error)));
      }
    }

    let stored: StoredEvent[] = [];
    if (toStore.length > 0) {
      const takeSnapshot = eventsSinceSnapshot + toStore.length >= snapshotEvery;
      const committedState = working;
      try {
        stored = store.commit(toStore, takeSnapshot ? () => toSnapshot(committedState) : undefined);
      } catch (error) {
        logger.error({ err: error }, 'could not commit queue events; batch refused');
        const failure = error instanceof Error ? error : new Error(String(error));
        batch.forEach((item) => item.reject(failure));
        return;
      }
      eventsSinceSnapshot = takeSnapshot ? 0 : eventsSinceSnapshot + toStore.length;
      state = committedState;
    }

    batch.forEach((item, index) => {
      const decision = decisions[index];
      if (decision instanceof Error) item.reject(decision);
      else if (decision) item.resolve(decision);
    });
    if (stored.length > 0) {
      for (const listener of listeners) {
        try {
          listener(stored);
        } catch (error) {
          logger.error({ err: error }, 'a queue listener failed');
        }
      }
    }
  }

  return {
    get state(): QueueState {
      return state;
    },
    /** Resolves after the events are on disk; a refusal resolves with `ok: false`. */
    execute(command: QueueCommand, actor: Actor): Promise<Decision> {
      return new Promise<Decision>((resolve, reject) => {
        pending.push({ command, actor, resolve, reject });
        if (!flushScheduled) {
          flushScheduled = true;
          setImmediate(flush);
        }
      });
    },
    onCommitted(listener: CommittedListener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Live config changes from the admin screen. */
    replaceSetup(setup: OfficeSetup): void {
      state = replaceQueueSetup(state, setup);
    },
  };
}

export type OfficeQueue = ReturnType<typeof createOfficeQueue>;

function restore(store: EventStore, setup: OfficeSetup, now: number): QueueState {
  const { snapshot, events } = store.loadHistory();
  const base = snapshot ? fromSnapshot(snapshot.state, setup) : createQueueState(setup, now);
  return applyAll(base, events.map((stored) => stored.event));
}
