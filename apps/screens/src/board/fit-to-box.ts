import { useLayoutEffect, type RefObject } from 'react';

/** Smallest share of the normal size a list may shrink to; below it a TV is unreadable anyway. */
const SMALLEST = 0.45;
const STEP = 0.92;

/**
 * Shrinks a list's text (the `--fit` scale on `box`) until its content fits the box's height, so a
 * long service name wraps onto a second line instead of being cut, and the last row is never half
 * hidden. Grows back when the content or the screen gets smaller. Measured in the page: the words
 * of an office's service names are not known to any stylesheet.
 */
export function useFitToBox(box: RefObject<HTMLElement | null>, content: unknown): void {
  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    const fit = () => {
      let scale = 1;
      element.style.setProperty('--fit', String(scale));
      while (overflows(element) && scale > SMALLEST) {
        scale *= STEP;
        element.style.setProperty('--fit', scale.toFixed(3));
      }
    };
    fit();
    const observer = new ResizeObserver(() => fit());
    observer.observe(element);
    return () => observer.disconnect();
  }, [box, content]);
}

function overflows(element: HTMLElement): boolean {
  return element.scrollHeight > element.clientHeight + 1 || element.scrollWidth > element.clientWidth + 1;
}
