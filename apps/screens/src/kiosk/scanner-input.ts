import { BOOKING_CODE } from './keypad-entry.js';

/**
 * A 2D barcode scanner on the kiosk types what it reads as a keyboard would: the booking's code,
 * digit by digit within a few milliseconds, then Enter. People never type on a kiosk (it has no
 * keyboard), but a burst is told from stray keys by its pace all the same: a slow digit starts
 * the burst again, any other key drops it.
 */
export const MAX_KEY_GAP_MS = 80;

export interface ScanBurst {
  digits: string;
  lastAt: number;
}

export const NO_BURST: ScanBurst = { digits: '', lastAt: Number.NEGATIVE_INFINITY };

export type ScanStep =
  | { burst: ScanBurst; code?: undefined }
  /** A complete code arrived: check it in, and keep the Enter from pressing whatever has focus. */
  | { burst: ScanBurst; code: string };

export function scanKey(burst: ScanBurst, key: string, at: number): ScanStep {
  const quick = at - burst.lastAt <= MAX_KEY_GAP_MS;
  if (/^[0-9]$/.test(key)) {
    const digits = quick ? burst.digits + key : key;
    return { burst: { digits: digits.slice(-BOOKING_CODE.maxLength - 1), lastAt: at } };
  }
  if (key === 'Enter' && quick && BOOKING_CODE.ready(burst.digits)) return { burst: NO_BURST, code: burst.digits };
  return { burst: NO_BURST };
}
