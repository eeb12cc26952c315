// Benchmark 4: the heap that the extension's ProjectModel retains with 1,000 and 10,000 conflicts
// and all their contacts loaded. The sandbox runs in a child process, so this process's heap
// contains the client and the model only. The model's size is heapUsed with it minus heapUsed
// after releasing it. Plain growth (with it minus before it) is printed too, but it varied by
// about ±10% at 1,000 conflicts between repeated runs, because whatever else the process
// allocates while loading (compiled code, sockets, buffers) counts as growth too.
import { ExtensionSide } from './clients';
import type { ProjectModel } from '../src/tree/projectModel';
import { SandboxProcess } from './sandboxProcess';
import { kib, ratio, round } from './stats';

const SIZES = [1_000, 10_000];
const WARMUP_CONFLICTS = 1_000;

/** Rate limits high enough that the limits never pace this benchmark. */
const UNLIMITED_RATE = 1_000_000;

export interface MemorySample {
  conflicts: number;
  contacts: number;
  /** heapUsed with the model loaded − heapUsed before it was created. */
  heapGrowthBytes: number;
  /** heapUsed with the model loaded − heapUsed once it was released: the model's own size. */
  retainedBytes: number;
  /** retainedBytes / conflicts. */
  bytesPerConflict: number;
}

export interface MemoryResult {
  samples: MemorySample[];
  /** Bytes per conflict at 10,000 / bytes per conflict at 1,000; about 1 for linear growth. */
  perConflictRatio: number;
}

function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) {
    throw new Error('global.gc is missing: run the benchmark with "node --expose-gc" (npm run bench does).');
  }
  // A second pass frees what finalizers of the first released.
  gc();
  gc();
}

function heapUsed(): number {
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

async function loadEverything(model: ProjectModel): Promise<number> {
  await model.loadAll();
  const conflicts = model.conflictState().conflicts;
  const results = (await Promise.all(conflicts.map((conflict) => model.loadContacts(conflict)))).flat();
  const failed = results.filter((result) => result.status === 'rejected').length;
  if (failed > 0) {
    throw new Error(`${failed} of ${results.length} contact reads failed while filling the model.`);
  }
  return results.length;
}

export async function runMemory(): Promise<MemoryResult> {
  const sandbox = await SandboxProcess.start({ seed: 'large', largeConflicts: WARMUP_CONFLICTS });
  const side = new ExtensionSide(sandbox, { maxRequestsPerSecond: UNLIMITED_RATE });
  const samples: MemorySample[] = [];

  try {
    await sandbox.setLatency(0);
    await sandbox.setRateLimit(UNLIMITED_RATE);

    // Loads the modules, the token and the client's sockets before the first measurement.
    await loadEverything(side.newModel());

    for (const size of SIZES) {
      await sandbox.reset('large', size);
      const before = heapUsed();

      let model: ProjectModel | undefined = side.newModel();
      const contacts = await loadEverything(model);
      const loaded = model.conflictState().conflicts.length;
      const withModel = heapUsed();
      model = undefined;
      const released = heapUsed();

      if (loaded !== size) {
        throw new Error(`The model contains ${loaded} conflicts; expected ${size}.`);
      }
      samples.push({
        conflicts: size,
        contacts,
        heapGrowthBytes: withModel - before,
        retainedBytes: withModel - released,
        bytesPerConflict: round((withModel - released) / size, 1),
      });
    }
  } finally {
    await sandbox.stop();
  }

  return { samples, perConflictRatio: round(samples[1].bytesPerConflict / samples[0].bytesPerConflict, 3) };
}

export function printMemory(result: MemoryResult): void {
  console.log('4. Memory of the ProjectModel (heapUsed after global.gc(), sandbox in a child process)');
  for (const sample of result.samples) {
    console.log(
      `   ${String(sample.conflicts).padStart(6)} conflicts + ${String(sample.contacts).padStart(6)} contacts   ` +
        `retained ${kib(sample.retainedBytes).padStart(11)} = ${sample.bytesPerConflict.toFixed(0)} bytes per conflict   ` +
        `(heap growth ${kib(sample.heapGrowthBytes)})`,
    );
  }
  console.log(`   bytes per conflict at ${result.samples[1].conflicts} / at ${result.samples[0].conflicts}: ${ratio(result.perConflictRatio)}   (linear growth: about 1)`);
}
