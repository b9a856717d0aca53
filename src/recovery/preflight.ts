import { isDeepStrictEqual } from 'node:util';
import { checkAgeHeader } from '../backup/age.js';
import { parseManifest } from '../backup/manifest.js';
import type { StoredObject } from '../backup/pipeline.js';
import { checkSetSignature, type SignatureCheck } from '../backup/signature.js';
import { InputError, KubeRescueError } from '../errors.js';
import { openSet } from '../stores/open.js';
import type { S3Settings } from '../stores/s3-location.js';
import type { BackupSource } from './backup-source.js';
import type { Plan } from './plan.js';

/*
 * Refusals before the first change. Everything a plan will read from the backup store is
 * checked while the cluster is still untouched, so a restore never stops half-way on a
 * wrong key or a missing object: signature (when trusted signers are required), presence
 * and size of every object the plan needs, and that the identity given unwraps the file
 * key of every encrypted one (the age header alone: no payload is read).
 */

/** An age header with one X25519 stanza is ~200 bytes; ours never exceed a few KiB. */
const HEADER_BYTES = 64 * 1024;

export interface PreflightOptions {
  /** An allowed_signers file (`--trusted-signers`): the set must be signed by one of them. */
  trustedSigners?: string;
  /** Where an s3:// set is read from (endpoint, region, path style). */
  s3?: S3Settings;
}

/** What the preflight found; absent from a plan made without a backup set. */
export interface PreflightResult {
  signature: SignatureCheck;
  /** One line on the signature, for the plan's reader. */
  signatureText: string;
  /** The objects the plan reads, each found with its manifest size (and identity, if encrypted). */
  objects: { name: string; bytes: number; encrypted: boolean }[];
}

/** Names of the backup objects the plan's steps read, in step order. */
export function objectsNeeded(plan: Plan): string[] {
  const names: string[] = [];
  for (const s of plan.steps) {
    const from =
      s.action === 'fetch-snapshot' || s.action === 'restore-certs' ? s.params.from : undefined;
    if (from?.kind === 'backup' && !names.includes(from.object)) names.push(from.object);
  }
  return names;
}

/** The manifest bytes whose signature was checked, and the verdict. */
export interface SignedManifest {
  check: SignatureCheck;
  bytes: Buffer;
}

/**
 * Step 1, before anything of the manifest is parsed and before any node is contacted: the
 * set's signature, over manifest.json as the store holds it. InputError when refused.
 */
export async function checkSignature(
  location: string | undefined,
  opts: PreflightOptions,
): Promise<SignedManifest | undefined> {
  if (!location) {
    if (!opts.trustedSigners) return undefined;
    throw new InputError(
      '--trusted-signers checks the signature of a backup set: give the set with --backup.',
    );
  }
  const { store, setName } = await openSet(location, opts.s3);
  if (!(await store.stat(setName, 'manifest.json'))) {
    throw new InputError(
      `Cannot read the backup set ${location}: ${store.urlOf(setName)}/manifest.json does not exist. Give the path or URL of one set, as 'kube-rescue list' shows it.`,
    );
  }
  const { check, manifest } = await checkSetSignature(store, setName, opts.trustedSigners);
  return { check, bytes: manifest };
}

/**
 * With trusted signers, the manifest the planner uses (BackupSource's own read) must be
 * exactly the one whose signature was checked: the store could have changed in between.
 */
export function requireSignedManifest(
  signed: SignedManifest | undefined,
  backup: BackupSource | undefined,
  opts: PreflightOptions,
): void {
  if (!opts.trustedSigners || !signed || !backup) return;
  const where = `${backup.location}/manifest.json`;
  if (!isDeepStrictEqual(parseManifest(signed.bytes.toString('utf8'), where), backup.manifest)) {
    throw new InputError(
      `${where} changed between checking its signature and reading it for the plan. Nothing was changed; make sure nothing writes to the set, then plan again.`,
    );
  }
  requireOwnName(backup.manifest.setName, backup.storeAccess().setName, where);
}

/**
 * A signed manifest names its own set: stored under another name, it is a genuine set
 * copied there (an older backup offered as a newer one), and the signature cannot say so.
 */
export function requireOwnName(signedName: string, storedName: string, where: string): void {
  if (signedName !== storedName) {
    throw new InputError(
      `${where}: the signed manifest is of set ${signedName}, but it is stored as ${storedName}: a signed set copied under another name (an older backup replayed?). Nothing was changed; restore ${signedName} by its own name if that is the one you want.`,
    );
  }
}

/**
 * Steps 2 and 3, once the plan says what it reads: every object it needs exists with its
 * manifest size, and the identity given opens every encrypted one. Every problem found is
 * listed in one InputError (exit 2); no node has been changed when it is thrown.
 */
export async function checkPlanObjects(
  plan: Plan,
  backup: BackupSource | undefined,
): Promise<PreflightResult['objects']> {
  const needed = objectsNeeded(plan);
  if (!backup) {
    if (needed.length > 0) {
      throw new InputError(
        `The plan reads ${needed.join(', ')} from a backup set, but none was given: pass --backup.`,
      );
    }
    return [];
  }
  const { store, setName, identities } = backup.storeAccess();
  const where = backup.location;

  const problems: string[] = [];
  const found: StoredObject[] = [];
  for (const name of needed) {
    const object = backup.manifest.objects.find((o) => o.name === name);
    if (!object) {
      problems.push(`${name}: the plan reads it, but the manifest does not list it`);
      continue;
    }
    const stat = await store.stat(setName, name);
    if (!stat) {
      problems.push(`${name}: missing from the store (the manifest lists ${object.bytes} bytes)`);
    } else if (stat.bytes !== object.bytes) {
      problems.push(
        `${name}: ${stat.bytes} bytes in the store, but the manifest says ${object.bytes} (${stat.bytes < object.bytes ? 'truncated' : 'altered'})`,
      );
    } else {
      found.push(object);
    }
  }

  const encrypted = found.filter((o) => o.encryption);
  if (encrypted.length > 0 && identities.length === 0) {
    const to = [...new Set(encrypted.flatMap((o) => o.encryption?.recipients ?? []))];
    problems.push(
      `${encrypted.map((o) => o.name).join(', ')} ${encrypted.length === 1 ? 'is' : 'are'} encrypted to ${to.join(', ')}, and no identity was given: pass the matching age identity file with --identity`,
    );
  } else {
    for (const object of encrypted) {
      try {
        const head = await store.read(setName, object.name, { firstBytes: HEADER_BYTES });
        await checkAgeHeader(head, identities, object.name);
      } catch (err) {
        if (!(err instanceof KubeRescueError)) throw err;
        problems.push(err.message.replace(/\.$/, ''));
      }
    }
  }

  if (problems.length > 0) {
    throw new InputError(
      `The backup ${where} cannot be used for this plan; refusing before any change to the cluster:\n${problems
        .map((p) => `- ${p}`)
        .join(
          '\n',
        )}\nNothing was changed. Check the set with 'kube-rescue verify', give the right --identity, or pick another set ('kube-rescue list').`,
    );
  }
  return found.map((o) => ({ name: o.name, bytes: o.bytes, encrypted: o.encryption !== null }));
}
