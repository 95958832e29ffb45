/** What one write of a group commit came to: its value, or the error that refused it alone. */
export type GroupOutcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** Answers each waiting write from its own outcome; called only once the group's commit is durable. */
export function settleGroup<T>(waiting: readonly { resolve: (value: T) => void; reject: (error: unknown) => void }[], outcomes: readonly GroupOutcome<T>[]): void {
  waiting.forEach((w, i) => {
    const outcome = outcomes[i]!;
    if (outcome.ok) w.resolve(outcome.value);
    else w.reject(outcome.error);
  });
}
