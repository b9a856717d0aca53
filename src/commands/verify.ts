import { isDeepStrictEqual } from 'node:util';
import { loadIdentityFiles } from '../backup/age.js';
import { parseManifest } from '../backup/manifest.js';
import {
  checkSetSignature,
  describeSignature,
  MANIFEST_SIGNATURE,
  type Signer,
} from '../backup/signature.js';
import { verifySet } from '../backup/verify-set.js';
import { OperationError } from '../errors.js';
import { requireOwnName } from '../recovery/preflight.js';
import { openSet } from '../stores/open.js';
import type { S3Settings } from '../stores/s3-location.js';
import type { CommandContext } from './context.js';

export interface VerifyOptions {
  backup: string;
  identityFiles: string[];
  /** An allowed_signers file (`--trusted-signers`): the set must be signed by one of them. */
  trustedSigners?: string;
  deep: boolean;
  /** etcd, etcdctl and etcdutl from here instead of PATH (the deep restore needs the backup's minor). */
  etcdBinDir?: string;
  /** S3 endpoint/region (flags); credentials come from the AWS_* environment only. */
  s3?: S3Settings;
}

export interface VerifyCheck {
  name: string;
  ok: boolean;
  expected?: string;
  actual?: string;
  detail?: string;
}

export interface VerifyResult {
  backup: string;
  ok: boolean;
  /** Who signed the manifest (principal only when checked against --trusted-signers). */
  signer?: Signer;
  checks: VerifyCheck[];
}

/** A backup that failed verification: exit 1, with every failed check in the message. */
export class VerifyFailedError extends OperationError {
  constructor(readonly result: VerifyResult) {
    const failed = result.checks
      .filter((c) => !c.ok)
      .map(
        (c) =>
          `- ${c.name}: ${c.expected !== undefined ? `expected ${c.expected}, got ${c.actual ?? 'nothing'}` : ''}${c.detail ? `${c.expected !== undefined ? '. ' : ''}${c.detail}` : ''}`,
      );
    super(`Backup ${result.backup} failed verification:\n${failed.join('\n')}`);
  }
}

export async function verify(opts: VerifyOptions, ctx: CommandContext): Promise<VerifyResult> {
  const identities = await loadIdentityFiles(opts.identityFiles);
  const { store, setName } = await openSet(opts.backup, opts.s3);
  // With --trusted-signers an unsigned or wrongly signed set is refused (exit 2), unread.
  const { check, manifest: signed } = await checkSetSignature(store, setName, opts.trustedSigners);
  const signatureCheck: VerifyCheck = {
    name: MANIFEST_SIGNATURE,
    ok: check.status !== 'invalid',
    detail: describeSignature(check),
  };
  const v = await verifySet(store, setName, {
    identities,
    deep: opts.deep,
    etcdBinDir: opts.etcdBinDir,
    progress: ctx.progress,
    workDir: ctx.workDir,
  });
  // The objects were checked against the manifest verifySet read: it must be the signed one.
  if (
    check.status === 'trusted' &&
    v.manifest &&
    !isDeepStrictEqual(parseManifest(signed.toString('utf8'), signatureCheck.name), v.manifest)
  ) {
    signatureCheck.ok = false;
    signatureCheck.detail = 'manifest.json changed while the set was verified; verify again';
  }
  if (check.status === 'trusted' && v.manifest) {
    requireOwnName(v.manifest.setName, setName, store.urlOf(setName));
  }
  const result: VerifyResult = {
    backup: store.urlOf(setName),
    ok: v.ok && signatureCheck.ok,
    ...('signer' in check ? { signer: check.signer } : {}),
    checks: [signatureCheck, ...v.checks],
  };
  if (!result.ok) throw new VerifyFailedError(result);
  return result;
}
