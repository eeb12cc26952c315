// Benchmark 3: read the contacts of 1,000 conflicts under a rate limit, through the model (as
// the tree does when conflicts are expanded) and through the client directly.
import { performance } from 'node:perf_hooks';
import type { RequestRecord } from '../src/sandbox/api';
import type { IdentityConflict } from '../src/sinch/types';
import { EXTENSION_CLIENT_SETTINGS, ExtensionSide, ourClient } from './clients';
import { SandboxProcess } from './sandboxProcess';
import { ms, ratio, round } from './stats';

const CONFLICTS = 1_000;
/** The sandbox's limit and the client's maxRequestsPerSecond: 2,000 reads take about 7 s. */
const RATE_LIMIT = 250;

export interface ContactReadRun {
  reads: number;
  failedReads: number;
  /** 429 responses the sandbox sent during the reads, retried or not. */
  status429: number;
  wallMs: number;
  /** reads / wall time, which includes the initial burst both limits allow. */
  wallRate: number;
  /** (reads − limit) / (last arrival − first arrival): the rate after the first second's burst. */
  sustainedRate: number;
  sustainedPerLimit: number;
}

export interface ContactsResult {
  conflicts: number;
  rateLimit: number;
  maxConcurrentRequests: number;
  model: ContactReadRun;
  client: ContactReadRun;
}

/** A gap longer than the client's one-second window, so no start of the setup counts against the reads. */
const WINDOW_PAUSE_MS = 1_100;

function summarize(records: RequestRecord[], reads: number, failedReads: number, wallMs: number): ContactReadRun {
  const arrivals = records.map((record) => record.at).sort((a, b) => a - b);
  const spanSeconds = (arrivals[arrivals.length - 1] - arrivals[0]) / 1000;
  const sustainedRate = spanSeconds > 0 ? (records.length - RATE_LIMIT) / spanSeconds : 0;
  return {
    reads,
    failedReads,
    status429: records.filter((record) => record.status === 429).length,
    wallMs: round(wallMs),
    wallRate: round(reads / (wallMs / 1000), 1),
    sustainedRate: round(sustainedRate, 1),
    sustainedPerLimit: round(sustainedRate / RATE_LIMIT, 3),
  };
}

async function readContacts(sandbox: SandboxProcess, read: () => Promise<{ reads: number; failed: number }>): Promise<ContactReadRun> {
  await new Promise((resolve) => setTimeout(resolve, WINDOW_PAUSE_MS));
  await sandbox.setRateLimit(RATE_LIMIT);
  const before = (await sandbox.requests('getContact')).length;

  const started = performance.now();
  const { reads, failed } = await read();
  const wallMs = performance.now() - started;

  const records = (await sandbox.requests('getContact')).slice(before);
  return summarize(records, reads, failed, wallMs);
}

export async function runContacts(): Promise<ContactsResult> {
  const sandbox = await SandboxProcess.start({ seed: 'large', largeConflicts: CONFLICTS });
  const settings = { maxRequestsPerSecond: RATE_LIMIT };

  try {
    await sandbox.setLatency(0);

    // Through the model: load the list, then expand every conflict at once.
    const model = new ExtensionSide(sandbox, settings).newModel();
    await model.loadAll();
    const conflicts = model.conflictState().conflicts;
    if (conflicts.length !== CONFLICTS) {
      throw new Error(`The model loaded ${conflicts.length} conflicts; expected ${CONFLICTS}.`);
    }
    const modelRun = await readContacts(sandbox, async () => {
      const results = (await Promise.all(conflicts.map((conflict) => model.loadContacts(conflict)))).flat();
      return { reads: results.length, failed: results.filter((result) => result.status === 'rejected').length };
    });

    // Through the client: the same contact IDs, all requested at once.
    const client = ourClient(sandbox, settings);
    const listed: IdentityConflict[] = [];
    for await (const conflict of client.identityConflicts()) {
      listed.push(conflict);
    }
    const ids = listed.flatMap((conflict) => conflict.contact_ids);
    const clientRun = await readContacts(sandbox, async () => {
      const results = await Promise.allSettled(ids.map((id) => client.getContact(id)));
      return { reads: results.length, failed: results.filter((result) => result.status === 'rejected').length };
    });

    return { conflicts: CONFLICTS, rateLimit: RATE_LIMIT, maxConcurrentRequests: EXTENSION_CLIENT_SETTINGS.maxConcurrentRequests, model: modelRun, client: clientRun };
  } finally {
    await sandbox.stop();
  }
}

function printRun(label: string, run: ContactReadRun): void {
  console.log(
    `   ${label.padEnd(30)} ${run.reads} reads in ${ms(run.wallMs)}: ${run.wallRate.toFixed(0)}/s wall, ` +
      `${run.sustainedRate.toFixed(0)}/s sustained, sustained/limit ${ratio(run.sustainedPerLimit)}, ` +
      `429s ${run.status429}, failed reads ${run.failedReads}`,
  );
}

export function printContacts(result: ContactsResult): void {
  console.log(`3. Read the contacts of ${result.conflicts} conflicts: sandbox limit ${result.rateLimit}/s, client maxRequestsPerSecond ${result.rateLimit}, ${result.maxConcurrentRequests} in flight`);
  printRun('ProjectModel.loadContacts', result.model);
  printRun('ConversationClient.getContact', result.client);
  console.log('   target: sustained/limit > 0.90, no failed read');
}
