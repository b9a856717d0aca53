import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalEtcdCluster } from '../../../src/etcd/local-cluster.js';
import { startS3rver } from './s3-server.js';

// One S3 configuration for every command: a set backed up to a real S3-speaking server
// (s3rver on 127.0.0.1) is listed, verified, and read by plan and restore, with the endpoint
// given once by flag and once by the standard AWS environment. The cluster in the inventory
// does not answer (its one host is a closed loopback port), so plan and restore stop at the
// node-access check after reading the set: what this proves is that they read it from the
// configured endpoint. Recovering a real cluster from S3 is left to the harness tests.
let dir: string;
let server: S3rver;
let endpoint: string;
let etcd: LocalEtcdCluster;
let inventory: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kube-rescue-s3-commands-'));
  ({ server, endpoint } = await startS3rver(join(dir, 's3')));
  etcd = await LocalEtcdCluster.start({ size: 1, dir: join(dir, 'etcd') });
  inventory = join(dir, 'hosts.ini');
  await writeFile(
    inventory,
    [
      '[all]',
      'node1 ansible_host=127.0.0.1 ansible_port=1 etcd_member_name=etcd1',
      '[all:vars]',
      'cluster_name=s3c',
      '[kube_control_plane]',
      'node1',
      '[etcd]',
      'node1',
      '[kube_node]',
      'node1',
      '[k8s_cluster:children]',
      'kube_control_plane',
      'kube_node',
      '',
    ].join('\n'),
  );
}, 120_000);

afterAll(async () => {
  await etcd?.stop();
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** The real CLI through tsx, asynchronous: s3rver runs in this process and must keep answering. */
function cli(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  const base = { ...process.env };
  for (const k of Object.keys(base)) if (/^AWS_/.test(k)) delete base[k];
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src/cli.ts', ...args],
      {
        env: { ...base, AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER', ...env },
        timeout: 120_000,
        maxBuffer: 16 * 1024 * 1024,
      },
      (err, stdout, stderr) => {
        const code = err ? (err as { code?: number }).code : 0;
        resolve({ code: typeof code === 'number' ? code : 1, stdout, stderr });
      },
    );
  });
}

describe.each([
  { how: 'by flag', prefix: 'by-flag', flags: () => ['--s3-endpoint', endpoint], env: () => ({}) },
  {
    how: 'by AWS_ENDPOINT_URL_S3',
    prefix: 'by-env',
    flags: () => [],
    env: () => ({ AWS_ENDPOINT_URL_S3: endpoint, AWS_REGION: 'eu-west-1' }),
  },
])('every command finds the S3 endpoint $how', ({ prefix, flags, env }) => {
  let setUrl: string;

  it('backup writes a set, list lists it, verify checks it', async () => {
    const b = await cli(
      [
        '--json',
        'backup',
        '--transport',
        'local',
        '--etcd-endpoints',
        etcd.endpoints.join(','),
        '--dest',
        `s3://backups/${prefix}`,
        '--etcd-only',
        '--cluster-name',
        's3c',
        ...flags(),
      ],
      env(),
    );
    expect(b.stderr).not.toMatch(/kube-rescue: /);
    expect(b.code).toBe(0);
    setUrl = JSON.parse(b.stdout).backupPath;
    expect(setUrl).toMatch(new RegExp(`^s3://backups/${prefix}/s3c-\\d{8}T\\d{6}Z$`));

    const l = await cli(['--json', 'list', `s3://backups/${prefix}`, ...flags()], env());
    expect(l.code).toBe(0);
    expect(JSON.parse(l.stdout).map((s: { url: string }) => s.url)).toEqual([setUrl]);

    const v = await cli(['--json', 'verify', setUrl, ...flags()], env());
    expect(v.code).toBe(0);
    const checks: { name: string; ok: boolean }[] = JSON.parse(v.stdout).checks;
    expect(checks.length).toBeGreaterThan(2);
    expect(checks.filter((c) => !c.ok)).toEqual([]);
  }, 180_000);

  it.each([['plan'], ['restore', '--dry-run']])(
    '%s reads the set from the same endpoint before it reaches for the nodes',
    async (...command) => {
      const r = await cli(
        [...command, '-i', inventory, '--backup', setUrl, '--transport', 'ssh', ...flags()],
        env(),
      );
      // The set was read: the manifest came from s3rver, and the refusal is about the node:
      // our own missing key, said as such (exit 2), not taken for a doubtful node.
      expect(r.stderr).toContain(`✔ Read backup set ${setUrl}`);
      expect(r.stderr).toMatch(/kube-rescue: No SSH key for node node1: give --ssh-key/);
      expect(r.stderr).not.toMatch(/Cannot read the backup set|the cluster may be healthy/);
      expect(r.code).toBe(2);
    },
    180_000,
  );
});

describe('a wrong S3 endpoint is named in the error', () => {
  it('plan against a closed loopback port: the set cannot be read, nothing else is tried', async () => {
    const r = await cli(
      [
        'plan',
        '-i',
        inventory,
        '--backup',
        's3://backups/by-flag/s3c-20261122T000000Z',
        '--s3-endpoint',
        'http://127.0.0.1:1',
      ],
      {},
    );
    expect(r.stderr).toMatch(/http:\/\/127\.0\.0\.1:1/);
    expect(r.stderr).not.toMatch(/Probe the cluster/);
    expect(r.code).not.toBe(0);
  }, 120_000);

  it('an endpoint that is not an http(s) URL is bad input (exit 2), from flag or environment', async () => {
    const byFlag = await cli(['list', 's3://backups/x', '--s3-endpoint', 'minio:9000'], {});
    expect(byFlag.code).toBe(2);
    expect(byFlag.stderr).toMatch(/Invalid S3 endpoint 'minio:9000' from .*--s3-endpoint/);
    const byEnv = await cli(['list', 's3://backups/x'], { AWS_ENDPOINT_URL: 'ftp://127.0.0.1' });
    expect(byEnv.code).toBe(2);
    expect(byEnv.stderr).toMatch(
      /Invalid S3 endpoint 'ftp:\/\/127\.0\.0\.1' from AWS_ENDPOINT_URL/,
    );
  }, 120_000);
});
