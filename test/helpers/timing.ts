/** The shortest of `rounds` timed runs of `run`, in ms: what the scaling tests compare (the best run is the least disturbed by the machine). */
export function bestTime(run: () => void, rounds = 3): number {
  let best = Infinity;
  for (let k = 0; k < rounds; k++) {
    const t = performance.now();
    run();
    best = Math.min(best, performance.now() - t);
  }
  return best;
}
