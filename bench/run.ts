import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CHROMIUM_PATH } from '../test/support/chromium.ts';
import { journalBenchmark } from './journalBenchmark.ts';
import type { Figure } from './measure.ts';
import { rendererBenchmark } from './rendererBenchmark.ts';
import { reportBenchmark } from './reportBenchmark.ts';
import { sshBenchmarks } from './sshBenchmarks.ts';

/** `npm run bench`: every figure with its baseline from the same run; bench/results.json and docs/benchmarks.md. */
const benchmarks: { name: string; unavailable: () => string | null; run: () => Promise<Figure[]> }[] = [
  {
    name: 'SSH streaming and small commands',
    unavailable: () =>
      process.getuid?.() !== 0 || !existsSync('/usr/sbin/sshd')
        ? 'needs root and Debian openssh-server'
        : null,
    run: sshBenchmarks,
  },
  { name: 'Journal', unavailable: () => null, run: journalBenchmark },
  {
    name: 'Renderer',
    unavailable: () => (existsSync(CHROMIUM_PATH) ? null : `needs Chromium at ${CHROMIUM_PATH}`),
    run: rendererBenchmark,
  },
  { name: 'Report', unavailable: () => null, run: reportBenchmark },
];

const machine = {
  cpu: os.cpus()[0]?.model ?? 'unknown',
  cores: os.cpus().length,
  memoryGiB: Math.round(os.totalmem() / 1024 ** 3),
  platform: `${os.type()} ${os.release()}`,
  node: process.version,
};
const figures: Figure[] = [];
const skipped: { name: string; reason: string }[] = [];
const only = process.argv.slice(2);
for (const benchmark of benchmarks) {
  if (only.length > 0 && !only.some((word) => benchmark.name.toLowerCase().includes(word.toLowerCase())))
    continue;
  const reason = benchmark.unavailable();
  if (reason) {
    skipped.push({ name: benchmark.name, reason });
    console.log(`${benchmark.name}: skipped (${reason})`);
    continue;
  }
  console.log(`${benchmark.name}…`);
  for (const result of await benchmark.run()) {
    figures.push(result);
    const baseline =
      result.baseline === null
        ? ''
        : ` | baseline ${result.baseline} ${result.unit} (${result.baselineName}) | ratio ${result.ratio}`;
    const verdict = result.met === null ? '' : result.met ? ' | target met' : ' | TARGET MISSED';
    console.log(
      `  ${result.name}: ${result.app} ${result.unit}${baseline} | ${result.target}${verdict}${result.notes ? ` | ${result.notes}` : ''}`,
    );
  }
}
const results = { measuredAt: new Date().toISOString(), machine, figures, skipped };
await mkdir('bench', { recursive: true });
await writeFile(path.join('bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log('Written bench/results.json');
