// Entry of `npm run bench`: runs every benchmark, prints its figures and ratios, and writes
// them as JSON to bench/results/. A slow figure never fails the run; only a benchmark that
// crashes makes the exit code non-zero.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { printActivation, summarizeActivation } from './activation';
import { printContacts, runContacts } from './contacts';
import { runHostBench } from './hostRuns';
import { printListing, runListing } from './listing';
import { printMemory, runMemory } from './memory';
import { measureSizes, printSizes } from './sizes';
import { printTree } from './treeReport';

/** Fresh code-server runs, each timing one activation; the first also runs the tree benchmark. */
const ACTIVATION_RUNS = 5;

const RESULTS_DIR = path.resolve(__dirname, '..', '..', 'bench', 'results');

interface Machine {
  date: string;
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  platform: string;
  /** 1, 5 and 15 minute load averages when the run started; other work on the machine skews timings. */
  loadAverageAtStart: number[];
  loadAverageAtEnd?: number[];
}

function describeMachine(): Machine {
  return {
    date: new Date().toISOString(),
    cpus: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    loadAverageAtStart: os.loadavg().map((value) => Math.round(value * 100) / 100),
  };
}

async function benchSizes(): Promise<unknown> {
  const sizes = measureSizes();
  printSizes(sizes);
  return sizes;
}

async function benchHost(): Promise<unknown> {
  const runs = await runHostBench(ACTIVATION_RUNS);
  const activation = summarizeActivation(runs);
  printActivation(activation);

  const tree = runs[0].tree;
  if (tree) {
    console.log();
    printTree(tree);
  }
  return { activation, tree };
}

async function benchListing(): Promise<unknown> {
  const listing = await runListing();
  printListing(listing);
  return listing;
}

async function benchContacts(): Promise<unknown> {
  const contacts = await runContacts();
  printContacts(contacts);
  return contacts;
}

async function benchMemory(): Promise<unknown> {
  const memory = await runMemory();
  printMemory(memory);
  return memory;
}

const BENCHMARKS: Record<string, () => Promise<unknown>> = {
  sizes: benchSizes,
  host: benchHost,
  listing: benchListing,
  contacts: benchContacts,
  memory: benchMemory,
};

async function main(): Promise<number> {
  const machine = describeMachine();
  console.log(`Machine: ${machine.cpus} CPUs (${machine.cpuModel}), ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.platform}`);
  console.log(`Date: ${machine.date}; load average ${machine.loadAverageAtStart.join(' ')}\n`);

  const results: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const [name, run] of Object.entries(BENCHMARKS)) {
    try {
      results[name] = await run();
    } catch (error) {
      errors[name] = error instanceof Error ? (error.stack ?? error.message) : String(error);
      console.error(`Benchmark "${name}" crashed: ${errors[name]}`);
    }
    console.log();
  }

  machine.loadAverageAtEnd = os.loadavg().map((value) => Math.round(value * 100) / 100);
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const json = JSON.stringify({ machine, results, errors }, null, 2);
  const file = path.join(RESULTS_DIR, `${machine.date.replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, json);
  fs.writeFileSync(path.join(RESULTS_DIR, 'latest.json'), json);
  console.log(`Load average at the end: ${machine.loadAverageAtEnd.join(' ')}`);
  console.log(`Results written to ${path.relative(process.cwd(), file)} and bench/results/latest.json`);

  return Object.keys(errors).length > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
