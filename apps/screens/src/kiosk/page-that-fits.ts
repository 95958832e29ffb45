import { useEffect, useLayoutEffect, useState } from 'react';

/**
 * Splits a list of buttons into pages that fit the screen, so a visitor never has to guess that a
 * swipe shows more (large text on a 768x1366 panel holds fewer buttons than the office has). It
 * measures rather than guesses: while the page is taller than the screen, one button fewer per page.
 * `fitKey` is whatever changes the buttons' size (text size, language): a new key measures afresh.
 */
export function usePageThatFits(total: number, fitKey: string) {
  const [viewport, setViewport] = useState(() => `${window.innerWidth}x${window.innerHeight}`);
  const key = `${total}|${fitKey}|${viewport}`;
  // Kept with the key they were measured for: a new key starts again from everything on one page.
  const [fit, setFit] = useState({ key, perPage: total });
  const [at, setAt] = useState({ key, page: 0 });
  const perPage = Math.max(1, fit.key === key ? fit.perPage : total);

  useEffect(() => {
    const onResize = () => setViewport(`${window.innerWidth}x${window.innerHeight}`);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);

  // After every render, before paint: still taller than the screen means one fewer per page.
  // Measured with the buttons at their natural height: a portrait page stretches them to fill
  // the screen, which would read as "just too tall" whatever the count.
  useLayoutEffect(() => {
    const root = document.documentElement;
    root.classList.add('kiosk-measuring');
    const tooTall = root.scrollHeight > window.innerHeight + 1;
    root.classList.remove('kiosk-measuring');
    if (tooTall && perPage > 1) setFit({ key, perPage: perPage - 1 });
  });

  const pages = Math.max(1, Math.ceil(total / perPage));
  const current = Math.min(at.key === key ? at.page : 0, pages - 1);
  return {
    start: current * perPage,
    end: Math.min(total, (current + 1) * perPage),
    page: current,
    pages,
    next: () => setAt({ key, page: Math.min(pages - 1, current + 1) }),
    previous: () => setAt({ key, page: Math.max(0, current - 1) }),
  };
}
