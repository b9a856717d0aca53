import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  blobKeyType,
  checkHostKey,
  knownHostsName,
  knownKeyTypes,
  parseKnownHosts,
} from '../../../src/nodes/known-hosts.js';

const dir = mkdtempSync(join(tmpdir(), 'kr-known-hosts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A fresh public key from the real ssh-keygen: `type base64` and its blob. */
function newKey(type: 'ed25519' | 'ecdsa' | 'rsa', name: string): { line: string; blob: Buffer } {
  const file = join(dir, name);
  execFileSync('ssh-keygen', [
    '-q',
    '-t',
    type,
    ...(type === 'rsa' ? ['-b', '2048'] : []),
    '-N',
    '',
    '-f',
    file,
  ]);
  const [keyType, base64] = readFileSync(`${file}.pub`, 'utf8').split(' ');
  return { line: `${keyType} ${base64}`, blob: Buffer.from(base64, 'base64') };
}

const node1 = newKey('ed25519', 'node1');
const node2 = newKey('ecdsa', 'node2');
const attacker = newKey('ed25519', 'attacker');

describe('parseKnownHosts', () => {
  it('reads plain, [host]:port, marked and commented lines, and reports unreadable ones', () => {
    const { entries, problems } = parseKnownHosts(
      [
        '# comment',
        `node1,10.0.0.11 ${node1.line} root@node1`,
        `[10.0.0.12]:2222 ${node2.line}`,
        `@revoked * ${attacker.line}`,
        '',
        'garbage-without-key',
        `node3 ssh-ed25519 ${Buffer.from('not a key').toString('base64')}`,
        `@weird node4 ${node1.line}`,
      ].join('\n'),
    );
    expect(entries.map((e) => [e.line, e.marker, e.keyType])).toEqual([
      [2, undefined, 'ssh-ed25519'],
      [3, undefined, 'ecdsa-sha2-nistp256'],
      [4, 'revoked', 'ssh-ed25519'],
    ]);
    expect(problems.map((p) => p.line)).toEqual([6, 7, 8]);
    expect(problems[2].reason).toContain('@weird');
    expect(blobKeyType(node2.blob)).toBe('ecdsa-sha2-nistp256');
  });
});

describe('checkHostKey', () => {
  const { entries } = parseKnownHosts(
    [
      `node1,10.0.0.11 ${node1.line}`,
      `[10.0.0.12]:2222 ${node2.line}`,
      `*.lab,!bad.lab ${node1.line}`,
      `@revoked * ${attacker.line}`,
    ].join('\n'),
  );

  it('accepts the known key by name or address, port 22 written plain', () => {
    expect(checkHostKey(entries, '10.0.0.11', 22, node1.blob)).toEqual({ ok: true, line: 1 });
    expect(checkHostKey(entries, 'NODE1', 22, node1.blob)).toMatchObject({ ok: true });
    expect(knownHostsName('10.0.0.12', 2222)).toBe('[10.0.0.12]:2222');
    expect(checkHostKey(entries, '10.0.0.12', 2222, node2.blob)).toEqual({ ok: true, line: 2 });
  });

  it('does not apply a port-22 entry to another port', () => {
    expect(checkHostKey(entries, '10.0.0.11', 2222, node1.blob)).toEqual({
      ok: false,
      reason: 'unknown',
    });
  });

  it('reports a different key for a known host as a mismatch with the lines it contradicts', () => {
    expect(checkHostKey(entries, '10.0.0.11', 22, node2.blob)).toEqual({
      ok: false,
      reason: 'mismatch',
      lines: [1],
      knownTypes: ['ssh-ed25519'],
    });
  });

  it('honours wildcards, negation and @revoked', () => {
    expect(checkHostKey(entries, 'cp.lab', 22, node1.blob)).toMatchObject({ ok: true, line: 3 });
    expect(checkHostKey(entries, 'bad.lab', 22, node1.blob)).toEqual({
      ok: false,
      reason: 'unknown',
    });
    expect(checkHostKey(entries, 'cp.lab', 22, attacker.blob)).toEqual({
      ok: false,
      reason: 'revoked',
      line: 4,
    });
  });

  it('matches the inventory name as an alias of the address', () => {
    expect(checkHostKey(entries, '192.0.2.1', 22, node1.blob, ['node1'])).toMatchObject({
      ok: true,
    });
    expect(knownKeyTypes(entries, '192.0.2.1', 22, ['node1'])).toEqual(['ssh-ed25519']);
  });

  it('matches entries hashed by the real ssh-keygen -H, for plain and [host]:port names', () => {
    const file = join(dir, 'known_hosts');
    writeFileSync(file, `node1 ${node1.line}\n[10.0.0.12]:2222 ${node2.line}\n`);
    execFileSync('ssh-keygen', ['-q', '-H', '-f', file], { stdio: 'ignore' });
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain('node1');
    const hashed = parseKnownHosts(text).entries;
    expect(hashed.every((e) => e.hosts.kind === 'hashed')).toBe(true);
    expect(checkHostKey(hashed, 'node1', 22, node1.blob)).toMatchObject({ ok: true });
    expect(checkHostKey(hashed, '10.0.0.12', 2222, node2.blob)).toMatchObject({ ok: true });
    expect(checkHostKey(hashed, 'node2', 22, node2.blob)).toEqual({ ok: false, reason: 'unknown' });
    expect(checkHostKey(hashed, 'node1', 22, attacker.blob)).toMatchObject({ reason: 'mismatch' });
  });
});
