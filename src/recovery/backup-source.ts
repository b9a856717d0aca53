import { createHash } from 'node:crypto';
import { PassThrough, type Readable } from 'node:stream';
import { type AgeIdentity, loadIdentityFiles } from '../backup/age.js';
import { type Manifest, parseManifest, snapshotObject } from '../backup/manifest.js';
import { readObject, type StoredObject } from '../backup/pipeline.js';
import { InputError, OperationError } from '../errors.js';
import { openSet } from '../stores/open.js';
import type { S3Settings } from '../stores/s3-location.js';
import type { Store } from '../stores/store.js';
import type { BackupSummary } from './plan.js';

/**
 * One backup set as recovery reads it: the manifest (what the planner checks) and its
 * objects as plaintext streams, each checked against the manifest's hashes as it flows.
 */
export class BackupSource {
  private constructor(
    readonly location: string,
    readonly manifest: Manifest,
    private readonly store: Store,
    private readonly setName: string,
    private readonly identities: readonly AgeIdentity[],
    /** sha256 of manifest.json as read: a plan file records it, restore --plan compares it. */
    readonly manifestSha256: string,
  ) {}

  static async open(
    backup: string,
    identityFiles: readonly string[],
    s3?: S3Settings,
  ): Promise<BackupSource> {
    const { store, setName } = await openSet(backup, s3);
    let text: string;
    try {
      const chunks: Buffer[] = [];
      for await (const c of await store.read(setName, 'manifest.json')) chunks.push(Buffer.from(c));
      text = Buffer.concat(chunks).toString('utf8');
    } catch (err) {
      throw new InputError(
        `Cannot read the backup set ${backup} (${store.urlOf(setName)}/manifest.json): ${(err as Error).message}. ` +
          `Give the path or URL of one set, as 'kube-rescue list' shows it.`,
        { cause: err },
      );
    }
    const manifest = parseManifest(text, `${backup}/manifest.json`);
    const identities = identityFiles.length > 0 ? await loadIdentityFiles(identityFiles) : [];
    const digest = createHash('sha256').update(text).digest('hex');
    return new BackupSource(backup, manifest, store, setName, identities, digest);
  }

  /** What the planner needs to know of this set. */
  summary(): BackupSummary {
    const m = this.manifest;
    const snap = snapshotObject(m);
    if (!snap) {
      throw new InputError(`Backup ${this.location} has no etcd snapshot object in its manifest.`);
    }
    const certArchives: Record<string, string> = {};
    for (const o of m.objects) if (o.kind === 'node-files' && o.node) certArchives[o.node] = o.name;
    return {
      location: this.location,
      clusterName: m.cluster,
      etcdVersion: m.etcd.version,
      snapshotObject: snap.name,
      revision: m.snapshot.revision,
      totalKey: m.snapshot.totalKey,
      createdAt: m.created,
      fingerprint: m.fingerprint ?? undefined,
      hashKV: m.hashKV ?? undefined,
      encrypted: m.objects.some((o) => o.encryption !== null),
      certArchives,
    };
  }

  private objectNamed(name: string): StoredObject {
    const o = this.manifest.objects.find((x) => x.name === name);
    if (!o) {
      throw new InputError(`Backup ${this.location} has no object '${name}' in its manifest.`);
    }
    return o;
  }

  /**
   * Streams the plaintext of `name` into `consume` (e.g. a node's file or `tar -x`). After
   * the stream ends, stored and plaintext sha256 must equal the manifest's, or this throws.
   */
  async streamTo<T>(name: string, consume: (plain: Readable) => Promise<T>): Promise<T> {
    const object = this.objectNamed(name);
    const where = `${this.location}/${name}`;
    const plain = new PassThrough();
    const source = await this.store.read(this.setName, name);
    const reading = readObject(source, object, { identities: this.identities, where, sink: plain });
    const [read, consumed] = await Promise.all([
      reading.catch((err) => {
        plain.destroy(err as Error);
        throw err;
      }),
      consume(plain),
    ]);
    if (read.sha256 !== object.sha256 || read.plaintextSha256 !== object.plaintextSha256) {
      throw new OperationError(
        `${where} does not match its manifest (stored sha256 ${read.sha256}, expected ${object.sha256}; ` +
          `plaintext ${read.plaintextSha256}, expected ${object.plaintextSha256}). The copy on the node is not used; check the set with 'kube-rescue verify'.`,
      );
    }
    return consumed;
  }

  /** The store behind this source, for the plan-time preflight (src/recovery/preflight.ts). */
  storeAccess(): { store: Store; setName: string; identities: readonly AgeIdentity[] } {
    return { store: this.store, setName: this.setName, identities: this.identities };
  }
}
