import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { beforeEach, describe, expect, it } from 'vitest';
import { generateIdentity } from '../../../src/backup/age.js';
import { buildManifest, serializeManifest } from '../../../src/backup/manifest.js';
import { storeObject } from '../../../src/backup/pipeline.js';
import { MANIFEST_SIGNATURE, signManifest } from '../../../src/backup/signature.js';
import { InputError } from '../../../src/errors.js';
import { BackupSource } from '../../../src/recovery/backup-source.js';
import type { Plan, Step } from '../../../src/recovery/plan.js';
import {
  checkPlanObjects,
  checkSignature,
  objectsNeeded,
  requireSignedManifest,
} from '../../../src/recovery/preflight.js';
import { LocalStore } from '../../../src/stores/local.js';
import { memberLossPlan } from './fixtures.js';

// A real set in a local store: objects through the real pipeline (gzip + age), a manifest
// built and signed as backup writes them, the real ssh-keygen. No cluster: the preflight
// reads only the store.
const dir = mkdtempSync(join(tmpdir(), 'kube-rescue-preflight-'));
const right = generateIdentity();
const rightFile = join(dir, 'right.agekey');
writeFileSync(rightFile, `${right.secret}\n`, { mode: 0o600 });
const wrongFile = join(dir, 'wrong.agekey');
writeFileSync(wrongFile, `${generateIdentity().secret}\n`, { mode: 0o600 });
const signKey = join(dir, 'sign');
execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', signKey]);
const trustedSigners = join(dir, 'allowed_signers');
writeFileSync(
  trustedSigners,
  `ci ${readFileSync(`${signKey}.pub`, 'utf8').split(' ').slice(0, 2).join(' ')}\n`,
);

let setDir: string;

async function writeSet(): Promise<string> {
  const store = new LocalStore(mkdtempSync(join(dir, 'store-')));
  const setName = 'c-20261122T000000Z';
  const set = await store.begin(setName);
  const opts = {
    compression: 'gzip' as const,
    recipients: [right.identity.recipient],
    mode: 0o600,
  };
  const objects = [
    await storeObject(Readable.from([randomBytes(100_000)]), set, {
      ...opts,
      base: 'etcd.db',
      kind: 'etcd-snapshot',
    }),
    await storeObject(Readable.from([randomBytes(300_000)]), set, {
      ...opts,
      base: 'node1-pki.tar',
      kind: 'node-files',
      node: 'node1',
    }),
    await storeObject(Readable.from([randomBytes(200_000)]), set, {
      ...opts,
      base: 'node2-pki.tar',
      kind: 'node-files',
      node: 'node2',
    }),
  ];
  const manifest = buildManifest({
    created: '2026-11-22T00:00:00.000Z',
    cluster: 'cluster.local',
    setName,
    etcd: { version: '3.4.23', snapshotMember: 'etcd1', members: [] },
    snapshot: { revision: 1, totalKey: 1, hash: 1, size: 1 },
    hashKV: null,
    fingerprint: null,
    kubernetes: { flavor: 'kubespray', nodes: ['node1', 'node2'], paths: ['/etc/kubernetes/ssl'] },
    objects,
  });
  const bytes = Buffer.from(serializeManifest(manifest));
  await set.write(MANIFEST_SIGNATURE, Readable.from([await signManifest(bytes, signKey)]));
  await set.write('manifest.json', Readable.from([bytes]));
  await set.commit();
  return store.urlOf(setName);
}

/** A plan whose steps read both archives from the backup set. */
function planReading(location: string): Plan {
  const base = memberLossPlan();
  const read = (node: string): Step => ({
    id: `09-restore-certs-${node}`,
    node,
    action: 'restore-certs',
    params: { from: { kind: 'backup', location, object: `${node}-pki.tar.gz.age` } },
    reason: 'test',
    undo: 'test',
    destructive: true,
  });
  return { ...base, steps: [read('node1'), read('node2'), ...base.steps] };
}

beforeEach(async () => {
  setDir = await writeSet();
});

