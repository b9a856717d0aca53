import { randomBytes } from 'node:crypto';
import { Readable, Transform } from 'node:stream';
import type { AgeRecipient } from '../../src/backup/age.js';
import { buildManifest, serializeManifest } from '../../src/backup/manifest.js';
import { storeObject } from '../../src/backup/pipeline.js';
import type { PendingSet, Store } from '../../src/stores/store.js';

/** The store's side of a set where one byte of the node archive changes on its way in. */
function damagingArchive(set: PendingSet): PendingSet {
  return {
    ...set,
    write: (object, data, options) => {
      if (!object.startsWith('node1-')) return set.write(object, data, options);
      let first = true;
      const flip = new Transform({
        transform(chunk: Buffer, _enc, done) {
          if (first && chunk.length > 0) {
            chunk = Buffer.from(chunk);
            chunk[0] ^= 0xff;
            first = false;
          }
          done(null, chunk);
        },
      });
      return set.write(object, data.pipe(flip), options);
    },
  };
}

/**
 * A backup set written into `store` as `backup` writes one: objects through the real pipeline
 * (gzip + age to `recipient`), the manifest over them. The snapshot object is random bytes,
 * not a snapshot: `verify` would need a real etcd for `snapshot status`; the store and the
 * restore's hash checks treat every object alike. With `tamper`, the node archive is stored
 * plain and one byte of it differs from what the manifest recorded (same size), so that the
 * change meets the hashes rather than age's MAC.
 */
export async function writeBackupSet(
  store: Store,
  setName: string,
  recipient: AgeRecipient,
  tamper = false,
): Promise<void> {
  const pending = await store.begin(setName);
  const set = tamper ? damagingArchive(pending) : pending;
  const opts = { compression: 'gzip' as const, recipients: [recipient] };
  const objects = [
    await storeObject(Readable.from([randomBytes(30_000)]), set, {
      ...opts,
      base: 'etcd.db',
      kind: 'etcd-snapshot',
    }),
    await storeObject(Readable.from([randomBytes(20_000)]), set, {
      ...(tamper ? { compression: 'none' as const, recipients: [] } : opts),
      base: 'node1-pki.tar',
      kind: 'node-files',
      node: 'node1',
    }),
  ];
  const manifest = buildManifest({
    created: new Date().toISOString(),
    cluster: setName.replace(/-\d{8}T\d{6}Z$/, ''),
    setName,
    etcd: { version: '3.6.16', snapshotMember: 'etcd1', members: [] },
    snapshot: { revision: 1, totalKey: 1, hash: 1, size: 1 },
    hashKV: null,
    fingerprint: null,
    kubernetes: { flavor: 'kubespray', nodes: ['node1'], paths: ['/etc/kubernetes/ssl'] },
    objects,
  });
  await set.write('manifest.json', Readable.from([Buffer.from(serializeManifest(manifest))]));
  await set.commit();
}
