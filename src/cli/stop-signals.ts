// Stopping a long-running command: SIGINT / SIGTERM run `stop` once (a second signal exits at once), and
// in a cluster worker also a {type: 'stop'} message or the primary going away (its IPC channel closing).
// A worker ignores SIGINT: Ctrl-C reaches the whole process group, and the primary tells its workers.
import cluster from 'node:cluster';

export function onStopSignals(stop: () => Promise<number>, opts: { quiet?: boolean } = {}): Promise<number> {
  return new Promise<number>((resolve) => {
    let stopping = false;
    const worker = cluster.isWorker;
    const begin = async (why: string) => {
      if (stopping) {
        if (worker) return;
        console.error('Stopping now.');
        process.exit(1);
      }
      stopping = true;
      if (!opts.quiet) console.log(`${why} received, stopping…`);
      const code = await stop();
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      process.off('message', onMessage);
      process.off('disconnect', onDisconnect);
      if (worker && process.connected) process.disconnect(); // the IPC channel would keep the process alive
      resolve(code);
    };
    const onInt = () => void (worker ? undefined : begin('SIGINT'));
    const onTerm = () => void begin('SIGTERM');
    const onMessage = (m: unknown) => void ((m as { type?: string } | null)?.type === 'stop' && begin('stop'));
    const onDisconnect = () => void begin('disconnect');
    process.on('SIGINT', onInt);
    process.on('SIGTERM', onTerm);
    if (worker) {
      process.on('message', onMessage);
      process.on('disconnect', onDisconnect);
    }
  });
}
