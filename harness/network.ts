import { OperationError } from '../src/errors.js';
import { docker } from './docker-cli.js';

/**
 * The cluster's own `--internal` network (no route out) with a /24 in 10.240.0.0/16 that no
 * other docker network uses. Made with the docker CLI: testcontainers' Network has no
 * options for `--internal` or a chosen subnet.
 */
export interface ClusterNetwork {
  name: string;
  /** e.g. `10.240.7` */
  prefix: string;
  subnet: string;
  /** The address the host has on this network (the bridge gateway). */
  gateway: string;
}

async function subnetsInUse(): Promise<Set<string>> {
  // Another run may remove a network between the listing and the inspection ("network … not
  // found"): look again. What was printed still counts; a subnet missed here only makes
  // `network create` below refuse it, and the next one is tried.
  for (let attempt = 1; ; attempt++) {
    const ids = (await docker(['network', 'ls', '-q'])).stdout.split('\n').filter(Boolean);
    if (ids.length === 0) return new Set();
    const out = await docker(
      ['network', 'inspect', '--format', '{{range .IPAM.Config}}{{.Subnet}} {{end}}', ...ids],
      { allowFailure: true },
    );
    const gone = out.code !== 0 && /not found/i.test(out.stderr);
    if (out.code !== 0 && !gone) {
      throw new OperationError(
        `docker network inspect failed (exit ${out.code}): ${out.stderr.trim()}`,
      );
    }
    if (!gone || attempt >= 5) return new Set(out.stdout.split(/\s+/).filter(Boolean));
  }
}

export async function createClusterNetwork(
  name: string,
  labels: Record<string, string>,
): Promise<ClusterNetwork> {
  const used = await subnetsInUse();
  const start = Math.floor(Math.random() * 250);
  let lastError = '';
  for (let k = 0; k < 250; k++) {
    const third = ((start + k) % 250) + 1;
    const prefix = `10.240.${third}`;
    const subnet = `${prefix}.0/24`;
    if (used.has(subnet)) continue;
    const r = await docker(
      [
        'network',
        'create',
        '--internal',
        '--subnet',
        subnet,
        '--gateway',
        `${prefix}.1`,
        ...Object.entries(labels).flatMap(([k2, v]) => ['--label', `${k2}=${v}`]),
        name,
      ],
      { allowFailure: true },
    );
    if (r.code === 0) return { name, prefix, subnet, gateway: `${prefix}.1` };
    lastError = r.stderr.trim();
    // Another run may have taken the same subnet between our look and our create.
    if (!/overlap|already/i.test(lastError)) break;
  }
  throw new OperationError(
    `Could not create the harness network ${name} in 10.240.0.0/16: ${lastError || 'every /24 is in use'}. Remove stale networks with \`docker network ls\`.`,
  );
}

export async function removeNetwork(name: string): Promise<void> {
  await docker(['network', 'rm', name], { allowFailure: true });
}
