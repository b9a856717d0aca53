import { InputError } from '../errors.js';

// Apart from src/stores/s3.ts so that parsing an s3:// argument does not load the AWS SDK
// (a few hundred ms at every CLI start); the store itself is imported only when used.

export interface S3Location {
  bucket: string;
  /** Key prefix without leading or trailing slash; '' for the bucket root. */
  prefix: string;
}

/**
 * Connection settings, as flags or action inputs give them; anything unset comes from the
 * standard AWS environment (`resolveS3Settings`).
 */
export interface S3Settings {
  endpoint?: string;
  region?: string;
  /** Bucket in the path, not the host name; default: on when an endpoint is set. */
  forcePathStyle?: boolean;
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
}

/** What the S3 client is built with, the same for every command. */
export interface ResolvedS3Settings {
  endpoint?: string;
  region: string;
  forcePathStyle: boolean;
  credentials?: S3Settings['credentials'];
}

/**
 * The one place S3 settings are decided: a flag or input first, then the standard AWS
 * environment (AWS_ENDPOINT_URL_S3, AWS_ENDPOINT_URL; AWS_REGION, AWS_DEFAULT_REGION), then
 * us-east-1. Self-hosted S3 (MinIO, Ceph, s3rver) rarely resolves bucket subdomains, so an
 * endpoint means path-style addressing unless it is turned off. Credentials stay with the
 * SDK's own chain (AWS_ACCESS_KEY_ID …, profiles, roles) unless given here.
 */
export function resolveS3Settings(
  settings: S3Settings = {},
  env: NodeJS.ProcessEnv = process.env,
): ResolvedS3Settings {
  const fromEnv = (name: string) =>
    env[name]?.trim() ? { value: env[name]!.trim(), name } : undefined;
  const endpoint = settings.endpoint?.trim()
    ? {
        value: settings.endpoint.trim(),
        name: 'the S3 endpoint setting (--s3-endpoint, input s3-endpoint)',
      }
    : (fromEnv('AWS_ENDPOINT_URL_S3') ?? fromEnv('AWS_ENDPOINT_URL'));
  if (endpoint) {
    let url: URL | undefined;
    try {
      url = new URL(endpoint.value);
    } catch {}
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
      throw new InputError(
        `Invalid S3 endpoint '${endpoint.value}' from ${endpoint.name}. Expected an http:// or https:// URL, e.g. https://minio.example.internal:9000.`,
      );
    }
  }
  const region =
    settings.region?.trim() ||
    fromEnv('AWS_REGION')?.value ||
    fromEnv('AWS_DEFAULT_REGION')?.value ||
    'us-east-1';
  return {
    ...(endpoint ? { endpoint: endpoint.value } : {}),
    region,
    forcePathStyle: settings.forcePathStyle ?? Boolean(endpoint),
    ...(settings.credentials ? { credentials: settings.credentials } : {}),
  };
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
