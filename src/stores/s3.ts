import type { Readable } from 'node:stream';
import { Transform } from 'node:stream';
import {
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { InputError, OperationError } from '../errors.js';
import { parseS3Url, resolveS3Settings, type S3Location, type S3Settings } from './s3-location.js';
import { checkObjectName, compareSetNames } from './set-name.js';
import type { PendingSet, ReadOptions, Store } from './store.js';

/** Written last under a set's prefix: S3 has no rename, so this marks a set complete. */
export const COMPLETE_MARKER = '.complete';

export type { S3Location, S3Settings };
export { parseS3Url };

function describe(err: unknown): string {
  const e = err as {
    name?: string;
    message?: string;
    code?: string;
    $metadata?: { httpStatusCode?: number };
  };
  const status = e.$metadata?.httpStatusCode ? ` (HTTP ${e.$metadata.httpStatusCode})` : '';
  return `${e.name ?? e.code ?? 'Error'}: ${e.message ?? String(err)}${status}`;
}

/**
 * Sets as `<prefix>/<set>/<object>` keys. Objects stream in with multipart uploads; the
 * backup writes manifest.json last, then `commit` writes the `.complete` marker — `list`
 * returns only sets that have it, so an interrupted upload is never picked up.
 */
export class S3Store implements Store {
  readonly location: string;
  private readonly client: S3Client;
  private readonly endpoint?: string;

  constructor(
    private readonly where: S3Location,
    settings: S3Settings = {},
  ) {
    this.location = `s3://${where.bucket}${where.prefix ? `/${where.prefix}` : ''}`;
    const resolved = resolveS3Settings(settings);
    this.endpoint = resolved.endpoint;
    const config: S3ClientConfig = {
      region: resolved.region,
      forcePathStyle: resolved.forcePathStyle,
      maxAttempts: 3,
    };
    if (resolved.endpoint) config.endpoint = resolved.endpoint;
    if (resolved.credentials) config.credentials = resolved.credentials;
    this.client = new S3Client(config);
  }

  private key(...parts: string[]): string {
    return [this.where.prefix, ...parts].filter(Boolean).join('/');
  }

  /** The key prefix of a "directory" (the store root, or one set), with its trailing slash. */
  private dirKey(setName?: string): string {
    const k = this.key(...(setName ? [setName] : []));
    return k ? `${k}/` : '';
  }

  private failure(what: string, err: unknown): OperationError {
    const at = this.endpoint ? ` at ${this.endpoint}` : '';
    return new OperationError(
      `S3 ${what} in ${this.location}${at} failed: ${describe(err)}. Check the endpoint, region and AWS_* credentials, and that the bucket exists.`,
      { cause: err },
    );
  }

  private async keys(prefix: string): Promise<{ key: string; bytes: number }[]> {
    const out: { key: string; bytes: number }[] = [];
    let token: string | undefined;
    do {
      const page = await this.client
        .send(
          new ListObjectsV2Command({
            Bucket: this.where.bucket,
            Prefix: prefix,
            ContinuationToken: token,
          }),
        )
        .catch((err) => {
          throw this.failure('listing', err);
        });
      for (const o of page.Contents ?? []) if (o.Key) out.push({ key: o.Key, bytes: o.Size ?? 0 });
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return out;
  }

  private async deleteKeys(keys: string[]): Promise<void> {
    for (let i = 0; i < keys.length; i += 1000) {
      const batch = keys.slice(i, i + 1000);
      await this.client
        .send(
          new DeleteObjectsCommand({
            Bucket: this.where.bucket,
            Delete: { Objects: batch.map((Key) => ({ Key })) },
          }),
        )
        .catch((err) => {
          throw this.failure('delete', err);
        });
    }
  }

  async begin(setName: string): Promise<PendingSet> {
    checkObjectName(setName);
    const existing = await this.keys(this.dirKey(setName));
    if (existing.length > 0) {
      throw new OperationError(
        `${this.location}/${setName}/ already holds ${existing.length} object(s); refusing to write a set over them.`,
      );
    }
    const written: string[] = [];
    return {
      write: async (object, data) => {
        const Key = this.key(setName, checkObjectName(object));
        written.push(Key);
        let bytes = 0;
        const counted = data.pipe(
          new Transform({
            transform(chunk: Buffer, _e, cb) {
              bytes += chunk.length;
              cb(null, chunk);
            },
          }),
        );
        data.on('error', (err) => counted.destroy(err));
        const upload = new Upload({
          client: this.client,
          params: { Bucket: this.where.bucket, Key, Body: counted },
          // 2 × 8 MiB parts in flight: memory stays bounded whatever the object size.
          queueSize: 2,
          partSize: 8 * 1024 * 1024,
          leavePartsOnError: false,
        });
        try {
          await upload.done();
        } catch (err) {
          if (err instanceof OperationError || err instanceof InputError) throw err;
          // A failure upstream (e.g. a bad snapshot) is the real cause; report it, not S3's.
          if (data.errored) throw data.errored;
          throw this.failure(`upload of ${object}`, err);
        }
        return bytes;
      },
      commit: async () => {
        await this.client
          .send(
            new PutObjectCommand({
              Bucket: this.where.bucket,
              Key: this.key(setName, COMPLETE_MARKER),
              Body: Buffer.alloc(0),
            }),
          )
          .catch((err) => {
            throw this.failure('commit', err);
          });
      },
      abort: async () => {
        await this.deleteKeys(written);
      },
    };
  }

  async list(): Promise<string[]> {
    const base = this.dirKey();
    const sets: string[] = [];
    for (const { key } of await this.keys(base)) {
      const rest = key.slice(base.length).split('/');
      if (rest.length === 2 && rest[1] === COMPLETE_MARKER) sets.push(rest[0]);
    }
    return sets.sort(compareSetNames);
  }

  async read(setName: string, object: string, options?: ReadOptions): Promise<Readable> {
    const first = options?.firstBytes;
    try {
      const res = await this.client.send(
        new GetObjectCommand({
          Bucket: this.where.bucket,
          Key: this.key(checkObjectName(setName), checkObjectName(object)),
          ...(first ? { Range: `bytes=0-${first - 1}` } : {}),
        }),
      );
      return res.Body as Readable;
    } catch (err) {
      if ((err as { name?: string }).name === 'NoSuchKey') {
        throw new OperationError(
          `Object ${object} is missing from the backup set ${this.urlOf(setName)}.`,
        );
      }
      throw this.failure(`read of ${setName}/${object}`, err);
    }
  }

  async stat(setName: string, object: string): Promise<{ bytes: number } | null> {
    try {
      const res = await this.client.send(
        new HeadObjectCommand({
          Bucket: this.where.bucket,
          Key: this.key(checkObjectName(setName), checkObjectName(object)),
        }),
      );
      return { bytes: res.ContentLength ?? 0 };
    } catch (err) {
      const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
      if (e.name === 'NotFound' || e.name === 'NoSuchKey' || e.$metadata?.httpStatusCode === 404) {
        return null;
      }
      throw this.failure(`stat of ${setName}/${object}`, err);
    }
  }

  async objects(setName: string): Promise<{ name: string; bytes: number }[]> {
    const base = this.dirKey(checkObjectName(setName));
    return (await this.keys(base))
      .map(({ key, bytes }) => ({ name: key.slice(base.length), bytes }))
      .filter((o) => o.name !== COMPLETE_MARKER && !o.name.includes('/'))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  async remove(setName: string): Promise<void> {
    const marker = this.key(checkObjectName(setName), COMPLETE_MARKER);
    // The marker goes first: a half-removed set is then invisible, never half-listed.
    await this.deleteKeys([marker]);
    const rest = (await this.keys(this.dirKey(setName))).map((k) => k.key);
    await this.deleteKeys(rest);
  }

  urlOf(setName: string): string {
    return `${this.location}/${setName}`;
  }

  /** `<prefix>/<name>`: one key beside the set prefixes, which `list` never counts as a set. */
  async readSidecar(name: string): Promise<string | null> {
    try {
      const res = await this.client.send(
        new GetObjectCommand({ Bucket: this.where.bucket, Key: this.key(checkObjectName(name)) }),
      );
      return (await res.Body?.transformToString('utf8')) ?? '';
    } catch (err) {
      if ((err as { name?: string }).name === 'NoSuchKey') return null;
      throw this.failure(`read of ${name}`, err);
    }
  }

  /** One PUT: S3 replaces an object atomically, so a reader sees the old text or the new. */
  async writeSidecar(name: string, text: string): Promise<void> {
    await this.client
      .send(
        new PutObjectCommand({
          Bucket: this.where.bucket,
          Key: this.key(checkObjectName(name)),
          Body: text,
        }),
      )
      .catch((err) => {
        throw this.failure(`write of ${name}`, err);
      });
  }

  sidecarUrl(name: string): string {
    return `${this.location}/${name}`;
  }
}
