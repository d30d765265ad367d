// Runs async work one piece at a time, in the order asked, whether the piece before succeeded or failed.
// The editor's saves go through one: an autosave and an explicit save sent side by side would each carry
// the same version, and the second would be refused as a conflict with the first (or create a second article).
export type OneAtATime = <T>(work: () => Promise<T>) => Promise<T>;

export function oneAtATime(): OneAtATime {
  let last: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>) => {
    const run = last.then(work, work);
    last = run.catch(() => undefined);
    return run;
  };
}
