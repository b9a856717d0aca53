import * as core from '@actions/core';
import { FINGERPRINT_MODES, type FingerprintMode } from '../commands/backup.js';
import {
  DEFAULT_ETCD_VERSION,
  ETCD_VERSIONS,
  type EtcdVersion,
  REHEARSAL_PROVIDERS,
  type RehearsalProvider,
  SCENARIOS,
  type ScenarioName,
} from '../commands/rehearse-choices.js';
import { InputError } from '../errors.js';
import type { NodeAccess } from '../nodes/access.js';
import type { S3Settings } from '../stores/s3-location.js';

export const COMMANDS = [
  'backup',
  'verify',
  'plan',
  'restore',
  'inventory',
  'rehearse',
  'list',
] as const;
export type ActionCommand = (typeof COMMANDS)[number];

/** Every input of action.yml, read and checked once. */
export interface ActionSettings {
  command: ActionCommand;
  inventory?: string;
  destination?: string;
  backup?: string;
  encryptTo: string[];
  /** age identity text (secret). */
  identity?: string;
  /** SSH private key text that signs backup sets (secret). */
  signKey?: string;
  /** allowed_signers lines: verify/plan/restore refuse a set not signed by one of them. */
  trustedSignersText?: string;
  compress: 'gzip' | 'zstd' | 'none';
  fingerprint: FingerprintMode;
  access: NodeAccess;
  /** known_hosts lines given inline. */
  knownHostsText?: string;
  keep?: number;
  keepHourly?: number;
  keepDaily?: number;
  keepWeekly?: number;
  clusterName?: string;
  /** S3 endpoint, region and path style for every command (unset: the AWS_* environment). */
  s3: S3Settings;
  etcdOnly: boolean;
  deep: boolean;
  brokenEtcd: string[];
  brokenControlPlane: string[];
  /** plan/restore: hosts that will not return (`--remove-host`). */
  removeHosts: string[];
  /** plan/restore: seconds each host may take to be probed (`--probe-timeout`). */
  probeTimeoutS?: number;
  strategy: 'parallel' | 'grow';
  confirm: boolean;
  force: boolean;
  /** plan: where to write the plan file; restore: the plan file to execute. */
  planFile?: string;
  /** restore: the sha256 the plan file must have (the plan job's `plan-sha256` output). */
  planSha256?: string;
  /** restore: where the journal is kept (`backup`, a directory, s3://… or artifact://). */
  journal?: string;
  provider: RehearsalProvider;
  /** A token for GitHub's REST API (secret): artifact:// sets of earlier workflow runs. */
  githubToken?: string;
  etcdVersion: EtcdVersion;
  scenarios: ScenarioName[];
  report?: string;
}

function oneOf<T extends string>(name: string, allowed: readonly T[], fallback?: T): T {
  const raw = core.getInput(name).trim();
  if (!raw && fallback !== undefined) return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new InputError(
      `Invalid input '${name}': '${raw}'. Expected one of: ${allowed.join(', ')}.`,
    );
  }
  return raw as T;
}

/** true, false, or undefined when the input is empty. */
function optionalBool(name: string): boolean | undefined {
  const raw = core.getInput(name).trim().toLowerCase();
  if (raw === '') return undefined;
  if (raw === 'false') return false;
  if (raw === 'true') return true;
  throw new InputError(`Invalid input '${name}': '${raw}'. Expected true or false.`);
}

function bool(name: string): boolean {
  return optionalBool(name) ?? false;
}

function list(name: string): string[] {
  return core
    .getInput(name)
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function optional(name: string): string | undefined {
  return core.getInput(name).trim() || undefined;
}

function positiveInt(name: string): number | undefined {
  const raw = core.getInput(name).trim();
  if (!raw) return undefined;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) {
    throw new InputError(`Invalid input '${name}': '${raw}'. Expected a whole number ≥ 1.`);
  }
  return Number(raw);
}

function sha256Input(name: string): string | undefined {
  const raw = optional(name)?.toLowerCase();
  if (raw !== undefined && !/^[0-9a-f]{64}$/.test(raw)) {
    throw new InputError(`Invalid input '${name}': '${raw}'. Expected a sha256 (64 hex digits).`);
  }
  return raw;
}

function require(name: string, value: string | undefined, command: string, form: string): string {
  if (!value) {
    throw new InputError(`Input '${name}' is required for command '${command}'. Expected ${form}.`);
  }
  return value;
}

