// A share of the simulated offices in a child process of their own, so that 10,000 socket.io
// clients, their timers and their JSON are not all on the bench's one event loop: what is measured
// is central, not the load generator. run.js forks one per core and steers them over IPC; each
// answers with counts, never with per-event data, except the lags of the measured window.
import { performance } from 'node:perf_hooks';
import { SimulatedOffice } from './simulated-office.js';

const offices = [];
const timers = [];
let generating = false;
let window = { from: Infinity, to: -Infinity };
let lags = [];
/** performance.now() when run.js said a node is about to be killed. */
let killMark = Infinity;

const onAcked = (lagMs, madeAt) => {
  if (madeAt >= window.from && madeAt < window.to) lags.push(lagMs);
};

const status = () => ({
  linked: offices.filter((o) => o.linked).length,
  made: offices.reduce((sum, o) => sum + o.made, 0),
  acked: offices.reduce((sum, o) => sum + o.acked, 0),
  unacked: offices.reduce((sum, o) => sum + o.outbox.length, 0),
  moved: offices.filter((o) => o.droppedAt > killMark).length,
  // Every office that lost its link since the mark has it back (and so have all the others).
  relinked: offices.every((o) => o.linked && (o.droppedAt <= killMark || o.linkedAt > o.droppedAt)),
});

const commands = {
  /** Opens offices [from, to) and answers once all of them are linked. */
  async link({ url, from, to }) {
    const wave = [];
    for (let i = from; i < to; i += 1) wave.push(new SimulatedOffice(i, url, onAcked));
    offices.push(...wave);
    while (!wave.every((o) => o.linked)) await new Promise((r) => setTimeout(r, 50));
    return {};
  },
  /** Each office commits events at random intervals around eventEveryMs. */
  async generate({ eventEveryMs }) {
    generating = true;
    for (const office of offices) {
      const tick = () => {
        if (!generating) return;
        office.make();
        timers.push(setTimeout(tick, eventEveryMs * (0.5 + Math.random())));
      };
      timers.push(setTimeout(tick, Math.random() * eventEveryMs));
    }
    return {};
  },
  async window({ ms }) {
    lags = [];
    window = { from: performance.now(), to: performance.now() + ms };
    return {};
  },
  async lags() {
    return { lags };
  },
  async markKill() {
    killMark = performance.now();
    return {};
  },
  async stopGenerating() {
    generating = false;
    for (const timer of timers) clearTimeout(timer);
    return {};
  },
  async status() {
    return status();
  },
  /** For each office moved since the mark and linked again: ms from losing its link to its next hello answered. */
  async relinkTimes() {
    return { times: offices.filter((o) => o.droppedAt > killMark && o.linked && o.linkedAt > o.droppedAt).map((o) => o.linkedAt - o.droppedAt) };
  },
  async close() {
    for (const office of offices) office.close();
    setTimeout(() => process.exit(0), 100);
    return {};
  },
};

process.on('message', async ({ id, command, args }) => {
  try {
    process.send({ id, ok: true, result: await commands[command](args) });
  } catch (error) {
    process.send({ id, ok: false, error: String(error?.stack ?? error) });
  }
});
process.on('disconnect', () => process.exit(0));
