/**
 * Node prints DEP0123 ("Setting the TLS ServerName to an IP address is not permitted by RFC
 * 6066") whenever the etcd3 client's grpc-js connects to `https://<ip>:2379`, which is how
 * Kubespray and kubeadm name etcd (their certificates carry IP SANs, and they are verified
 * against the IP all the same). It reads like a problem with the user's cluster and is not
 * one, so the commands drop that one warning and print every other warning as Node would.
 */
const HARMLESS = new Set(['DEP0123']);

export function dropHarmlessWarnings(): void {
  // Node's own printer is a 'warning' listener; this one replaces it, minus the harmless codes.
  process.removeAllListeners('warning');
  process.on('warning', (warning: Error & { code?: string }) => {
    if (warning.code && HARMLESS.has(warning.code)) return;
    const code = warning.code ? `[${warning.code}] ` : '';
    process.stderr.write(`(node:${process.pid}) ${code}${warning.name}: ${warning.message}\n`);
  });
}
