import { createHmac, timingSafeEqual } from 'node:crypto';

/** One line of an OpenSSH known_hosts file. */
export interface KnownHostEntry {
  /** `@revoked` keys are refused; `@cert-authority` lines are kept but never match a plain key. */
  marker?: 'revoked' | 'cert-authority';
  /** Comma-separated patterns (`host`, `[host]:port`, `*.example`, `!negated`), or a hashed name. */
  hosts: { kind: 'patterns'; patterns: string[] } | { kind: 'hashed'; salt: Buffer; hash: Buffer };
  keyType: string;
  /** The raw public key blob (what the server presents). */
  key: Buffer;
  /** 1-based line number, for messages. */
  line: number;
}

export interface KnownHostsProblem {
  line: number;
  reason: string;
}

/** Parses known_hosts text. Lines it cannot read are reported, not silently dropped. */
export function parseKnownHosts(text: string): {
  entries: KnownHostEntry[];
  problems: KnownHostsProblem[];
} {
  const entries: KnownHostEntry[] = [];
  const problems: KnownHostsProblem[] = [];
  for (const [index, raw] of text.split(/\r?\n/).entries()) {
    const trimmed = raw.trim();
    if (!trimmed || trimmed.startsWith('#')) continue;
    const parsed = parseEntry(trimmed, index + 1);
    if (typeof parsed === 'string') problems.push({ line: index + 1, reason: parsed });
    else entries.push(parsed);
  }
  return { entries, problems };
}

/** One non-comment line as an entry, or why it is unreadable. */
function parseEntry(text: string, line: number): KnownHostEntry | string {
  const fields = text.split(/\s+/);
  let marker: KnownHostEntry['marker'];
  if (fields[0].startsWith('@')) {
    const m = fields.shift()!;
    if (m === '@revoked') marker = 'revoked';
    else if (m === '@cert-authority') marker = 'cert-authority';
    else return `unknown marker ${m}`;
  }
  const [hostField, keyType, keyText] = fields;
  if (!hostField || !keyType || !keyText) return 'expected: hosts key-type base64-key [comment]';
  const key = Buffer.from(keyText, 'base64');
  if (blobKeyType(key) !== keyType) return `the key is not a valid ${keyType} public key`;
  const hosts = parseHostField(hostField);
  if (!hosts) return `unreadable hashed host ${hostField}`;
  return { marker, hosts, keyType, key, line };
}

/** The key type named inside an SSH public key blob (its first length-prefixed string). */
export function blobKeyType(key: Buffer): string | undefined {
  if (key.length < 4) return undefined;
  const len = key.readUInt32BE(0);
  if (len === 0 || len > 64 || key.length < 4 + len) return undefined;
  return key.subarray(4, 4 + len).toString('latin1');
}

/** The name OpenSSH looks up: `host` on port 22, `[host]:port` otherwise. */
export function knownHostsName(host: string, port: number): string {
  return port === 22 ? host : `[${host}]:${port}`;
}

export type HostKeyVerdict =
  | { ok: true; line: number }
  | { ok: false; reason: 'unknown' }
  | { ok: false; reason: 'revoked'; line: number }
  | { ok: false; reason: 'mismatch'; lines: number[]; knownTypes: string[] };

/**
 * Decides whether `key`, presented by `host:port`, is the one known_hosts expects.
 * `aliases` are further names the host is known by (e.g. its inventory name).
 */
export function checkHostKey(
  entries: readonly KnownHostEntry[],
  host: string,
  port: number,
  key: Buffer,
  aliases: readonly string[] = [],
): HostKeyVerdict {
  const names = [host, ...aliases].map((h) => knownHostsName(h.toLowerCase(), port));
  const matching = entries.filter((e) => names.some((n) => entryMatches(e, n)));
  const revoked = entries.find((e) => e.marker === 'revoked' && e.key.equals(key));
  if (revoked) return { ok: false, reason: 'revoked', line: revoked.line };
  const plain = matching.filter((e) => e.marker === undefined);
  const same = plain.find((e) => e.key.equals(key));
  if (same) return { ok: true, line: same.line };
  if (plain.length === 0) return { ok: false, reason: 'unknown' };
  return {
    ok: false,
    reason: 'mismatch',
    lines: plain.map((e) => e.line),
    knownTypes: [...new Set(plain.map((e) => e.keyType))],
  };
}

/** Key types known_hosts holds for the host, so the handshake asks for one of those. */
export function knownKeyTypes(
  entries: readonly KnownHostEntry[],
  host: string,
  port: number,
  aliases: readonly string[] = [],
): string[] {
  const names = [host, ...aliases].map((h) => knownHostsName(h.toLowerCase(), port));
  const types = entries
    .filter((e) => e.marker === undefined && names.some((n) => entryMatches(e, n)))
    .map((e) => e.keyType);
  return [...new Set(types)];
}

function parseHostField(field: string): KnownHostEntry['hosts'] | undefined {
  if (field.startsWith('|1|')) {
    const [, , salt, hash] = field.split('|');
    if (!salt || !hash) return undefined;
    const s = Buffer.from(salt, 'base64');
    const h = Buffer.from(hash, 'base64');
    if (s.length !== 20 || h.length !== 20) return undefined;
    return { kind: 'hashed', salt: s, hash: h };
  }
  return { kind: 'patterns', patterns: field.toLowerCase().split(',').filter(Boolean) };
}

function entryMatches(entry: KnownHostEntry, name: string): boolean {
  if (entry.hosts.kind === 'hashed') {
    const digest = createHmac('sha1', entry.hosts.salt).update(name).digest();
    return timingSafeEqual(digest, entry.hosts.hash);
  }
  let matched = false;
  for (const pattern of entry.hosts.patterns) {
    const negated = pattern.startsWith('!');
    if (globMatches(negated ? pattern.slice(1) : pattern, name)) {
      // As in OpenSSH: a matching negation rules the entry out whatever else matches.
      if (negated) return false;
      matched = true;
    }
  }
  return matched;
}

/** OpenSSH host patterns: `*` any run, `?` one character, everything else literal. */
function globMatches(pattern: string, name: string): boolean {
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${source}$`).test(name);
}
