import { dashboardCommands, type DashboardResults, type DashboardState } from '@talon/protocol';
import { officeDayOf } from '@talon/domain';
import type { Namespace, Socket } from 'socket.io';
import type { Actor } from '@talon/domain';
import { authorise } from '../auth/permissions.js';
import type { OfficeContext } from '../office-context.js';
import { refusalOf } from './queue-ack.js';
import { createQualityStore } from '../quality/quality-store.js';
import { qualityRulesFromConfig, qualityViewContext } from '../quality/quality-rules.js';
import { qualityView } from '../quality/quality-view.js';
import { fail, routeCommands, type CommandHandlers } from './command-router.js';
import { identityOf, requireOperator } from './handshake.js';
import type { RealtimeOptions } from './realtime-options.js';
import { acceptableLunches, createDayPlanner, nextWorkingDay, plannableDate, planNames } from '../staffing/plan-for-day.js';

export function setUpDashboardNamespace(
  namespace: Namespace,
  context: OfficeContext,
  options: RealtimeOptions,
  dashboardState: () => DashboardState,
): void {
  requireOperator(namespace, context, '/dashboard');
  const quality = createQualityStore(context.db);
  const planner = createDayPlanner(context);
  const nameOf = (operatorId: string) => context.directory.config.operators.find((o) => o.id === operatorId)?.name ?? operatorId;
  namespace.on('connection', (socket: Socket) => {
    const handlers: CommandHandlers<typeof dashboardCommands, DashboardResults> = {
      'dashboard:snapshot': () => ({ ok: true, state: dashboardState() }),
      'dashboard:quality': (period) => {
        const rules = qualityRulesFromConfig(context.directory.config, context.queue.state.setup.schedule);
        const now = context.clock.now();
        const today = officeDayOf(context.queue.state.setup.schedule, now);
        return { ok: true, ...qualityView(quality, rules, period, today, now), context: qualityViewContext(context.directory.config, today) };
      },
      'dashboard:close-desk': async ({ deskId }) => {
        const person = identityOf(socket).operator!;
        const allowed = authorise(person.roles, 'dashboard dashboard:close-desk', false);
        if (!allowed.ok) return allowed;
        const actor: Actor = { kind: 'operator', operatorId: person.id, ...(allowed.authority && { authority: allowed.authority }) };
        const decision = await context.queue.execute({ type: 'desk.close', deskId, force: true }, actor);
        if (!decision.ok) return refusalOf(decision)!;
        context.logger.info({ desk: deskId, by: person.id, authority: allowed.authority }, 'desk closed from the dashboard');
        return { ok: true, deskId };
      },
      'dashboard:plan': async ({ date }) => {
        const today = officeDayOf(context.queue.state.setup.schedule, context.clock.now());
        const day = date ?? nextWorkingDay(context, today);
        const refused = plannableDate(today, day);
        if (refused) return refused;
        const plan = await planner.planFor(day);
        const accepted = context.daySchedules.get(day, nameOf);
        return { ok: true, plan, today, timeZone: context.directory.config.office.timeZone, ...planNames(context.directory.config), accepted };
      },
      'dashboard:accept-plan': ({ date, lunches, expectedShare }) => {
        const person = identityOf(socket).operator!;
        const allowed = authorise(person.roles, 'dashboard dashboard:accept-plan', false);
        if (!allowed.ok) return allowed;
        const now = context.clock.now();
        const refused = plannableDate(officeDayOf(context.queue.state.setup.schedule, now), date) ?? acceptableLunches(context.directory.config, lunches);
        if (refused) return refused;
        context.daySchedules.accept({ date, lunches, expectedShare: expectedShare ?? null, by: { id: person.id, name: person.name, ...(allowed.authority && { authority: allowed.authority }) }, at: now });
        context.refreshSetup();
        context.logger.info({ date, by: person.id, lunches: lunches.length }, 'day plan accepted');
        return { ok: true, accepted: context.daySchedules.get(date, nameOf)! };
      },
      'dashboard:follow-up-done': ({ ticketId, note }) => {
        const operator = identityOf(socket).operator!;
        // The call-back is the head's job: an admin sees the list but does not tick it off.
        const allowed = authorise(operator.roles, 'dashboard dashboard:follow-up-done', false);
        if (!allowed.ok) return fail('forbidden', 'only the office head marks a call-back done');
        const marked = quality.markDone(ticketId, { doneAt: context.clock.now(), doneBy: operator.id, note });
        return marked ? { ok: true, ticketId } : fail('not-found', 'no rating of 1–2 for this ticket');
      },
    };
    routeCommands(socket, dashboardCommands, handlers, { ...options.router, role: 'dashboard' });
    socket.emit('dashboard:state', dashboardState());
  });
}
