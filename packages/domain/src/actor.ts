/** Who asked for a change: kept on every event for the audit trail. */
export type Actor =
  /**
   * `authority`: the person acted beyond an operator's own desk (cancelled a ticket at another
   * desk, closed someone else's desk) with the head's or the admin's rights; the audit trail says so.
   */
  | { kind: 'operator'; operatorId: string; authority?: 'head' | 'admin' }
  | { kind: 'kiosk'; deviceId: string }
  | { kind: 'admin'; operatorId: string }
  | { kind: 'device'; deviceId: string }
  | { kind: 'central' }
  | { kind: 'system' };
