import type { Inventory } from '../inventory/types.js';
import type { NodeAccess } from '../nodes/access.js';
import { NodePool } from '../nodes/connect.js';
import type { TransportSource } from './probe.js';

/** One transport per inventory host, reused by every step; `close` releases them all. */
export function openNodeTransports(
  inventory: Inventory,
  access: NodeAccess,
): { transportFor: TransportSource; close(): Promise<void> } {
  const pool = new NodePool(access);
  return {
    transportFor: (host) =>
      pool.get({ name: host, address: inventory.addressOf(host), ...inventory.sshOf(host) }),
    close: () => pool.closeAll(),
  };
}
