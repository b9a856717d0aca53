/** An etcd member's URLs on Kubespray's and kubeadm's defaults: https, client 2379, peer 2380. */
export const peerURLOf = (address: string): string => `https://${address}:2380`;
export const clientURLOf = (address: string): string => `https://${address}:2379`;
