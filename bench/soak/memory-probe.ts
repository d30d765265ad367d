// Bench-only preload (`node --import bench/soak/memory-probe.ts …`): once a second, writes this process's
// memory figures (and, on Linux, RssAnon / RssFile from /proc) and its event loop's longest delay over the
// last minute to $SOAK_STATS_DIR/<pid>.json, so bench:soak can follow a `relais serve` or `relais worker` it
// spawned without any hook in Relais itself. Does nothing without SOAK_STATS_DIR.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { getHeapSpaceStatistics } from 'node:v8';

const dir = process.env.SOAK_STATS_DIR;
const kb = (status: string, field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
// Which of V8's spaces holds the committed memory (size) and how much of it is live (used), in bytes.
const spaces = () => Object.fromEntries(getHeapSpaceStatistics().map((s) => [s.space_name.replace(/_space$/, ''), [s.space_size, s.space_used_size]]));
if (dir) {
  const file = join(dir, `${process.pid}.json`);
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const lastMinute: number[] = [];
  const write = () => {
    const m = process.memoryUsage();
    let status = '';
    try {
      status = readFileSync('/proc/self/status', 'utf8');
    } catch {}
    lastMinute.push(delay.max / 1e6);
    if (lastMinute.length > 60) lastMinute.shift();
    delay.reset();
    const figures = { at: Date.now(), ...m, rssAnon: kb(status, 'RssAnon'), rssFile: kb(status, 'RssFile'), loopDelayMaxMs: Math.max(...lastMinute), spaces: spaces() };
    // Written beside and renamed, so a reader never sees half a file.
    writeFileSync(`${file}.tmp`, JSON.stringify(figures));
    renameSync(`${file}.tmp`, file);
  };
  write();
  setInterval(write, 1000).unref();
}
