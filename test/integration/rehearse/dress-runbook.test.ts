import { X509Certificate } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clusterProvider, openEtcdClient, seedKeys } from '../../../harness/index.js';
import { generateIdentity } from '../../../src/backup/age.js';
import { rehearseInventory } from '../../../src/commands/rehearse-inventory.js';
import type { NodeTarget } from '../../../src/nodes/connect.js';
import { StderrProgress } from '../../../src/progress.js';
import { renderDressRehearsalMarkdown } from '../../../src/report/dress-rehearsal.js';
import { ETCD_MATRIX } from '../../support/etcd-matrix.js';
import { PlaintextScan } from '../../support/plaintext-scan.js';
import { RUNBOOK_INVENTORY } from '../../unit/harness/runbook-inventory.js';
import { backUpHarnessCluster } from '../recovery/harness-backup.js';

// The Kubespray runbook's own example inventory (seeds/000, after its edit: all three masters in
// [broken_etcd] and [broken_kube_control_plane]), with addresses from 192.0.2.0/24, which
// nothing here may contact. The backup comes from a harness cluster of the same shape (the
// runbook topology: etcd1..5 on m1 m2 m3 w1 w2), taken by the real backup pipeline, encrypted.
const version = ETCD_MATRIX[0];
const keys = 400;
let dir: string;
let backup: string;
let backupWithoutCaKey: string;
let identityFile: string;
let secret: string;
/** Every private key the backup holds (the source cluster's PKI), to grep the outputs for. */
let privateKeys: string[] = [];
/** The backed-up cluster's etcd CA and node addresses (the replica must run on that CA, not at those addresses). */
let sourceCa: X509Certificate;
let sourceAddresses: string[] = [];

