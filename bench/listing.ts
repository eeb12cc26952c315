// Benchmark 2: list every conflict of 10,000 at 20 ms latency, against the floor of sequential
// paging and against the official SDK on the same sandbox.
import { performance } from 'node:perf_hooks';
import { MAX_PAGE_SIZE } from '../src/sinch/types';
import { baselineRttMs } from './baseline';
import { ExtensionSide, ourClient, sdkService } from './clients';
import { SandboxProcess } from './sandboxProcess';
import { median, ms, ratio, round } from './stats';

const CONFLICTS = 10_000;
const LATENCY_MS = 20;
const ROUNDS = 3;

export interface ContenderResult {
  runsMs: number[];
  /** The fastest run: other work on the machine only ever adds time. */
  bestMs: number;
  medianMs: number;
  bestPerFloor: number;
  medianPerFloor: number;
  /** Best against the SDK's best, and median against the SDK's median. */
  bestPerSdk: number;
  medianPerSdk: number;
}

export interface ListingResult {
  conflicts: number;
  pages: number;
  latencyMs: number;
  rounds: number;
  baselineRttMs: number;
  /** pages × (latency + baseline RTT). */
  floorMs: number;
  /** pages × latency. */
  latencyOnlyFloorMs: number;
  client: ContenderResult;
  model: ContenderResult;
  sdk: ContenderResult;
}

type Contender = 'client' | 'model' | 'sdk';

async function listOnce(sandbox: SandboxProcess, contender: Contender): Promise<{ elapsedMs: number; count: number }> {
  const started = performance.now();
  let count = 0;

  if (contender === 'client') {
    for await (const _conflict of ourClient(sandbox).identityConflicts()) {
      count += 1;
    }
  } else if (contender === 'sdk') {
    for await (const _conflict of sdkService(sandbox).contact.listIdentityConflicts({ page_size: MAX_PAGE_SIZE })) {
      count += 1;
    }
  } else {
    const model = new ExtensionSide(sandbox).newModel();
    await model.loadAll();
    count = model.conflictState().conflicts.length;
  }

  return { elapsedMs: performance.now() - started, count };
}

export async function runListing(): Promise<ListingResult> {
  const pages = Math.ceil(CONFLICTS / MAX_PAGE_SIZE);
  const sandbox = await SandboxProcess.start({ seed: 'large', largeConflicts: CONFLICTS });

  try {
    await sandbox.setLatency(0);
    const baseline = await baselineRttMs(sandbox);
    await sandbox.setLatency(LATENCY_MS, 0);

    const times: Record<Contender, number[]> = { client: [], model: [], sdk: [] };
    for (let round = 0; round < ROUNDS; round++) {
      // Interleaved, so a slow phase of the machine hits all three alike.
      for (const contender of ['client', 'sdk', 'model'] as const) {
        const before = (await sandbox.requests('listConflicts')).length;
        const { elapsedMs, count } = await listOnce(sandbox, contender);
        const requests = (await sandbox.requests('listConflicts')).length - before;
        if (count !== CONFLICTS) {
          throw new Error(`Listing with ${contender} returned ${count} conflicts; expected ${CONFLICTS}.`);
        }
        if (requests !== pages) {
          throw new Error(`Listing with ${contender} sent ${requests} list requests; expected ${pages}.`);
        }
        times[contender].push(elapsedMs);
      }
    }

    const floorMs = pages * (LATENCY_MS + baseline);
    const sdkBest = Math.min(...times.sdk);
    const sdkMedian = median(times.sdk);
    const summarize = (runs: number[]): ContenderResult => ({
      runsMs: runs.map((value) => round(value)),
      bestMs: round(Math.min(...runs)),
      medianMs: round(median(runs)),
      bestPerFloor: round(Math.min(...runs) / floorMs, 3),
      medianPerFloor: round(median(runs) / floorMs, 3),
      bestPerSdk: round(Math.min(...runs) / sdkBest, 3),
      medianPerSdk: round(median(runs) / sdkMedian, 3),
    });

    return {
      conflicts: CONFLICTS,
      pages,
      latencyMs: LATENCY_MS,
      rounds: ROUNDS,
      baselineRttMs: round(baseline, 3),
      floorMs: round(floorMs),
      latencyOnlyFloorMs: pages * LATENCY_MS,
      client: summarize(times.client),
      model: summarize(times.model),
      sdk: summarize(times.sdk),
    };
  } finally {
    await sandbox.stop();
  }
}

function printContender(label: string, result: ContenderResult, showSdkRatio: boolean): void {
  const sdk = showSdkRatio ? `   ours/SDK ${ratio(result.bestPerSdk)} (median ${ratio(result.medianPerSdk)})` : '';
  console.log(
    `   ${label.padEnd(42)} best ${ms(result.bestMs)}, median ${ms(result.medianMs)}   ` +
      `/floor ${ratio(result.bestPerFloor)} (median ${ratio(result.medianPerFloor)})${sdk}`,
  );
}

export function printListing(result: ListingResult): void {
  console.log(`2. List every conflict: ${result.conflicts} conflicts, ${result.pages} pages, ${result.latencyMs} ms latency, ${result.rounds} interleaved runs each`);
  console.log(`   baseline RTT (latency 0, near-empty GET)    ${ms(result.baselineRttMs)}`);
  console.log(`   floor = pages × (latency + baseline)        ${ms(result.floorMs)}   (pages × latency alone: ${ms(result.latencyOnlyFloorMs)})`);
  printContender('ConversationClient.identityConflicts()', result.client, true);
  printContender('ProjectModel.loadAll()', result.model, true);
  printContender('@sinch/conversation 1.4.0 (page_size 20)', result.sdk, false);
  console.log('   target: ours/floor ≤ 1.10 and ours/SDK ≤ 1.00 (ratios from the best run; medians in brackets)');
}
