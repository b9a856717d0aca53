import { NotBuiltError } from '../errors.js';
import type { CommandContext } from './context.js';

export interface ListedSet {
  name: string;
  url: string;
  created: string;
  revision: number;
  bytes: number;
  encrypted: boolean;
}

export async function list(_dest: string, _ctx: CommandContext): Promise<ListedSet[]> {
  throw new NotBuiltError('kube-rescue list', 'Backup and verify');
}
