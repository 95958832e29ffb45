/**
 * The Redis client as the Socket.IO Redis Streams adapter gets it, with every PUBLISH's promise
 * handled. The adapter sends `serverSideEmit` (our unlinks, summaries and nudges) and its
 * heartbeats with PUBLISH and drops the promise (adapter.js `doPublish`): when Redis commands time
 * out (a node's event loop seconds behind while thousands of offices relink to it), that rejection
 * went unhandled and took the whole node down. A lost nudge only delays; losing the node loses its
 * offices' links. Callers that await the promise still see the rejection.
 */
export function withHandledPublish<C extends object>(client: C): C {
  const guarded = new Set<PropertyKey>(['publish', 'PUBLISH', 'sPublish', 'SPUBLISH', 'spublish']);
  return new Proxy(client, {
    get(target, property) {
      const value = Reflect.get(target, property, target) as unknown;
      if (typeof value !== 'function') return value;
      const method = value as (...args: unknown[]) => unknown;
      if (!guarded.has(property)) return method.bind(target);
      return (...args: unknown[]) => {
        const sent = method.apply(target, args);
        if (sent instanceof Promise) sent.catch(() => {});
        return sent;
      };
    },
  });
}
