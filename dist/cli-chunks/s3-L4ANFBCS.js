#!/usr/bin/env node
import {
  checkObjectName,
  compareSetNames,
  parseS3Url,
  resolveS3Settings
} from "./chunk-XLKS4FDF.js";
import {
  InputError,
  OperationError
} from "./chunk-BCQJ3TK4.js";

// src/stores/s3.ts
import { Transform } from "node:stream";
import {
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
var COMPLETE_MARKER = ".complete";
function describe(err) {
  const e = err;
  const status = e.$metadata?.httpStatusCode ? ` (HTTP ${e.$metadata.httpStatusCode})` : "";
  return `${e.name ?? e.code ?? "Error"}: ${e.message ?? String(err)}${status}`;
}
var S3Store = class {
  constructor(where, settings = {}) {
    this.where = where;
    this.location = `s3://${where.bucket}${where.prefix ? `/${where.prefix}` : ""}`;
    const resolved = resolveS3Settings(settings);
    this.endpoint = resolved.endpoint;
    const config = {
      region: resolved.region,
      forcePathStyle: resolved.forcePathStyle,
      maxAttempts: 3
    };
    if (resolved.endpoint) config.endpoint = resolved.endpoint;
    if (resolved.credentials) config.credentials = resolved.credentials;
    this.client = new S3Client(config);
  }
  where;
  location;
  client;
  endpoint;
  key(...parts) {
    return [this.where.prefix, ...parts].filter(Boolean).join("/");
  }
  /** The key prefix of a "directory" (the store root, or one set), with its trailing slash. */
  dirKey(setName) {
    const k = this.key(...setName ? [setName] : []);
    return k ? `${k}/` : "";
  }
  failure(what, err) {
    const at = this.endpoint ? ` at ${this.endpoint}` : "";
    return new OperationError(
      `S3 ${what} in ${this.location}${at} failed: ${describe(err)}. Check the endpoint, region and AWS_* credentials, and that the bucket exists.`,
      { cause: err }
    );
  }
  async keys(prefix) {
    const out = [];
    let token;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({
          Bucket: this.where.bucket,
          Prefix: prefix,
          ContinuationToken: token
        })
      ).catch((err) => {
        throw this.failure("listing", err);
      });
      for (const o of page.Contents ?? []) if (o.Key) out.push({ key: o.Key, bytes: o.Size ?? 0 });
      token = page.IsTruncated ? page.NextContinuationToken : void 0;
    } while (token);
    return out;
  }
  async deleteKeys(keys) {
    for (let i = 0; i < keys.length; i += 1e3) {
      const batch = keys.slice(i, i + 1e3);
      await this.client.send(
        new DeleteObjectsCommand({
          Bucket: this.where.bucket,
          Delete: { Objects: batch.map((Key) => ({ Key })) }
        })
      ).catch((err) => {
        throw this.failure("delete", err);
      });
    }
  }
  async begin(setName) {
    checkObjectName(setName);
    const existing = await this.keys(this.dirKey(setName));
    if (existing.length > 0) {
      throw new OperationError(
        `${this.location}/${setName}/ already holds ${existing.length} object(s); refusing to write a set over them.`
      );
    }
    const written = [];
    return {
      write: async (object, data) => {
        const Key = this.key(setName, checkObjectName(object));
        written.push(Key);
        let bytes = 0;
        const counted = data.pipe(
          new Transform({
            transform(chunk, _e, cb) {
              bytes += chunk.length;
              cb(null, chunk);
            }
          })
        );
        data.on("error", (err) => counted.destroy(err));
        const upload = new Upload({
          client: this.client,
          params: { Bucket: this.where.bucket, Key, Body: counted },
          // 2 × 8 MiB parts in flight: memory stays bounded whatever the object size.
          queueSize: 2,
          partSize: 8 * 1024 * 1024,
          leavePartsOnError: false
        });
        try {
          await upload.done();
        } catch (err) {
          if (err instanceof OperationError || err instanceof InputError) throw err;
          if (data.errored) throw data.errored;
          throw this.failure(`upload of ${object}`, err);
        }
        return bytes;
      },
      commit: async () => {
        await this.client.send(
          new PutObjectCommand({
            Bucket: this.where.bucket,
            Key: this.key(setName, COMPLETE_MARKER),
            Body: Buffer.alloc(0)
          })
        ).catch((err) => {
          throw this.failure("commit", err);
        });
      },
      abort: async () => {
        await this.deleteKeys(written);
      }
    };
  }
  async list() {
    const base = this.dirKey();
    const sets = [];
    for (const { key } of await this.keys(base)) {
      const rest = key.slice(base.length).split("/");
      if (rest.length === 2 && rest[1] === COMPLETE_MARKER) sets.push(rest[0]);
    }
    return sets.sort(compareSetNames);
  }
  async read(setName, object, options) {
    const first = options?.firstBytes;
    try {
      const res = await this.client.send(
        new GetObjectCommand({
          Bucket: this.where.bucket,
          Key: this.key(checkObjectName(setName), checkObjectName(object)),
          ...first ? { Range: `bytes=0-${first - 1}` } : {}
        })
      );
      return res.Body;
    } catch (err) {
      if (err.name === "NoSuchKey") {
        throw new OperationError(
          `Object ${object} is missing from the backup set ${this.urlOf(setName)}.`
        );
      }
      throw this.failure(`read of ${setName}/${object}`, err);
    }
  }
  async stat(setName, object) {
    try {
      const res = await this.client.send(
        new HeadObjectCommand({
          Bucket: this.where.bucket,
          Key: this.key(checkObjectName(setName), checkObjectName(object))
        })
      );
      return { bytes: res.ContentLength ?? 0 };
    } catch (err) {
      const e = err;
      if (e.name === "NotFound" || e.name === "NoSuchKey" || e.$metadata?.httpStatusCode === 404) {
        return null;
      }
      throw this.failure(`stat of ${setName}/${object}`, err);
    }
  }
  async objects(setName) {
    const base = this.dirKey(checkObjectName(setName));
    return (await this.keys(base)).map(({ key, bytes }) => ({ name: key.slice(base.length), bytes })).filter((o) => o.name !== COMPLETE_MARKER && !o.name.includes("/")).sort((a, b) => a.name.localeCompare(b.name));
  }
  async remove(setName) {
    const marker = this.key(checkObjectName(setName), COMPLETE_MARKER);
    await this.deleteKeys([marker]);
    const rest = (await this.keys(this.dirKey(setName))).map((k) => k.key);
    await this.deleteKeys(rest);
  }
  urlOf(setName) {
    return `${this.location}/${setName}`;
  }
  /** `<prefix>/<name>`: one key beside the set prefixes, which `list` never counts as a set. */
  async readSidecar(name) {
    try {
      const res = await this.client.send(
        new GetObjectCommand({ Bucket: this.where.bucket, Key: this.key(checkObjectName(name)) })
      );
      return await res.Body?.transformToString("utf8") ?? "";
    } catch (err) {
      if (err.name === "NoSuchKey") return null;
      throw this.failure(`read of ${name}`, err);
    }
  }
  /** One PUT: S3 replaces an object atomically, so a reader sees the old text or the new. */
  async writeSidecar(name, text) {
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.where.bucket,
        Key: this.key(checkObjectName(name)),
        Body: text
      })
    ).catch((err) => {
      throw this.failure(`write of ${name}`, err);
    });
  }
  sidecarUrl(name) {
    return `${this.location}/${name}`;
  }
};
export {
  COMPLETE_MARKER,
  S3Store,
  parseS3Url
};
//# sourceMappingURL=s3-L4ANFBCS.js.map
