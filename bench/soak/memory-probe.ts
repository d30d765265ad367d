// Bench-only preload (`node --import bench/soak/memory-probe.ts …`): once a second, writes this process's
// memory figures to $SOAK_STATS_DIR/<pid>.json, so bench:soak can follow a `relais serve` or `relais worker`
// it spawned without any hook in Relais itself. Does nothing without SOAK_STATS_DIR.
import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.SOAK_STATS_DIR;
if (dir) {
  const file = join(dir, `${process.pid}.json`);
  const write = () => {
    const m = process.memoryUsage();
    // Written beside and renamed, so a reader never sees half a file.
    writeFileSync(`${file}.tmp`, JSON.stringify({ at: Date.now(), rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external, arrayBuffers: m.arrayBuffers }));
    renameSync(`${file}.tmp`, file);
  };
  write();
  setInterval(write, 1000).unref();
}
