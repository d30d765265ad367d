// Open-loop load: each route sends at its own fixed rate whatever the server's answers take (requests are
// not held back by slow ones), and a request's latency counts from when it was due, not from when it left,
// so a stalled client or server cannot hide its delay (no coordinated omission).
import { performance } from 'node:perf_hooks';

export interface Route {
  name: string;
  perSecond: number;
  /** Sends one request and reads its answer; resolves to the HTTP status, rejects on a socket error; null
   * when it sent nothing (an edit with every draft still waiting for its previous save). */
  send(): Promise<number | null>;
  /** The statuses this route is meant to get; anything else is an error. */
  expected: readonly number[];
}

export interface RouteFigures {
  sent: number;
  /** Answers with a status not in `expected`. */
  unexpected: number;
  /** No HTTP answer: refused, reset, timed out. */
  socketErrors: number;
  /** Not sent: nothing free to act on, because earlier requests of the route are still waiting. */
  skipped: number;
  statuses: Map<number, number>;
  latenciesMs: number[];
  /** The first few error messages, to say what went wrong. */
  samples: string[];
}

export function emptyFigures(): RouteFigures {
  return { sent: 0, unexpected: 0, socketErrors: 0, skipped: 0, statuses: new Map(), latenciesMs: [], samples: [] };
}

/** Runs every route for `seconds`; `figures` fill as answers come, `done` once the last one came. */
export function startOpenLoop(routes: readonly Route[], seconds: number): { figures: Map<string, RouteFigures>; done: Promise<void> } {
  const figures = new Map(routes.map((r) => [r.name, emptyFigures()] as const));
  const inFlight = new Set<Promise<void>>();
  const start = performance.now();
  const end = start + seconds * 1000;
  // A random phase per route, so that routes of one rate do not all fire on the same tick.
  const next = routes.map((r) => ({ route: r, k: Math.random(), every: 1000 / r.perSecond }));
  const fire = (route: Route, dueAt: number) => {
    const f = figures.get(route.name)!;
    f.sent++;
    const note = (what: string) => f.samples.length < 5 && f.samples.push(what);
    const p = route
      .send()
      .then((status) => {
        if (status === null) {
          f.skipped++;
          return;
        }
        f.latenciesMs.push(performance.now() - dueAt);
        f.statuses.set(status, (f.statuses.get(status) ?? 0) + 1);
        if (!route.expected.includes(status)) {
          f.unexpected++;
          note(`HTTP ${status}`);
        }
      })
      .catch((err: Error) => {
        f.socketErrors++;
        note(`${(err as NodeJS.ErrnoException).code ?? err.name}: ${err.message}`);
      })
      .finally(() => inFlight.delete(p));
    inFlight.add(p);
  };
  const scheduled = new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const now = Math.min(performance.now(), end);
      for (const n of next) {
        if (n.route.perSecond <= 0) continue;
        for (let due = start + n.k * n.every; due <= now; due = start + n.k * n.every) {
          n.k++;
          fire(n.route, due);
        }
      }
      if (now >= end) {
        clearInterval(timer);
        resolve();
      }
    }, 5);
  });
  const done = scheduled.then(async () => {
    while (inFlight.size) await Promise.all(inFlight);
  });
  return { figures, done };
}
