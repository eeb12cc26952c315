#!/usr/bin/env node
// Entry of `npm test`: builds what the chosen tiers need, then runs them.
//   node test/run.js [unit] [host] [ui]   (all three when none is named)
//   node test/run.js demo                  (the main job: the extension in code-server)
const { execSync } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const requested = process.argv.slice(2);

function step(command) {
  console.log(`> ${command}`);
  execSync(command, { cwd: root, stdio: 'inherit' });
}

async function start() {
  // Type-check and compile tests, sources and benchmarks into out/.
  step('npm run --silent compile-tests');

  if (requested[0] === 'demo') {
    step('npm run --silent package');
    const { runDemo } = require(path.join(root, 'out/test/harness/demo.js'));
    await runDemo(requested.slice(1));
    return;
  }

  const tiers = requested.length > 0 ? requested : ['unit', 'host', 'ui'];
  for (const tier of tiers) {
    if (!['unit', 'host', 'ui'].includes(tier)) {
      throw new Error(`Unknown tier "${tier}". Use unit, host, ui or demo.`);
    }
  }
  if (tiers.includes('host') || tiers.includes('ui')) {
    // Builds the bundles the in-host tier loads and the .vsix the UI tier installs.
    step('npm run --silent package');
  }
  const { main } = require(path.join(root, 'out/test/harness/main.js'));
  process.exitCode = await main(tiers);
}

start().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
