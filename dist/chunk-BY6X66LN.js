import { createRequire as __krCreateRequire } from 'node:module'; import { dirname as __krDirname } from 'node:path'; import { fileURLToPath as __krFileURLToPath } from 'node:url'; const require = __krCreateRequire(import.meta.url); const __filename = __krFileURLToPath(import.meta.url); const __dirname = __krDirname(__filename);
import {
  InputError
} from "./chunk-ZIEKZMFP.js";

// src/stores/set-name.ts
var SET_NAME = /^([a-z0-9](?:[a-z0-9.-]*[a-z0-9])?)-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;
var CLUSTER = /^[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?$/;
function checkClusterName(cluster, where = "--cluster-name") {
  if (!CLUSTER.test(cluster) || cluster.length > 100) {
    throw new InputError(
      `${where} '${cluster}': use lower-case letters, digits, '.' and '-' (starting and ending with a letter or digit), at most 100 characters.`
    );
  }
  return cluster;
}
function formatSetName(cluster, at) {
  const stamp = at.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}Z$/, "Z");
  return `${checkClusterName(cluster)}-${stamp}`;
}
function parseSetName(name) {
  const m = SET_NAME.exec(name);
  if (!m) return null;
  const [, cluster, y, mo, d, h, mi, s] = m;
  const created = new Date(Date.UTC(+y, +mo - 1, +d, +h, +mi, +s));
  if (Number.isNaN(created.getTime()) || formatSetName(cluster, created) !== name) return null;
  return { name, cluster, created };
}
function compareSetNames(a, b) {
  const pa = parseSetName(a);
  const pb = parseSetName(b);
  if (pa && pb) return pa.created.getTime() - pb.created.getTime() || a.localeCompare(b);
  if (pa) return -1;
  if (pb) return 1;
  return a.localeCompare(b);
}
function checkObjectName(object) {
  if (!/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(object) || object.includes("..")) {
    throw new InputError(`'${object}' is not a valid object name inside a backup set.`);
  }
  return object;
}

// src/stores/s3-location.ts
function resolveS3Settings(settings = {}, env = process.env) {
  const fromEnv = (name) => env[name]?.trim() ? { value: env[name].trim(), name } : void 0;
  const endpoint = settings.endpoint?.trim() ? {
    value: settings.endpoint.trim(),
    name: "the S3 endpoint setting (--s3-endpoint, input s3-endpoint)"
  } : fromEnv("AWS_ENDPOINT_URL_S3") ?? fromEnv("AWS_ENDPOINT_URL");
  if (endpoint) {
    let url;
    try {
      url = new URL(endpoint.value);
    } catch {
    }
    if (!url || url.protocol !== "http:" && url.protocol !== "https:") {
      throw new InputError(
        `Invalid S3 endpoint '${endpoint.value}' from ${endpoint.name}. Expected an http:// or https:// URL, e.g. https://minio.example.internal:9000.`
      );
    }
  }
  const region = settings.region?.trim() || fromEnv("AWS_REGION")?.value || fromEnv("AWS_DEFAULT_REGION")?.value || "us-east-1";
  return {
    ...endpoint ? { endpoint: endpoint.value } : {},
    region,
    forcePathStyle: settings.forcePathStyle ?? Boolean(endpoint),
    ...settings.credentials ? { credentials: settings.credentials } : {}
  };
}
function parseS3Url(url) {
  const m = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:\/(.*))?$/.exec(url);
  if (!m) {
    throw new InputError(
      `'${url}' is not an S3 location. Expected s3://bucket or s3://bucket/prefix (bucket: 3-63 lower-case letters, digits, '.', '-').`
    );
  }
  return { bucket: m[1], prefix: (m[2] ?? "").replace(/^\/+|\/+$/g, "") };
}

export {
  checkClusterName,
  formatSetName,
  parseSetName,
  compareSetNames,
  checkObjectName,
  resolveS3Settings,
  parseS3Url
};
//# sourceMappingURL=chunk-BY6X66LN.js.map
