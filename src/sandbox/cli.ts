// `npm run sandbox`: runs the sandbox in a terminal until SIGINT or SIGTERM.
import { REGIONS, type Region } from '../sinch/types';
import type { SandboxOptions, SeedName } from './api';
import { startSandbox } from './index';
import { SEED_NAMES } from './seeds';

const HELP = `Usage: npm run sandbox -- [options]

Runs a local server that speaks the Sinch Conversation API subset this extension uses.
It listens on 127.0.0.1 only and keeps its data in memory.

Options:
  --port <n>              TCP port on 127.0.0.1 (default 0: a free port)
  --seed <name>           starting data: ${SEED_NAMES.join(', ')} (default default)
  --large-conflicts <n>   conflicts of the large seed (default 10000)
  --latency <ms>          fixed latency added to every response, in milliseconds (default 0)
  --jitter <ms>           extra random latency from 0 to <ms> milliseconds (default 0)
  --rate-limit <n>        requests per second per project before 429 (default 800)
  --token-lifetime <s>    lifetime of access tokens, in seconds (default 3600)
  --region <region>       region the project lives in: ${REGIONS.join(', ')} (default us)
  --help                  print this help
`;

const NUMBER_FLAGS: Record<string, keyof SandboxOptions> = {
  '--port': 'port',
  '--large-conflicts': 'largeConflicts',
  '--latency': 'latencyMs',
  '--jitter': 'jitterMs',
  '--rate-limit': 'rateLimitPerSecond',
  '--token-lifetime': 'tokenLifetimeSeconds',
};

function fail(message: string): never {
  process.stderr.write(`${message}\nRun with --help for the options.\n`);
  process.exit(2);
}

function parseArguments(args: string[]): SandboxOptions {
  const options: Record<string, unknown> = {};

  for (let i = 0; i < args.length; i++) {
    const flag = args[i];
    if (flag === '--help' || flag === '-h') {
      process.stdout.write(HELP);
      process.exit(0);
    }

    const value = args[++i];
    if (value === undefined) {
      fail(`Missing value for ${flag}.`);
    }

    if (flag in NUMBER_FLAGS) {
      const number = Number(value);
      if (!Number.isFinite(number) || number < 0) {
        fail(`Invalid ${flag} "${value}": use a number >= 0.`);
      }
      options[NUMBER_FLAGS[flag]] = number;
    } else if (flag === '--seed') {
      if (!SEED_NAMES.includes(value as SeedName)) {
        fail(`Invalid --seed "${value}": use one of ${SEED_NAMES.join(', ')}.`);
      }
      options.seed = value;
    } else if (flag === '--region') {
      if (!REGIONS.includes(value as Region)) {
        fail(`Invalid --region "${value}": use one of ${REGIONS.join(', ')}.`);
      }
      options.region = value;
    } else {
      fail(`Unknown option ${flag}.`);
    }
  }

  return options as SandboxOptions;
}

async function main(): Promise<void> {
  const options = parseArguments(process.argv.slice(2));
  const log = (line: string): void => {
    process.stdout.write(`${new Date().toISOString()} ${line}\n`);
  };
  const sandbox = await startSandbox({ ...options, log });
  const state = sandbox.control.state();

  // The key secret is printed on purpose: it is the sandbox's made-up key, not a Sinch secret.
  process.stdout.write(
    [
      `Sinch sandbox listening on ${sandbox.baseUrl} (seed ${options.seed ?? 'default'}: ${state.apps.length} apps, ${state.contacts.length} contacts, ${state.conflicts.length} conflicts)`,
      `  Conversation API  ${sandbox.conversationUrl(sandbox.region)}`,
      `  Token endpoint    ${sandbox.authUrl}`,
      `  Controls          ${sandbox.baseUrl}/__sandbox/`,
      `  Region            ${sandbox.region}`,
      `  Project ID        ${sandbox.projectId}`,
      `  Key ID            ${sandbox.keyId}`,
      `  Key secret        ${sandbox.keySecret}`,
      'Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );

  const stop = (signal: string): void => {
    process.stdout.write(`Received ${signal}; stopping the sandbox.\n`);
    sandbox.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(`Sandbox failed to start: ${(error as Error).message}\n`);
  process.exit(1);
});