async function keysUnder(root: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(root, { withFileTypes: true, recursive: true })) {
    if (e.isFile() && (e.name.endsWith('-key.pem') || e.name.endsWith('.key'))) {
      const text = await readFile(join(e.parentPath, e.name), 'utf8');
      // The base64 body of the key: what a leak would show, whatever wraps it.
      out.push(...text.split('\n').filter((l) => l.length > 40 && !l.startsWith('-----')));
    }
  }
  return out;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dress-runbook-'));
  const progress = new StderrProgress({ quiet: !process.env.KUBE_RESCUE_VERBOSE });
  const id = generateIdentity();
  secret = id.secret;
  identityFile = join(dir, 'backup.agekey');
  await writeFile(identityFile, `${secret}\n`, { mode: 0o600 });
  // One harness cluster at a time: the source cluster is gone before the replica starts.
  const source = await clusterProvider('local').start('runbook', {
    progress,
    etcdVersion: version,
  });
  try {
    const client = await openEtcdClient(source.etcdEndpoints, source.tls);
    try {
      await seedKeys(client, { keys, valueBytes: 512, seed: 'dress-runbook' });
    } finally {
      client.close();
    }
    backup = await backUpHarnessCluster(source, join(dir, 'backups'), progress, [
      id.identity.recipient,
    ]);
    // A second set whose archives hold no etcd CA key (moved off the masters first): the
    // replica cannot reissue on the backup's CA and must keep its own PKI, and say so.
    for (const m of ['taco-m1', 'taco-m2', 'taco-m3']) {
      await source.node(m).sh('mv /etc/ssl/etcd/ssl/ca-key.pem /root/ca-key.pem.kept');
    }
    await new Promise((r) => setTimeout(r, 1100)); // a set name of its own (one per second)
    backupWithoutCaKey = await backUpHarnessCluster(source, join(dir, 'backups'), progress, [
      id.identity.recipient,
    ]);
    privateKeys = await keysUnder(join(source.workDir, 'pki'));
    sourceCa = new X509Certificate(await readFile(join(source.workDir, 'pki', 'etcd', 'ca.pem')));
    sourceAddresses = source.nodes.map((n) => n.ip);
  } finally {
    await source.stop();
  }
  await writeFile(join(dir, 'hosts.ini'), RUNBOOK_INVENTORY);
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('dress rehearsal of the Kubespray runbook example', () => {
  it("rehearses the loss of all three masters on a replica with the backup's data, with the plan production would get", {
    timeout: 1_200_000,
  }, async () => {
    const log: string[] = [];
    const progress = new StderrProgress({ verbose: true, write: (s) => log.push(s) });
    const targets: NodeTarget[] = [];
    const reportFile = join(dir, 'report.json');
    // Nothing of the user's backup may be decrypted onto this machine: the rehearsal's temp
    // dirs (the replica's work dir among them) go to a dir of this test, watched throughout
    // with the test's own dir (the set, the report), for a snapshot, a tar, or a private key
    // of the backup or the identity in any file.
    const runTmp = await mkdtemp(join(tmpdir(), 'dress-runbook-tmp-'));
    const savedTmp = process.env.TMPDIR;
    process.env.TMPDIR = runTmp;
    const scan = new PlaintextScan(
      [runTmp, dir],
      [...privateKeys, secret.slice('AGE-SECRET-KEY-'.length)],
    ).start();
    const report = await rehearseInventory(
      {
        inventory: join(dir, 'hosts.ini'),
        backup,
        identityFiles: [identityFile],
        report: reportFile,
        onConnect: (t) => targets.push(t),
      },
      { progress },
    )
      .catch((err: unknown) => {
        process.stderr.write(log.join('').slice(-8000));
        throw err;
      })
      .finally(() => {
        // Assigning undefined would set the string "undefined".
        if (savedTmp === undefined) delete process.env.TMPDIR;
        else process.env.TMPDIR = savedTmp;
      });
    const plaintext = await scan.stop();
    plaintext.delete(identityFile);
    process.stdout.write(renderDressRehearsalMarkdown(report));

    expect(report.ok, report.error).toBe(true);
    expect(report.etcdVersion).toBe(version);
    expect(report.topology.nodes.map((n) => [n.name, n.etcdMemberName])).toEqual([
      ['taco-w1', 'etcd4'],
      ['taco-m1', 'etcd1'],
      ['taco-m2', 'etcd2'],
      ['taco-m3', 'etcd3'],
      ['taco-w2', 'etcd5'],
    ]);
    // The backup's data: brought in by the real restore, every key checked against the file.
    expect(report.data.source).toBe('backup');
    expect(report.bringUp?.keyspaceStatus).toBe('passed');
    expect(report.data.keys).toBeGreaterThanOrEqual(keys);
    // Quorum lost (2 of 5 left): snapshot from a surviving worker member, masters from archives.
    expect(report.replicaPlan?.case).toBe('quorum-loss+cert-loss');
    expect(report.replicaPlan?.source).toMatch(/^survivor taco-w[12] \(etcd[45]\)$/);
    expect(report.planMatch).toMatchObject({ match: true, differences: [] });
    expect(report.productionPlan?.steps).toEqual(report.replicaPlan?.steps);
    expect(report.rtoSeconds).toBeGreaterThan(0);
    expect(report.keysLost).toBe(0);
    expect(report.keysVerified).toBe(report.data.keys);
    expect(report.writesLost).toBe(0);

    // The node archives were unpacked where the layout puts them, and the replica's etcd ran
    // on the backup's CA: its members' certificates (reissued for the replica's addresses on a
    // replica node with the backup's CA key) verify against the backed-up cluster's CA and name
    // the replica's addresses only.
    const pki = report.pki!;
    expect(pki.source, pki.reason).toBe('backup');
    expect(pki.unpacked.map((u) => u.node).sort()).toEqual(['taco-m1', 'taco-m2', 'taco-m3']);
    for (const u of pki.unpacked) expect(u.entries).toBeGreaterThan(5);
    expect(pki.caFingerprint).toBe(sourceCa.fingerprint256);
    expect(new X509Certificate(pki.caCert).fingerprint256).toBe(sourceCa.fingerprint256);
    expect(Object.keys(pki.memberCerts).sort()).toEqual([
      'taco-m1',
      'taco-m2',
      'taco-m3',
      'taco-w1',
      'taco-w2',
    ]);
    for (const [host, pem] of Object.entries(pki.memberCerts)) {
      const cert = new X509Certificate(pem);
      expect(cert.verify(sourceCa.publicKey), host).toBe(true);
      expect(cert.checkIssued(sourceCa), host).toBe(true);
      const ips = [...(cert.subjectAltName ?? '').matchAll(/IP Address:([0-9.]+)/g)].map(
        (m) => m[1],
      );
      const own = report.topology.nodes.find((n) => n.name === host)!.replicaAddress;
      expect(ips.sort(), host).toEqual([own, '127.0.0.1'].sort());
      for (const ip of ips) {
        expect(sourceAddresses).not.toContain(ip);
        expect(ip).not.toMatch(/^192\.0\.2\./);
      }
    }
    expect(pki.reissued.join(' ')).toMatch(/member-taco-m1\.pem/);
    expect(renderDressRehearsalMarkdown(report)).toContain(
      `the replica's etcd ran on the backup's CA (sha256 fingerprint ${sourceCa.fingerprint256}, from ${pki.caNode}'s archive)`,
    );

    // The inventory's real addresses are never contacted: every node connection went to the
    // replica's own network, none to 192.0.2.0/24.
    expect(targets.length).toBeGreaterThan(0);
    const replicaAddresses = report.topology.nodes.map((n) => n.replicaAddress);
    for (const t of targets) {
      expect(t.address).not.toMatch(/^192\.0\.2\./);
      expect(replicaAddresses).toContain(t.address);
    }

    // Secrets stay in the throw-away cluster: neither the identity nor any private key of the
    // backup is in the report or the log.
    const written = await readFile(reportFile, 'utf8');
    const text = `${written}\n${renderDressRehearsalMarkdown(report)}\n${log.join('')}`;
    expect(privateKeys.length).toBeGreaterThan(0);
    expect(text).not.toContain(secret);
    expect(text).not.toContain(secret.slice('AGE-SECRET-KEY-'.length));
    for (const k of privateKeys) expect(text).not.toContain(k);
    expect(text).not.toMatch(/AGE-SECRET-KEY-1[0-9A-Z]{20}/);

    // And no file of this machine held the backup's plaintext at any time of the run: the
    // keyspace checks read the restored snapshots on the replica's nodes.
    expect(Object.fromEntries(plaintext)).toEqual({});
    expect(report.bringUp?.keyspace).toMatch(/read on that node/);
    expect(report.verification?.find((v) => v.name === 'keyspace')?.detail).toMatch(
      /read on that node/,
    );
    // Nothing of the run is left in its temp dir: the replica's work dir went with it.
    expect((await readdir(runTmp)).filter((e) => /^kube-rescue-(cluster|verify)-/.test(e))).toEqual(
      [],
    );
    await rm(runTmp, { recursive: true, force: true });
  });

  it("keeps the replica's own etcd PKI, and says so, when no archive holds the CA key", {
    timeout: 1_200_000,
  }, async () => {
    const log: string[] = [];
    const progress = new StderrProgress({ verbose: true, write: (s) => log.push(s) });
    const report = await rehearseInventory(
      {
        inventory: join(dir, 'hosts.ini'),
        backup: backupWithoutCaKey,
        identityFiles: [identityFile],
        report: join(dir, 'report-without-ca-key.json'),
      },
      { progress },
    ).catch((err: unknown) => {
      process.stderr.write(log.join('').slice(-8000));
      throw err;
    });
    const markdown = renderDressRehearsalMarkdown(report);
    process.stdout.write(markdown);
    expect(report.ok, report.error).toBe(true);
    const pki = report.pki!;
    expect(pki.source).toBe('replica');
    expect(pki.reason).toMatch(/no archive of the set holds the etcd CA key/);
    expect(pki.unpacked.map((u) => u.node).sort()).toEqual(['taco-m1', 'taco-m2', 'taco-m3']);
    expect(pki.reissued).toEqual([]);
    // Its own CA, not the backup's, and its members' certificates chain to it.
    expect(pki.caFingerprint).not.toBe(sourceCa.fingerprint256);
    const ca = new X509Certificate(pki.caCert);
    for (const [host, pem] of Object.entries(pki.memberCerts)) {
      expect(new X509Certificate(pem).verify(ca.publicKey), host).toBe(true);
    }
    expect(markdown).toMatch(
      /the replica kept its own etcd PKI: no archive of the set holds the etcd CA key/,
    );
    expect(report.keysLost).toBe(0);
  });
});
