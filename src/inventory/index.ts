export {
  detectFormat,
  type InventoryDocument,
  type InventoryFormat,
  parseInventory,
  parseInventoryDocument,
  writeInventoryDocument,
} from './document.js';
export { loadInventory, readExtraVars } from './load.js';
export { type RecoveryRewriteOptions, recoveryRewrite } from './recovery-rewrite.js';
export { CONTROL_PLANE_GROUPS } from './resolve.js';
export type { EtcdMemberHost, Host, HostVars, Inventory, VarLayers } from './types.js';
