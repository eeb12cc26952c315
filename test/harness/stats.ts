// Test counts that each tier reports, so the runner can print one summary over all tiers.

export interface TierStats {
  passed: number;
  failed: number;
  skipped: number;
}

/** Prefix of the line that carries a tier's counts when it cannot write a file (the in-host tier). */
export const STATS_LINE_PREFIX = 'SINCH_TEST_STATS ';

/** First line of the in-host suite's output; workbench start-up chatter comes before it. */
export const SUITE_START_LINE = 'In-host suite started';

export function emptyStats(): TierStats {
  return { passed: 0, failed: 0, skipped: 0 };
}

export function addStats(total: TierStats, tier: TierStats): TierStats {
  return {
    passed: total.passed + tier.passed,
    failed: total.failed + tier.failed,
    skipped: total.skipped + tier.skipped,
  };
}

/** Reads counts from a mocha runner's stats. A failing hook counts as a failed test. */
export function fromMochaStats(stats: { passes: number; failures: number; pending: number } | undefined): TierStats {
  return { passed: stats?.passes ?? 0, failed: stats?.failures ?? 0, skipped: stats?.pending ?? 0 };
}

export function parseStatsLine(line: string): TierStats | undefined {
  const at = line.indexOf(STATS_LINE_PREFIX);
  if (at < 0) {
    return undefined;
  }
  const parsed = JSON.parse(line.slice(at + STATS_LINE_PREFIX.length)) as Partial<TierStats>;
  return { passed: Number(parsed.passed ?? 0), failed: Number(parsed.failed ?? 0), skipped: Number(parsed.skipped ?? 0) };
}
