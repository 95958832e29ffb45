/** Who asked for a change: kept on every event for the audit trail. */
export type Actor =
  | { kind: 'operator'; operatorId: string }
  | { kind: 'kiosk'; deviceId: string }
  | { kind: 'admin'; operatorId: string }
  | { kind: 'device'; deviceId: string }
  | { kind: 'central' }
  | { kind: 'system' };
