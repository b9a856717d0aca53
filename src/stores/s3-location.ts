import { InputError } from '../errors.js';

// Apart from src/stores/s3.ts so that parsing an s3:// argument does not load the AWS SDK
// (a few hundred ms at every CLI start); the store itself is imported only when used.

export interface S3Location {
  bucket: string;
  /** Key prefix without leading or trailing slash; '' for the bucket root. */
  prefix: string;
}

/** Connection settings; anything unset comes from the standard AWS_* environment. */
export interface S3Settings {
  endpoint?: string;
  region?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
}

export function parseS3Url(url: string): S3Location {
  const m = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:\/(.*))?$/.exec(url);
  if (!m) {
    throw new InputError(
      `'${url}' is not an S3 location. Expected s3://bucket or s3://bucket/prefix (bucket: 3-63 lower-case letters, digits, '.', '-').`,
    );
  }
  return { bucket: m[1], prefix: (m[2] ?? '').replace(/^\/+|\/+$/g, '') };
}
