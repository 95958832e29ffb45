import type { DeskView, DeviceHealthView } from '@talon/protocol';

/** 0.8234 → "82 %"; no figure yet is a dash, never "0 %" (nobody was called is not everyone late). */
export function formatShare(share: number | null): string {
  return share === null ? '—' : `${Math.round(share * 100)} %`;
}

/** Minutes with one decimal where it matters: 4.25 → "4,3"; whole minutes stay whole. */
export function formatMinutes(minutes: number | null, language: 'ru' | 'en'): string {
  if (minutes === null) return '—';
  const rounded = Math.round(minutes * 10) / 10;
  return new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'ru-RU', { maximumFractionDigits: 1 }).format(rounded);
}

export type DeskActivity = 'closed' | 'open' | 'calling' | 'serving' | 'paused';

/** What the head wants to know of a desk: free, calling someone, serving, on a break or closed. */
export function deskActivity(desk: Pick<DeskView, 'status' | 'currentTicket'>): DeskActivity {
  switch (desk.status) {
    case 'closed':
      return 'closed';
    case 'paused':
      return 'paused';
    case 'open':
      if (desk.currentTicket?.status === 'called') return 'calling';
      if (desk.currentTicket?.status === 'serving') return 'serving';
      return 'open';
    default:
      return missingCase(desk.status);
  }
}

export type DeviceAlarm = 'ok' | 'warning' | 'alarm' | 'offline';

/**
 * A device the office cannot work without raises an alarm: a printer out of paper means no
 * paper tickets. Paper running low is a warning: someone should bring a roll, nothing stops yet.
 */
export function deviceAlarm(device: Pick<DeviceHealthView, 'kind' | 'online' | 'status'>): DeviceAlarm {
  if (!device.online) return 'offline';
  if (device.kind !== 'printer') return 'ok';
  if (device.status === 'ok') return 'ok';
  if (device.status === 'paper-near-end' || device.status === 'unknown') return 'warning';
  return 'alarm';
}

function missingCase(value: never): never {
  throw new Error(`unhandled desk status ${String(value)}`);
}
