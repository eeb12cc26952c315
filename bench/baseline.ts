// The round-trip time of a near-empty request, the part of every page's time that no client
// can avoid: one keep-alive connection, HTTP Basic (no token), and no client logic.
import * as http from 'node:http';
import { performance } from 'node:perf_hooks';
import type { SandboxAddress } from './sandboxAddress';
import { median } from './stats';

function get(agent: http.Agent, url: string, authorization: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent, headers: { authorization, accept: 'application/json' } }, (response) => {
      response.resume();
      response.once('end', () => resolve(response.statusCode ?? 0));
    });
    request.once('error', reject);
  });
}

/**
 * Returns the median time of `samples` GETs of the project's apps (a response of a few
 * hundred bytes) after `warmup` unmeasured ones, in milliseconds. The sandbox should have
 * no latency set.
 */
export async function baselineRttMs(sandbox: SandboxAddress, samples = 50, warmup = 10): Promise<number> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const url = `${sandbox.conversationUrl(sandbox.region)}/v1/projects/${sandbox.projectId}/apps`;
  const authorization = `Basic ${Buffer.from(`${sandbox.keyId}:${sandbox.keySecret}`).toString('base64')}`;
  const times: number[] = [];

  try {
    for (let i = 0; i < warmup + samples; i++) {
      const started = performance.now();
      const status = await get(agent, url, authorization);
      if (status !== 200) {
        throw new Error(`Baseline request GET ${url} returned HTTP ${status}; expected 200. Check that the sandbox runs with its default key.`);
      }
      if (i >= warmup) {
        times.push(performance.now() - started);
      }
    }
  } finally {
    agent.destroy();
  }
  return median(times);
}
