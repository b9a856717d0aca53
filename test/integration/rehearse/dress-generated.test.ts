import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ETCD_MATRIX } from '../../support/etcd-matrix.js';

// The CLI end to end, without a backup: a 3-node stacked inventory (documentation addresses,
// never contacted), one member lost, generated data; the exit code, the table and the report.
const INVENTORY = `[all]
cp-a ansible_host=198.51.100.10
cp-b ansible_host=198.51.100.11 etcd_member_name=b
cp-c ansible_host=198.51.100.12

[all:vars]
cluster_name=prod.example

[kube_control_plane]
cp-a
cp-b
cp-c

[etcd]
cp-a
cp-b
cp-c

[kube_node]
cp-a
cp-b
cp-c
`;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dress-generated-'));
  await writeFile(join(dir, 'hosts.ini'), INVENTORY);
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('kube-rescue rehearse -i without a backup', () => {
  it('rehearses a lost member on generated data and prints the table', {
    timeout: 900_000,
  }, async () => {
    const report = join(dir, 'report.json');
    const args = ['--import', 'tsx', 'src/cli.ts', 'rehearse', '-i', join(dir, 'hosts.ini')];
    args.push('--broken-etcd', 'cp-b', '--keys', '300', '--etcd-version', ETCD_MATRIX[0]);
    args.push('--report', report);
    const r = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        args,
        { encoding: 'utf8', timeout: 880_000 },
        (err, stdout, stderr) =>
          resolve({
            code: err ? (typeof err.code === 'number' ? err.code : 1) : 0,
            stdout,
            stderr,
          }),
      );
    });
    process.stdout.write(r.stdout);
    expect(r.code, r.stderr.slice(-4000)).toBe(0);
    expect(r.stdout).toMatch(
      /\| cp-a \(cp, etcd1\) · cp-b \(cp, b\) · cp-c \(cp, etcd3\) \| etcd lost on cp-b \| \d+ keys, [\d.]+ KiB generated \| member-loss[^|]* \| ✅ same \d+ steps \| [\d.]+ s \| (\d+) of \1 \| 0 of \d+ writes after the backup lost \|/,
    );
    const json = JSON.parse(await readFile(report, 'utf8'));
    expect(json).toMatchObject({ ok: true, cluster: 'prod.example', keysLost: 0, writesLost: 0 });
    expect(json.data.keys).toBeGreaterThanOrEqual(301);
    expect(json.replicaPlan.steps).toEqual(json.productionPlan.steps);
    expect(JSON.stringify(json.replicaPlan)).not.toMatch(/198\.51\.100\./);
    for (const n of json.topology.nodes) expect(n.replicaAddress).toMatch(/^10\.240\.\d+\.\d+$/);
  });
});
