import { useEffect, useRef } from 'react';
import { NO_BURST, scanKey, type ScanBurst } from './scanner-input.js';

/**
 * Listens for a barcode scanner's typed burst while `listening`, and hands over each complete
 * code. Captured on the window before any button: the scanner's Enter must not also press the
 * button that happens to have focus (the last one a visitor touched).
 */
export function useScannedCodes(listening: boolean, onCode: (code: string) => void): void {
  const burst = useRef<ScanBurst>(NO_BURST);
  const latest = useRef(onCode);
  latest.current = onCode;
  useEffect(() => {
    if (!listening) return;
    burst.current = NO_BURST;
    const onKeyDown = (event: KeyboardEvent) => {
      const step = scanKey(burst.current, event.key, event.timeStamp);
      burst.current = step.burst;
      if (step.code === undefined) return;
      event.preventDefault();
      event.stopPropagation();
      latest.current(step.code);
    };
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true });
  }, [listening]);
}
