/**
 * Resolves once `context` is running. A browser keeps a page silent until someone touches it (or
 * its shell allows autoplay); each press or key is a chance to resume, and the promise waits for
 * that instead of failing, so the queue starts at one defined moment: when sound can be heard.
 */
export function whenAudioRuns(context: AudioContext): Promise<void> {
  if (context.state === 'running') return Promise.resolve();
  return new Promise((resolve) => {
    const check = () => {
      if (context.state !== 'running') return;
      context.removeEventListener('statechange', check);
      window.removeEventListener('pointerdown', tryResume);
      window.removeEventListener('keydown', tryResume);
      resolve();
    };
    const tryResume = () => void context.resume().then(check, () => undefined);
    context.addEventListener('statechange', check);
    window.addEventListener('pointerdown', tryResume);
    window.addEventListener('keydown', tryResume);
    tryResume();
  });
}
