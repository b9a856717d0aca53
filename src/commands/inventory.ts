import { randomBytes } from 'node:crypto';
import { rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { InputError, OperationError } from '../errors.js';
import { loadInventory, recoveryRewrite } from '../inventory/index.js';
import type { CommandContext } from './context.js';

export interface InventoryRecoverOptions {
  inventory: string;
  brokenEtcd: string[];
  brokenControlPlane: string[];
  extraVars: string[];
  output?: string;
}

export interface InventoryRecoverResult {
  output?: string;
  text: string;
}

/**
 * Writes `text` to `path` so that readers see the old file or the new one, never a part:
 * a temp file beside it, then rename. Inventories can hold passwords (ansible_become_pass),
 * so the file gets no wider permissions than the inventory it came from.
 */
async function writeAtomically(path: string, text: string, mode: number): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, text, { mode, flag: 'wx' });
    await rename(temp, path);
  } catch (err) {
    await rm(temp, { force: true });
    const code = (err as NodeJS.ErrnoException).code ?? '';
    const message = `cannot write the recovery inventory to ${path}: ${(err as Error).message}`;
    // A path the operator got wrong is bad input; anything else is the write failing.
    if (['ENOENT', 'ENOTDIR', 'EISDIR', 'EACCES', 'EROFS'].includes(code)) {
      throw new InputError(`${message}. Check the -o path.`, { cause: err });
    }
    throw new OperationError(message, { cause: err });
  }
}

export async function inventoryRecover(
  opts: InventoryRecoverOptions,
  ctx: CommandContext,
): Promise<InventoryRecoverResult> {
  const inventory = await loadInventory(opts.inventory, { extraVars: opts.extraVars });
  const snapshot = inventory.extraVars.etcd_snapshot;
  const text = recoveryRewrite(inventory, {
    brokenEtcd: opts.brokenEtcd,
    brokenControlPlane: opts.brokenControlPlane,
    etcdSnapshot: typeof snapshot === 'string' && snapshot !== '' ? snapshot : undefined,
  });
  if (opts.output === undefined) return { text };
  const mode = (await stat(opts.inventory)).mode & 0o666;
  await writeAtomically(opts.output, text, mode);
  ctx.progress.info(`wrote the recovery inventory to ${opts.output}`);
  return { output: opts.output, text };
}
