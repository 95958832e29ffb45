import { Agent, request as httpRequest } from 'node:http';

/**
 * Engine.IO polling handshakes (`GET /socket.io/?EIO=4&transport=polling`: no token, no key, no
 * namespace) sent from one local address over a few keep-alive connections, as the audit's flood
 * sent them, until `count` are sent or `forMs` has passed. Both servers' hostile-traffic tests
 * send it; each answer 200 opened a session, any other was refused at the door.
 */
export async function pollingHandshakes(
  port: number,
  from: string,
  count: number | { forMs: number },
  connections = 4,
): Promise<{ opened: number; refused: number }> {
  const stop = typeof count === 'number' ? Infinity : Date.now() + count.forMs;
  const total = typeof count === 'number' ? count : Infinity;
  const agents = Array.from({ length: connections }, () => new Agent({ keepAlive: true, maxSockets: 1 }));
  let opened = 0;
  let refused = 0;
  let sent = 0;
  const handshake = (agent: Agent) =>
    new Promise<number>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, path: '/socket.io/?EIO=4&transport=polling', localAddress: from, agent }, (response) => {
        response.resume().on('end', () => resolve(response.statusCode!));
      });
      req.on('error', reject).end();
    });
  await Promise.all(
    agents.map(async (agent) => {
      while (sent < total && Date.now() < stop) {
        sent += 1;
        if ((await handshake(agent)) === 200) opened += 1;
        else refused += 1;
      }
    }),
  );
  agents.forEach((agent) => agent.destroy());
  return { opened, refused };
}
