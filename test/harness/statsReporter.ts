// A mocha reporter: the usual spec output, plus the counts written as JSON to the file named
// by SINCH_STATS_FILE, which the runner adds up into one summary line over all tiers.
import * as fs from 'node:fs';
import Mocha = require('mocha');
import { fromMochaStats } from './stats';

class StatsReporter extends Mocha.reporters.Spec {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      const file = process.env.SINCH_STATS_FILE;
      if (file) {
        fs.writeFileSync(file, JSON.stringify(fromMochaStats(runner.stats)));
      }
    });
  }
}

export = StatsReporter;
