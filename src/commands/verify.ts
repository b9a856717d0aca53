import { NotBuiltError } from '../errors.js';
import type { CommandContext } from './context.js';

export interface VerifyOptions {
  backup: string;
  identityFiles: string[];
  deep: boolean;
}

export interface VerifyCheck {
  name: string;
  ok: boolean;
  expected?: string;
  actual?: string;
  detail?: string;
}

export interface VerifyResult {
  backup: string;
  ok: boolean;
  checks: VerifyCheck[];
}

export async function verify(_opts: VerifyOptions, _ctx: CommandContext): Promise<VerifyResult> {
  throw new NotBuiltError('kube-rescue verify', 'Backup and verify');
}
