/**
 * Runs `work` one at a time: a kick while it runs asks for one more run after it, so a burst of
 * commits becomes one push and nothing committed during a push is left behind.
 */
export function singleFlight(work: () => Promise<void>, onError: (error: unknown) => void): () => void {
  let running = false;
  let again = false;
  return function kick() {
    if (running) {
      again = true;
      return;
    }
    running = true;
    void (async () => {
      do {
        again = false;
        try {
          await work();
        } catch (error) {
          onError(error);
        }
      } while (again);
      running = false;
    })();
  };
}
