import type { Decision } from '@talon/domain';
import type { Failure } from '@talon/protocol';

/** A refused queue command becomes an ack with the rule's own code. */
export function refusalOf(decision: Decision): Failure | undefined {
  return decision.ok ? undefined : { ok: false, code: decision.error.code, message: decision.error.message };
}
