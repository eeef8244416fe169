/** One figure of a benchmark: the app's value, the baseline measured in the same run, and their ratio. */
export interface Figure {
  name: string;
  unit: string;
  app: number;
  baseline: number | null;
  baselineName: string | null;
  /** app / baseline (for times: above 1 is slower than the baseline). */
  ratio: number | null;
  target: string;
  met: boolean | null;
  notes?: string;
}

export function figure(options: Omit<Figure, 'ratio'>): Figure {
  return {
    ...options,
    ratio: options.baseline ? Math.round((options.app / options.baseline) * 100) / 100 : null,
  };
}

export async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await work();
  return { ms: performance.now() - started, result };
}

/** Peak resident memory of this process while `work` runs, sampled every 20 ms. */
export async function withPeakRss<T>(work: () => Promise<T>): Promise<{ result: T; peakRss: number }> {
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
  try {
    const result = await work();
    return { result, peakRss: Math.max(peakRss, process.memoryUsage().rss) };
  } finally {
    clearInterval(sampler);
  }
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

export const MiB = 1024 * 1024;

export const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;
