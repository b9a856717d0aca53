import { NotBuiltError } from '../errors.js';
import type { Inventory } from '../inventory/types.js';
import type { NodeAccess } from '../nodes/access.js';
import type { TransportSource } from './probe.js';

/** One transport per inventory host, reused by every step; `close` releases them all. */
export function openNodeTransports(
  _inventory: Inventory,
  _access: NodeAccess,
): { transportFor: TransportSource; close(): Promise<void> } {
  throw new NotBuiltError(
    'Reaching nodes from the plan/restore commands (src/nodes/connect.ts NodePool)',
    'Reaching nodes and driving etcd',
  );
}
