import { OperationError } from '../src/errors.js';
import type { EtcdClientTls } from './cluster.js';
import { runCommand } from './docker-cli.js';

/**
 * etcd health as `etcdctl endpoint health` judges it (a quorum read through that member),
 * run from the host over TLS with the harness's client certificate.
 */
export interface EndpointHealth {
  endpoint: string;
  healthy: boolean;
  /** etcdctl's own words when unhealthy. */
  error?: string;
}

export async function endpointHealth(
  endpoint: string,
  tls: EtcdClientTls,
  timeoutSeconds = 3,
): Promise<EndpointHealth> {
  const r = await runCommand(
    'etcdctl',
    [
      `--endpoints=${endpoint}`,
      `--cacert=${tls.cacert}`,
      `--cert=${tls.cert}`,
      `--key=${tls.key}`,
      `--dial-timeout=${timeoutSeconds}s`,
      `--command-timeout=${timeoutSeconds}s`,
      'endpoint',
      'health',
    ],
    { allowFailure: true, timeoutMs: (timeoutSeconds + 5) * 1000 },
  ).catch((e: Error) => ({ code: -1, stdout: '', stderr: e.message }));
  const text = `${r.stdout}${r.stderr}`.trim();
  const healthy = r.code === 0 && /is healthy/.test(text);
  return healthy ? { endpoint, healthy } : { endpoint, healthy, error: text };
}

export async function clusterHealth(
  endpoints: readonly string[],
  tls: EtcdClientTls,
  timeoutSeconds = 3,
): Promise<EndpointHealth[]> {
  return Promise.all(endpoints.map((e) => endpointHealth(e, tls, timeoutSeconds)));
}

/** Waits until every endpoint is healthy; the error lists the ones that are not and why. */
export async function waitForEtcdHealthy(
  endpoints: readonly string[],
  tls: EtcdClientTls,
  options: { timeoutMs?: number } = {},
): Promise<void> {
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  let last: EndpointHealth[] = [];
  while (Date.now() < deadline) {
    last = await clusterHealth(endpoints, tls, 2);
    if (last.every((h) => h.healthy)) return;
    await new Promise((r) => setTimeout(r, 300));
  }
  const bad = last
    .filter((h) => !h.healthy)
    .map((h) => `${h.endpoint}: ${h.error}`)
    .join('; ');
  throw new OperationError(
    `etcd did not become healthy in ${Math.round((options.timeoutMs ?? 60_000) / 1000)} s: ${bad}. Look at \`journalctl -u etcd\` on those nodes.`,
  );
}
