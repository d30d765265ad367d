// A one-line progress bar on a terminal; plain lines elsewhere (CI logs, pipes).
export interface ProgressOut {
  write(s: string): void;
  isTTY?: boolean;
}

export function progressBar(out: ProgressOut, total: number) {
  let done = 0;
  const width = 30;
  return {
    tick(label: string) {
      done++;
      if (out.isTTY) {
        const filled = Math.round((done / Math.max(total, 1)) * width);
        out.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${label.slice(0, 60).padEnd(60)}`);
        if (done === total) out.write('\n');
      } else {
        out.write(`${done}/${total} ${label}\n`);
      }
    },
  };
}
