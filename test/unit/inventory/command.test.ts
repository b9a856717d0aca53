import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inventoryRecover } from '../../../src/commands/inventory.js';
import { InputError } from '../../../src/errors.js';
import { silentProgress } from '../../../src/progress.js';

const ctx = { progress: silentProgress };
const inventory = 'test/fixtures/inventory/runbook-hosts.ini';
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kube-rescue-inventory-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('inventoryRecover', () => {
  it('treats an -o path in a missing directory as bad input and leaves nothing behind', async () => {
    const out = join(dir, 'missing', 'recovery.ini');
    const run = inventoryRecover(
      { inventory, brokenEtcd: ['taco-m1'], brokenControlPlane: [], extraVars: [], output: out },
      ctx,
    );
    await expect(run).rejects.toBeInstanceOf(InputError);
    await expect(run).rejects.toThrow(
      /cannot write the recovery inventory to .*recovery\.ini.*Check the -o path/,
    );
    expect(await readdir(dir)).toEqual([]);
  });

  it('returns the text without -o, and the path with it', async () => {
    const opts = {
      inventory,
      brokenEtcd: ['taco-m1'],
      brokenControlPlane: ['taco-m1'],
      extraVars: [],
    };
    const printed = await inventoryRecover(opts, ctx);
    expect(printed.output).toBeUndefined();
    expect(printed.text).toContain('[broken_etcd]\ntaco-m1 etcd_member_name=etcd1\n');
    const out = join(dir, 'recovery.ini');
    expect(await inventoryRecover({ ...opts, output: out }, ctx)).toEqual({
      output: out,
      text: printed.text,
    });
  });
});
