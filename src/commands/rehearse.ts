import { NotBuiltError } from '../errors.js';
import type { CommandContext } from './context.js';

export const SCENARIOS = [
  'member-loss',
  'quorum-loss',
  'total-loss',
  'cert-loss',
  'runbook-example',
] as const;
export type ScenarioName = (typeof SCENARIOS)[number];

export interface RehearseOptions {
  provider: 'local' | 'kind';
  scenarios: ScenarioName[];
  report?: string;
  keys: number;
}

export async function rehearse(_opts: RehearseOptions, _ctx: CommandContext): Promise<unknown> {
  throw new NotBuiltError('kube-rescue rehearse', 'Rehearse, and the action as users meet it');
}
