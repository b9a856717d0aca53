import { loadIdentityFiles } from '../backup/age.js';
import { verifySet } from '../backup/verify-set.js';
import { OperationError } from '../errors.js';
import { openSet } from '../stores/open.js';
import type { S3Settings } from '../stores/s3.js';
import type { CommandContext } from './context.js';

export interface VerifyOptions {
  backup: string;
  identityFiles: string[];
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
  const v = await verifySet(store, setName, {
    identities,
    deep: opts.deep,
    etcdBinDir: opts.etcdBinDir,
    progress: ctx.progress,
    workDir: ctx.workDir,
  });
  const result: VerifyResult = { backup: store.urlOf(setName), ok: v.ok, checks: v.checks };
  if (!result.ok) throw new VerifyFailedError(result);
  return result;
}
