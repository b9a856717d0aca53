import { NotBuiltError } from '../errors.js';
import type { NodeAccess } from '../nodes/access.js';
import type { CommandContext } from './context.js';

export interface PlanOptions {
  inventory: string;
  access: NodeAccess;
  backup?: string;
  identityFiles: string[];
  strategy: 'parallel' | 'grow';
  force: boolean;
}

export async function plan(_opts: PlanOptions, _ctx: CommandContext): Promise<unknown> {
  throw new NotBuiltError('kube-rescue plan', 'Recovery: probe, plan, restore');
}
