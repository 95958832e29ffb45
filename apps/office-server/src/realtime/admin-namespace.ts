import { adminCommands, checkOfficeConfig, type AdminResults, type OfficeConfig } from '@talon/protocol';
import type { Namespace, Socket } from 'socket.io';
import { hashDeviceToken, newDeviceToken } from '../auth/device-token.js';
import { hashPassword } from '@talon/server-edge';
import type { BookingDesk } from '../bookings/booking-desk.js';
import { passwordProblem, PASSWORD_RULE } from '../auth/password-policy.js';
import { printerFileProblems } from '../config/printer-files.js';
import type { ConfigChange, OfficeContext } from '../office-context.js';
import { fail, routeCommands, type CommandHandlers } from './command-router.js';
import { identityOf, requireOperator } from './handshake.js';
import { permittedHandlers } from './permitted-handlers.js';
import { authorise } from '../auth/permissions.js';
import type { RealtimeOptions } from './realtime-options.js';

export function setUpAdminNamespace(
  namespace: Namespace,
  context: OfficeContext,
  options: RealtimeOptions,
  bookings: BookingDesk,
): void {
  requireOperator(namespace, context, '/admin');
  namespace.on('connection', (socket: Socket) => {
    const admin = identityOf(socket).operator!;
    const actor = { kind: 'admin' as const, operatorId: admin.id };
    // Every admin screen hears of a change, so a second screen never edits a stale copy unawares.
    const apply = (config: OfficeConfig, change: ConfigChange = {}) => {
      context.applyConfig(config, change);
      namespace.emit('config:changed', { config, changedBy: admin.name, origin: socket.id });
    };
    const change = (edit: (config: OfficeConfig) => OfficeConfig, how: ConfigChange = {}): OfficeConfig | undefined => {
      const check = checkOfficeConfig(edit(structuredClone(context.directory.config)));
      if (!check.ok || printerFileProblems(check.config, context.printerFileFolder).length > 0) return undefined;
      apply(check.config, how);
      return check.config;
    };

    // Every command here is the table's "admin config" row, asked with the roles as they are now.
    const handlers: CommandHandlers<typeof adminCommands, AdminResults> = permittedHandlers({
      'config:get': () => ({ ok: true, config: context.directory.config }),
      'config:update': ({ config }) => {
        const check = checkOfficeConfig(config);
        if (!check.ok) return { ...fail('invalid-config', check.problems.slice(0, 20).join('\n')), details: { configIssues: check.issues.slice(0, 20) } };
        const printerFiles = printerFileProblems(check.config, context.printerFileFolder);
        if (printerFiles.length > 0)
          return { ...fail('invalid-config', printerFiles.map((p) => p.text).join('\n')), details: { configIssues: printerFiles.map((p) => p.issue) } };
        apply(check.config);
        context.logger.info({ admin: admin.id }, 'office config changed');
        return { ok: true, config: check.config };
      },
      'device:issue-token': ({ deviceId }) => {
        if (!context.directory.devices.has(deviceId)) return fail('not-found', `unknown device "${deviceId}"`);
        const token = newDeviceToken();
        change((config) => ({
          ...config,
          devices: config.devices.map((d) => (d.id === deviceId ? { ...d, tokenHash: hashDeviceToken(token) } : d)),
        }));
        context.logger.info({ admin: admin.id, device: deviceId }, 'device token issued');
        return { ok: true, deviceId, token };
      },
      'operator:set-password': async ({ operatorId, password }) => {
        if (!context.directory.operators.has(operatorId)) return fail('not-found', `unknown operator "${operatorId}"`);
        if (passwordProblem(password)) return fail('weak-password', `the password must be ${PASSWORD_RULE}`);
        const passwordHash = await hashPassword(password);
        // Everyone who knew the old password is signed out; an administrator changing their own stays here.
        const keepSession = operatorId === admin.id ? identityOf(socket).session : undefined;
        change(
          (config) => ({ ...config, operators: config.operators.map((o) => (o.id === operatorId ? { ...o, passwordHash } : o)) }),
          keepSession === undefined ? {} : { keepSession },
        );
        context.logger.info({ admin: admin.id, operator: operatorId }, 'operator password changed');
        return { ok: true };
      },
      'booking:slots': ({ serviceId, date }) => bookings.slots(serviceId, date),
      'booking:create': ({ serviceId, slotStart, customerName, customerPhone, phoneConsent }) =>
        bookings.create({ serviceId, slotStart, ...(customerName && { customerName }), ...(customerPhone && phoneConsent && { customerPhone, phoneConsent }) }, actor),
      'booking:cancel': ({ bookingId }) => bookings.cancel(bookingId, actor),
      'booking:list': ({ date }) => bookings.list(date),
    }, () => authorise(identityOf(socket).operator!.roles, 'admin config', false));
    routeCommands(socket, adminCommands, handlers, { ...options.router, role: 'admin' });
  });
}
