// Runs the test tiers and prints one closing line over all of them: "N passed, N failed".
//   unit  mocha in plain Node (the machine's Node 20)
//   host  mocha inside code-server's real extension host (Node 24)
//   ui    Playwright journeys in Chromium against code-server with the packaged .vsix installed
import { runHostTests } from './hostTier';
import { ensureRealVsCode } from './install';
import { runMochaTier } from './mochaTier';
import { addStats, emptyStats, TierStats } from './stats';

export type TierName = 'unit' | 'host' | 'ui';

export const ALL_TIERS: TierName[] = ['unit', 'host', 'ui'];

async function runTier(tier: TierName): Promise<TierStats> {
  switch (tier) {
    case 'unit':
      return runMochaTier({ spec: 'out/test/unit/**/*.test.js', timeoutMs: 20_000 });
    case 'host': {
      ensureRealVsCode();
      const result = await runHostTests({ name: 'host' });
      if (result.stats === undefined) {
        console.error(`The in-host suite ended (exit code ${result.exitCode}) without reporting its counts.`);
        return { passed: 0, failed: 1, skipped: 0 };
      }
      if (result.exitCode !== 0 && result.stats.failed === 0) {
        return { ...result.stats, failed: 1 };
      }
      return result.stats;
    }
    case 'ui':
      ensureRealVsCode();
      return runMochaTier({ spec: 'out/test/ui/**/*.test.js', timeoutMs: 180_000 });
  }
}

function formatCounts(stats: TierStats): string {
  const skipped = stats.skipped > 0 ? `, ${stats.skipped} skipped` : '';
  return `${stats.passed} passed, ${stats.failed} failed${skipped}`;
}

export async function main(tiers: TierName[]): Promise<number> {
  let total = emptyStats();
  const lines: string[] = [];
  for (const tier of tiers) {
    console.log(`\n=== ${tier} tier ===`);
    let stats: TierStats;
    try {
      stats = await runTier(tier);
    } catch (error) {
      console.error(`The ${tier} tier could not run: ${error instanceof Error ? error.message : String(error)}`);
      stats = { passed: 0, failed: 1, skipped: 0 };
    }
    lines.push(`  ${tier.padEnd(5)} ${stats.passed} ok / ${stats.failed} not ok${stats.skipped ? ` / ${stats.skipped} pending` : ''}`);
    total = addStats(total, stats);
  }

  console.log('\nTiers:');
  for (const line of lines) {
    console.log(line);
  }
  console.log(formatCounts(total));
  const ranNothing = total.passed + total.failed === 0;
  return total.failed > 0 || ranNothing ? 1 : 0;
}
