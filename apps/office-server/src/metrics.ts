import type { CentralLinkView } from '@talon/protocol';
/**
 * Prometheus text exposition, written by hand: three kinds of figure are all the office needs,
 * and a dependency for them would be larger than this file.
 */
const LATENCY_BUCKETS_MS = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500];

export function createMetrics() {
  const issued = new Map<string, number>();
  const commands = new Map<string, { buckets: number[]; sum: number; count: number }>();
  const refusals = new Map<string, number>();

  return {
    ticketIssued(serviceId: string): void {
      issued.set(serviceId, (issued.get(serviceId) ?? 0) + 1);
    },
    commandRefused(code: string): void {
      refusals.set(code, (refusals.get(code) ?? 0) + 1);
    },
    commandHandled(command: string, ms: number): void {
      let h = commands.get(command);
      if (!h) commands.set(command, (h = { buckets: LATENCY_BUCKETS_MS.map(() => 0), sum: 0, count: 0 }));
      LATENCY_BUCKETS_MS.forEach((bound, i) => {
        if (ms <= bound) h!.buckets[i]! += 1;
      });
      h.sum += ms / 1000;
      h.count += 1;
    },
    render(waiting: { serviceId: string; waiting: number }[], central?: CentralLinkView): string {
      const lines: string[] = [];
      if (central && central.state !== 'not-configured') {
        // Here, behind the metrics token, rather than on the public /healthz: it tells of the day's traffic.
        lines.push('# HELP talon_central_online 1 while the link to the central service is up.');
        lines.push('# TYPE talon_central_online gauge');
        lines.push(`talon_central_online ${central.state === 'online' ? 1 : 0}`);
        lines.push('# HELP talon_central_unsent_events Events the central service has not acknowledged yet.');
        lines.push('# TYPE talon_central_unsent_events gauge');
        lines.push(`talon_central_unsent_events ${central.unsent ?? 0}`);
      }
      lines.push('# HELP talon_tickets_issued_total Tickets issued since the server started.');
      lines.push('# TYPE talon_tickets_issued_total counter');
      for (const [service, count] of issued) lines.push(`talon_tickets_issued_total{service="${label(service)}"} ${count}`);
      lines.push('# HELP talon_waiting_tickets Tickets waiting now.');
      lines.push('# TYPE talon_waiting_tickets gauge');
      for (const w of waiting) lines.push(`talon_waiting_tickets{service="${label(w.serviceId)}"} ${w.waiting}`);
      lines.push('# HELP talon_command_refusals_total Commands refused, by code.');
      lines.push('# TYPE talon_command_refusals_total counter');
      for (const [code, count] of refusals) lines.push(`talon_command_refusals_total{code="${label(code)}"} ${count}`);
      lines.push('# HELP talon_command_duration_seconds Time from receiving a command to its ack, durable write included.');
      lines.push('# TYPE talon_command_duration_seconds histogram');
      for (const [command, h] of commands) {
        LATENCY_BUCKETS_MS.forEach((bound, i) =>
          lines.push(`talon_command_duration_seconds_bucket{command="${label(command)}",le="${bound / 1000}"} ${h.buckets[i]}`),
        );
        lines.push(`talon_command_duration_seconds_bucket{command="${label(command)}",le="+Inf"} ${h.count}`);
        lines.push(`talon_command_duration_seconds_sum{command="${label(command)}"} ${h.sum}`);
        lines.push(`talon_command_duration_seconds_count{command="${label(command)}"} ${h.count}`);
      }
      return `${lines.join('\n')}\n`;
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

function label(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}
