import type { Namespace } from 'socket.io';
import { deskOfOperator } from '../views/desk-view.js';
import type { OfficeContext } from '../office-context.js';
import { identityOf } from './handshake.js';

/**
 * A desk left open by an operator whose console dropped would keep its visitor called and its
 * place on the board for ever. When an operator's last console connection goes, a timer of
 * `rules.abandonedDeskGraceMinutes` starts; the operator reconnecting (a reload, a flaky Wi-Fi)
 * stops it, and if it runs out the desk is closed by the system: its called or served visitor
 * goes back to their service's queue in their old place (the domain's forced close).
 * Desks found open at start with nobody connected get the same grace from the start.
 */
export function watchAbandonedDesks(operators: Namespace, context: OfficeContext) {
  const timers = new Map<string, NodeJS.Timeout>();
  // Closing the server disconnects every console; none of that is an operator leaving.
  let stopped = false;
  const graceMs = () => context.directory.config.rules.abandonedDeskGraceMinutes * 60_000;
  const connected = (operatorId: string) =>
    [...operators.sockets.values()].some((socket) => socket.connected && identityOf(socket).operator?.id === operatorId);

  const stop = (operatorId: string) => {
    clearTimeout(timers.get(operatorId));
    timers.delete(operatorId);
  };
  const start = (operatorId: string) => {
    stop(operatorId);
    if (stopped || !deskOfOperator(context.queue.state, operatorId)) return;
    const timer = setTimeout(() => void closeLeftDesk(operatorId), graceMs());
    timer.unref();
    timers.set(operatorId, timer);
  };
  const closeLeftDesk = async (operatorId: string) => {
    timers.delete(operatorId);
    const desk = deskOfOperator(context.queue.state, operatorId);
    if (!desk || connected(operatorId)) return;
    const decision = await context.queue.execute({ type: 'desk.close', deskId: desk.deskId, force: true }, { kind: 'system' });
    context.logger.info({ desk: desk.deskId, operator: operatorId, ok: decision.ok }, 'desk closed: its operator left it');
  };

  operators.on('connection', (socket) => {
    const operatorId = identityOf(socket).operator?.id;
    if (!operatorId) return;
    stop(operatorId);
    socket.on('disconnect', () => {
      if (!connected(operatorId)) start(operatorId);
    });
  });
  for (const desk of context.queue.state.desks.values()) if (desk.status !== 'closed' && desk.operatorId) start(desk.operatorId);

  return {
    stopAll() {
      stopped = true;
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    },
  };
}
