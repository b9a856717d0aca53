import { NotBuiltError } from '../errors.js';
import type { CommandContext } from './context.js';
import type { PlanOptions } from './plan.js';

export interface RestoreOptions extends PlanOptions {
  yes: boolean;
  journal?: string;
}

export async function restore(_opts: RestoreOptions, _ctx: CommandContext): Promise<unknown> {
  throw new NotBuiltError('kube-rescue restore', 'Recovery: probe, plan, restore');
}
