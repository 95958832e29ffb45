import { readFileSync } from 'node:fs';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { AdminServerEvents } from './admin.js';
import type { BoardServerEvents } from './board.js';
import type { DashboardServerEvents } from './dashboard.js';
import { DEVICE_SERVER_EVENTS, type DeviceServerEvents } from './device.js';
import { ERROR_CODES } from './error-codes.js';
import type { KioskServerEvents } from './kiosk.js';
import { COMMANDS_BY_ROLE, NAMESPACES, type Role } from './namespaces.js';
import type { OperatorServerEvents } from './operator.js';
import { OFFICE_NAMESPACE, syncCommands, type OfficeSyncServerEvents } from './sync.js';

// docs/protocol.md is the map newcomers read; these checks keep it from falling behind the
// code: every command and server event of every namespace must be named in its own section.

const doc = readFileSync(new URL('../../../docs/protocol.md', import.meta.url), 'utf8');

/** The `## ` section whose heading names the namespace, e.g. "## `/kiosk` (device token...)". */
function section(namespace: string): string {
  const found = doc.split(/\n(?=## )/).filter((part) => part.startsWith('## ') && part.split('\n')[0]!.includes(`\`${namespace}\``));
  expect(found, `one section of docs/protocol.md headed with \`${namespace}\``).toHaveLength(1);
  return found[0]!;
}

/** Names the section does not mention in backticks. */
const missing = (text: string, names: readonly string[]) => names.filter((name) => !text.includes(`\`${name}\``));

// Server events are types only; these lists are checked against the types, so a new event
// breaks the build of this test until it is listed here, and then this test until it is documented.
const SERVER_EVENTS = {
  kiosk: ['kiosk:state', 'print:result'],
  operator: ['operator:state'],
  board: ['board:state', 'board:call'],
  dashboard: ['dashboard:state', 'dashboard:alert'],
  admin: ['config:changed'],
  device: DEVICE_SERVER_EVENTS,
} as const satisfies { [R in Role]: readonly string[] };
const OFFICE_SERVER_EVENTS = ['bookings:changed', 'remote:join', 'remote:arrive'] as const;

describe('docs/protocol.md', () => {
  it('lists every server event the types have', () => {
    expectTypeOf<(typeof SERVER_EVENTS.kiosk)[number]>().toEqualTypeOf<keyof KioskServerEvents>();
    expectTypeOf<(typeof SERVER_EVENTS.operator)[number]>().toEqualTypeOf<keyof OperatorServerEvents>();
    expectTypeOf<(typeof SERVER_EVENTS.board)[number]>().toEqualTypeOf<keyof BoardServerEvents>();
    expectTypeOf<(typeof SERVER_EVENTS.dashboard)[number]>().toEqualTypeOf<keyof DashboardServerEvents>();
    expectTypeOf<(typeof SERVER_EVENTS.admin)[number]>().toEqualTypeOf<keyof AdminServerEvents>();
    expectTypeOf<(typeof SERVER_EVENTS.device)[number]>().toEqualTypeOf<keyof DeviceServerEvents>();
    expectTypeOf<(typeof OFFICE_SERVER_EVENTS)[number]>().toEqualTypeOf<keyof OfficeSyncServerEvents>();
  });

  it.each(Object.keys(NAMESPACES) as Role[])("names every command and server event of the office's %s namespace", (role) => {
    const text = section(NAMESPACES[role]);
    expect(missing(text, Object.keys(COMMANDS_BY_ROLE[role])), 'commands').toEqual([]);
    expect(missing(text, SERVER_EVENTS[role]), 'server events').toEqual([]);
  });

  it("names every command and server event of the central service's /office namespace", () => {
    const text = section(OFFICE_NAMESPACE);
    expect(missing(text, Object.keys(syncCommands)), 'commands').toEqual([]);
    expect(missing(text, OFFICE_SERVER_EVENTS), 'server events').toEqual([]);
  });

  it('names every error code an ack may carry', () => {
    const text = doc.split(/\n(?=## )/).find((part) => part.startsWith('## Error codes'));
    expect(text, 'a section headed "Error codes"').toBeDefined();
    expect(missing(text!, ERROR_CODES)).toEqual([]);
  });
});