describe('plan-time preflight against a real store', () => {
  it('names the objects a plan reads, once each, in step order', () => {
    const plan = planReading(setDir);
    expect(objectsNeeded({ ...plan, steps: [...plan.steps, plan.steps[0]] })).toEqual([
      'node1-pki.tar.gz.age',
      'node2-pki.tar.gz.age',
    ]);
    expect(objectsNeeded(memberLossPlan())).toEqual([]);
  });

  it('passes with the right identity and a trusted signature', async () => {
    const backup = await BackupSource.open(setDir, [rightFile]);
    const signed = await checkSignature(setDir, { trustedSigners });
    expect(signed?.check).toMatchObject({ status: 'trusted', signer: { principal: 'ci' } });
    expect(() => requireSignedManifest(signed, backup, { trustedSigners })).not.toThrow();
    expect(await checkPlanObjects(planReading(setDir), backup)).toEqual([
      { name: 'node1-pki.tar.gz.age', bytes: expect.any(Number), encrypted: true },
      { name: 'node2-pki.tar.gz.age', bytes: expect.any(Number), encrypted: true },
    ]);
  });

  it('lists every problem at once: a missing object and a wrong identity for the other', async () => {
    renameSync(join(setDir, 'node1-pki.tar.gz.age'), join(dir, 'away'));
    const backup = await BackupSource.open(setDir, [wrongFile]);
    const err = await checkPlanObjects(planReading(setDir), backup).catch((e) => e);
    expect(err).toBeInstanceOf(InputError);
    expect(err.message).toMatch(/refusing before any change to the cluster/);
    expect(err.message).toMatch(/- node1-pki\.tar\.gz\.age: missing from the store/);
    expect(err.message).toMatch(/- node2-pki\.tar\.gz\.age: no identity given can decrypt/);
  });

  it('no identity for encrypted objects is refused with the recipients named', async () => {
    const backup = await BackupSource.open(setDir, []);
    await expect(checkPlanObjects(planReading(setDir), backup)).rejects.toThrow(
      new RegExp(`are encrypted to ${right.identity.recipient.text}, and no identity was given`),
    );
  });

  it('an object longer than the manifest says is refused as altered', async () => {
    const p = join(setDir, 'node2-pki.tar.gz.age');
    writeFileSync(p, Buffer.concat([readFileSync(p), Buffer.from('x')]));
    const backup = await BackupSource.open(setDir, [rightFile]);
    await expect(checkPlanObjects(planReading(setDir), backup)).rejects.toThrow(
      /node2-pki\.tar\.gz\.age: \d+ bytes in the store, but the manifest says \d+ \(altered\)/,
    );
  });

  it('a plan that reads the backup without one opened is refused', async () => {
    await expect(checkPlanObjects(planReading(setDir), undefined)).rejects.toThrow(
      /reads node1-pki\.tar\.gz\.age, node2-pki\.tar\.gz\.age from a backup set, but none was given/,
    );
    await expect(checkSignature(undefined, { trustedSigners })).rejects.toThrow(
      /--trusted-signers checks the signature of a backup set: give the set with --backup/,
    );
  });

  it('a signed set copied under another set name is refused: a replay, not that set', async () => {
    const renamed = join(dir, `replay-${Date.now()}`, 'c-20261123T000000Z');
    execFileSync('mkdir', ['-p', join(renamed, '..')]);
    execFileSync('cp', ['-a', setDir, renamed]);
    const signed = await checkSignature(renamed, { trustedSigners });
    expect(signed?.check.status).toBe('trusted');
    const backup = await BackupSource.open(renamed, [rightFile]);
    expect(() => requireSignedManifest(signed, backup, { trustedSigners })).toThrow(
      /the signed manifest is of set c-20261122T000000Z, but it is stored as c-20261123T000000Z/,
    );
  });

  it('a set that is not there is bad input, as BackupSource says it', async () => {
    await expect(checkSignature(join(dir, 'no-such-set'), {})).rejects.toThrow(InputError);
    await expect(checkSignature(join(dir, 'no-such-set'), {})).rejects.toThrow(
      /Cannot read the backup set .*no-such-set: .*manifest\.json does not exist/,
    );
  });

  it('a manifest replaced by another validly signed one after the signature check is refused', async () => {
    const signed = await checkSignature(setDir, { trustedSigners });
    // Someone with the signing key swaps in a different (signed) manifest in between.
    const m = join(setDir, 'manifest.json');
    const other = Buffer.from(readFileSync(m, 'utf8').replace('"revision": 1,', '"revision": 2,'));
    const fixed = JSON.parse(other.toString());
    delete fixed.digest;
    const rebuilt = Buffer.from(serializeManifest(buildManifest(fixed)));
    writeFileSync(m, rebuilt);
    writeFileSync(join(setDir, MANIFEST_SIGNATURE), await signManifest(rebuilt, signKey));
    const backup = await BackupSource.open(setDir, [rightFile]);
    expect(() => requireSignedManifest(signed, backup, { trustedSigners })).toThrow(
      /manifest\.json changed between checking its signature and reading it for the plan/,
    );
    // Without trusted signers nothing was promised about the manifest: no refusal.
    expect(() => requireSignedManifest(signed, backup, {})).not.toThrow();
  });
});
