import { NotBuiltError } from '../errors.js';
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

export async function inventoryRecover(
  _opts: InventoryRecoverOptions,
  _ctx: CommandContext,
): Promise<InventoryRecoverResult> {
  throw new NotBuiltError('kube-rescue inventory recover', 'Kubespray inventories');
}
