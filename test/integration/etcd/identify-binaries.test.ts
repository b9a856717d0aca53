import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identifyEtcdBinaries } from '../../../src/etcd/version.js';
import { LocalTransport } from '../../../src/nodes/local.js';
import { etcdUnderTest } from '../../support/etcd-versions.js';

// The etcd of a node, identified from its binaries alone (no member runs): what quorum loss and
// total loss plan with. Real binaries of every version under test.
const local = new LocalTransport('node1');
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kube-rescue-identify-'));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('identifying the etcd binaries of a node', () => {
  it.each([
    ['3.4', 'etcdctl', false],
    ['3.5', 'etcdutl', true],
    ['3.6', 'etcdutl', true],
  ] as const)('etcd %s: restores with %s, bump offered: %s', async (version, tool, bump) => {
    const etcd = etcdUnderTest(version);
    if (etcd.missing) throw new Error(etcd.missing);
    const found = await identifyEtcdBinaries(local, etcd.commands);
    if (!('tools' in found)) throw new Error(found.error);
    expect(found.tools).toMatchObject({ snapshotTool: tool, bumpRevision: bump });
    expect(found.tools.server).toMatch(new RegExp(`^${version.replace('.', '\\.')}\\.\\d+$`));
    expect(found.tools.snapshotToolVersion).toBe(found.tools.server);
  });

  it('etcdctl 3.6 without etcdutl: an error that names the node and what is missing', async () => {
    const bin = join(dir, 'no-etcdutl');
    const v36 = etcdUnderTest('3.6');
    const found = await identifyEtcdBinaries(local, {
      ...v36.commands,
      etcdutl: [join(bin, 'etcdutl')],
    });
    expect('error' in found && found.error).toMatch(
      /^node1: Node node1 has etcdctl 3\.6\.\d+ but no etcdutl.*looked for .*no-etcdutl\/etcdutl/,
    );
  });

  it('no etcd binary: the error names the node and the path looked at', async () => {
    const v35 = etcdUnderTest('3.5');
    const found = await identifyEtcdBinaries(local, {
      ...v35.commands,
      etcd: [join(dir, 'missing', 'etcd')],
    });
    expect('error' in found && found.error).toMatch(
      /^node1: no etcd binary answers .*missing\/etcd --version/,
    );
  });

  it("kubeadm without a host etcd: the version is the static pod's image tag", async () => {
    const v36 = etcdUnderTest('3.6');
    const manifest = join(dir, 'etcd.yaml');
    await writeFile(
      manifest,
      'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - command:\n    - etcd\n    image: registry.k8s.io/etcd:3.6.4-0\n    name: etcd\n',
    );
    const tools = join(dir, 'tools');
    await rm(tools, { recursive: true, force: true });
    await mkdir(tools);
    await symlink(v36.commands.etcdutl[0]!, join(tools, 'etcdutl'));
    const found = await identifyEtcdBinaries(
      local,
      {
        etcd: [join(tools, 'etcd')],
        etcdctl: [join(tools, 'etcdctl')],
        etcdutl: [join(tools, 'etcdutl')],
      },
      [join(dir, 'parked.yaml'), manifest],
    );
    if (!('tools' in found)) throw new Error(found.error);
    expect(found.tools).toMatchObject({
      server: '3.6.4',
      snapshotTool: 'etcdutl',
      bumpRevision: true,
    });
    expect(found.tools.from).toContain(`image registry.k8s.io/etcd:3.6.4-0 in ${manifest}`);
  });
});
