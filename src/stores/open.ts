import { basename, dirname, resolve } from 'node:path';
import { InputError } from '../errors.js';
import { ARTIFACT_SCHEME, openArtifactStore } from './artifact.js';
import { LocalStore } from './local.js';
import { parseS3Url, type S3Settings } from './s3-location.js';
import type { Store } from './store.js';

/** The S3 store and the AWS SDK with it, loaded only when an s3:// location is used. */
async function s3Store() {
  return (await import('./s3.js')).S3Store;
}

/** Picks the store for a destination by its scheme: `s3://`, `artifact://`, else a directory. */
export async function openStore(dest: string, s3: S3Settings = {}): Promise<Store> {
  if (dest.startsWith('s3://')) return new (await s3Store())(parseS3Url(dest), s3);
  if (dest.startsWith(ARTIFACT_SCHEME)) return openArtifactStore();
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(dest)) {
    throw new InputError(
      `Destination '${dest}': unknown scheme. Use a directory path, s3://bucket/prefix or artifact://.`,
    );
  }
  if (dest.trim() === '')
    throw new InputError('The destination is empty: give a directory or s3:// URL.');
  return new LocalStore(dest);
}

/** A BACKUP argument (one set's path or URL) split into its store and set name. */
export async function openSet(
  backup: string,
  s3: S3Settings = {},
): Promise<{ store: Store; setName: string }> {
  const trimmed = backup.replace(/\/+$/, '');
  if (trimmed.startsWith('s3://')) {
    const { bucket, prefix } = parseS3Url(trimmed);
    const cut = prefix.lastIndexOf('/');
    const setName = prefix.slice(cut + 1);
    if (!setName) throw new InputError(`'${backup}' names a bucket, not a backup set inside it.`);
    const parent = cut < 0 ? '' : prefix.slice(0, cut);
    return {
      store: new (await s3Store())({ bucket, prefix: parent }, s3),
      setName,
    };
  }
  if (trimmed.startsWith(ARTIFACT_SCHEME)) {
    const setName = trimmed.slice(ARTIFACT_SCHEME.length);
    if (!setName) throw new InputError(`'${backup}' names no artifact; use artifact://<set-name>.`);
    return { store: await openArtifactStore(), setName };
  }
  const abs = resolve(trimmed);
  return { store: new LocalStore(dirname(abs)), setName: basename(abs) };
}