export function readSettings(): ActionSettings {
  const command = oneOf('command', COMMANDS);

  // Secrets are masked before anything can print them.
  const identity = optional('identity');
  const sshKey = core.getInput('ssh-key');
  const signKey = core.getInput('sign-key');
  const githubToken = optional('github-token');
  if (identity) core.setSecret(identity);
  if (githubToken) core.setSecret(githubToken);
  for (const key of [sshKey, signKey]) {
    if (!key.trim()) continue;
    for (const line of key.split('\n')) if (line.trim().length > 8) core.setSecret(line.trim());
    core.setSecret(key);
  }
  // S3 credentials come from the environment, never an input; a job that sets them from
  // plain text rather than a secret still gets them masked.
  for (const name of ['AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN']) {
    const value = process.env[name]?.trim();
    if (value) core.setSecret(value);
  }
  if (signKey.trim() && !signKey.includes('PRIVATE KEY-----')) {
    throw new InputError(
      "Invalid input 'sign-key': it holds no '-----BEGIN OPENSSH PRIVATE KEY-----' block. Pass the contents of an SSH private key (ssh-keygen -t ed25519), from a secret.",
    );
  }

  const endpoints = list('etcd-endpoints');
  for (const e of endpoints) {
    if (!/^https?:\/\/[^\s/]+(:\d+)?\/?$/.test(e)) {
      throw new InputError(
        `Invalid input 'etcd-endpoints': '${e}'. Expected comma-separated URLs like https://10.0.0.1:2379.`,
      );
    }
  }

  const encryptTo = list('encrypt-to');
  for (const r of encryptTo) {
    if (!/^age1[0-9a-z]{58}$/.test(r) && !r.startsWith('ssh-')) {
      throw new InputError(
        `Invalid input 'encrypt-to': '${r.slice(0, 12)}…'. Expected age recipients like age1… (62 characters).`,
      );
    }
  }
  if (identity && !identity.includes('AGE-SECRET-KEY-1')) {
    throw new InputError(
      "Invalid input 'identity': it holds no AGE-SECRET-KEY-1… line. Pass the contents of an age identity file.",
    );
  }

  const settings: ActionSettings = {
    command,
    inventory: optional('inventory'),
    destination: optional('destination'),
    backup: optional('backup'),
    encryptTo,
    identity,
    signKey: signKey.trim() ? signKey : undefined,
    trustedSignersText: optional('trusted-signers'),
    compress: oneOf('compress', ['gzip', 'zstd', 'none'] as const, 'gzip'),
    fingerprint: oneOf('fingerprint', FINGERPRINT_MODES, 'hash'),
    access: {
      transport: oneOf('transport', ['ssh', 'local', 'docker'] as const, 'ssh'),
      sshUser: optional('ssh-user'),
      sshKey: sshKey.trim() ? sshKey : undefined,
      insecureSkipHostKeyCheck: bool('insecure-skip-host-key-check'),
      etcdEndpoints: endpoints.length ? endpoints : undefined,
      etcdCacert: optional('etcd-cacert'),
      etcdCert: optional('etcd-cert'),
      etcdKey: optional('etcd-key'),
      layout: oneOf('layout', ['auto', 'kubespray', 'kubeadm'] as const, 'auto'),
    },
    knownHostsText: optional('known-hosts'),
    keep: positiveInt('keep'),
    keepHourly: positiveInt('keep-hourly'),
    keepDaily: positiveInt('keep-daily'),
    keepWeekly: positiveInt('keep-weekly'),
    clusterName: optional('cluster-name'),
    s3: {
      endpoint: optional('s3-endpoint'),
      region: optional('s3-region'),
      forcePathStyle: optionalBool('s3-force-path-style'),
    },
    etcdOnly: bool('etcd-only'),
    deep: bool('deep'),
    brokenEtcd: list('broken-etcd'),
    brokenControlPlane: list('broken-control-plane'),
    removeHosts: list('remove-hosts'),
    probeTimeoutS: positiveInt('probe-timeout'),
    strategy: oneOf('strategy', ['parallel', 'grow'] as const, 'parallel'),
    confirm: bool('confirm'),
    force: bool('force'),
    planFile: optional('plan-file'),
    planSha256: sha256Input('plan-sha256'),
    journal: optional('journal'),
    provider: oneOf('provider', REHEARSAL_PROVIDERS, 'kind'),
    githubToken,
    etcdVersion: oneOf('etcd-version', ETCD_VERSIONS, DEFAULT_ETCD_VERSION),
    scenarios: list('scenarios').map((s) => {
      if (!(SCENARIOS as readonly string[]).includes(s)) {
        throw new InputError(
          `Invalid input 'scenarios': '${s}'. Expected some of: ${SCENARIOS.join(', ')}.`,
        );
      }
      return s as ScenarioName;
    }),
    report: optional('report'),
  };

  switch (command) {
    case 'backup':
      require('destination', settings.destination, command, 'a directory or s3://bucket/prefix');
      if (!settings.inventory && !settings.access.etcdEndpoints) {
        throw new InputError(
          "Command 'backup' needs input 'inventory' (a Kubespray hosts.ini/hosts.yaml) or 'etcd-endpoints' with transport 'local'.",
        );
      }
      // Said before the backup runs, not after its upload when retention lists the sets.
      if (
        settings.destination!.startsWith('artifact://') &&
        !githubToken &&
        (settings.keep || settings.keepHourly || settings.keepDaily || settings.keepWeekly)
      ) {
        throw new InputError(
          `Retention (keep, keep-hourly, keep-daily, keep-weekly) with destination artifact:// prunes the sets of earlier workflow runs, which needs input 'github-token' (default \${{ github.token }}, with 'permissions: actions: write'); it is empty.`,
        );
      }
      break;
    case 'list':
      require('destination', settings.destination, command, 'a directory or s3://bucket/prefix');
      break;
    case 'verify':
      require('backup', settings.backup, command, 'a backup set path or URL');
      break;
    case 'plan':
    case 'restore':
    case 'inventory':
      require('inventory', settings.inventory, command, 'the path of a Kubespray hosts.ini or hosts.yaml');
      break;
    case 'rehearse':
      break;
  }
  return settings;
}
