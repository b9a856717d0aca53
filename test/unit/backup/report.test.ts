import { describe, expect, it } from 'vitest';
import { VerifyFailedError } from '../../../src/commands/verify.js';
import { renderHuman } from '../../../src/report/render.js';
import { memberLossPlan } from '../recovery/fixtures.js';

describe('human output of backup, list and verify', () => {
  it('backup: the set, revision and a table of objects with sizes', () => {
    const out = renderHuman('backup', {
      backupPath: '/b/c-20261122T000000Z',
      snapshotRevision: 42,
      snapshotSha256: 'ab'.repeat(32),
      objects: [
        { name: 'etcd.db.gz.age', bytes: 5 * 1024 * 1024 },
        { name: 'cp1-pki.tar.gz.age', bytes: 900 },
      ],
      removedByRetention: ['c-20261121T000000Z'],
    });
    expect(out).toContain('Backup set **/b/c-20261122T000000Z** (etcd revision 42');
    expect(out).toContain('| etcd.db.gz.age | 5.0 MiB |');
    expect(out).toContain('| cp1-pki.tar.gz.age | 900 B |');
    expect(out).toContain('Removed by retention: c-20261121T000000Z');
  });

  it('backup: a signed set names the signing key; plan: what the preflight checked', () => {
    const out = renderHuman('backup', {
      backupPath: '/b/c-20261122T000000Z',
      snapshotRevision: 42,
      snapshotSha256: 'ab'.repeat(32),
      objects: [],
      removedByRetention: [],
      signedBy: { keyType: 'ED25519', fingerprint: 'SHA256:abc' },
    });
    expect(out).toContain('Signed (manifest.json.sig) with ED25519 key SHA256:abc.');
    const plan = renderHuman('plan', {
      plan: memberLossPlan(),
      health: {},
      preflight: {
        signature: { status: 'unsigned' },
        signatureText: 'not signed: the set is trusted as the store holds it',
        objects: [{ name: 'node2-pki.tar.gz.age', bytes: 900, encrypted: true }],
      },
    });
    expect(plan).toContain(
      'Backup checked before any change: not signed: the set is trusted as the store holds it.\n- node2-pki.tar.gz.age: present, 900 bytes, opens with the identity given\n',
    );
  });

  it('list: time, revision, size, encryption per set', () => {
    const out = renderHuman('list', [
      {
        name: 'c-20261122T000000Z',
        url: 's3://b/c-20261122T000000Z',
        created: '2026-11-22T00:00:00.000Z',
        revision: 7,
        bytes: 2048,
        encrypted: true,
      },
    ]);
    expect(out).toContain('| set | created | revision | size | encryption |');
    expect(out).toContain(
      '| s3://b/c-20261122T000000Z | 2026-11-22T00:00:00.000Z | 7 | 2.0 KiB | age |',
    );
    expect(renderHuman('list', [])).toBe('No complete backup sets here.\n');
  });

  it('verify: each check with expected vs actual; a failure names the object in the error', () => {
    const result = {
      backup: '/b/c-20261122T000000Z',
      ok: false,
      checks: [
        { name: 'manifest', ok: true },
        { name: 'etcd.db.gz stored sha256', ok: false, expected: 'aa', actual: 'bb' },
      ],
    };
    const out = renderHuman('verify', result);
    expect(out).toContain('✖ /b/c-20261122T000000Z: 1/2 checks passed');
    expect(out).toContain('| etcd.db.gz stored sha256 | **NO** | aa | bb |  |');
    const err = new VerifyFailedError(result);
    expect(err.exitCode).toBe(1);
    expect(err.message).toBe(
      'Backup /b/c-20261122T000000Z failed verification:\n- etcd.db.gz stored sha256: expected aa, got bb',
    );
  });
});
