/**
 * The Kubespray runbook's example after its edit (seeds/000: "수정 후"), with addresses from
 * the documentation range 192.0.2.0/24 (RFC 5737), as an operator would hand it in.
 */
export const RUNBOOK_INVENTORY = `[all]
taco-m1 ansible_host=192.0.2.11 ip=192.0.2.11
taco-m2 ansible_host=192.0.2.12 ip=192.0.2.12
taco-m3 ansible_host=192.0.2.13 ip=192.0.2.13
taco-w1 ansible_host=192.0.2.21 ip=192.0.2.21
taco-w2 ansible_host=192.0.2.22 ip=192.0.2.22

[kube_control_plane]
taco-m1
taco-m2
taco-m3

[etcd]
taco-w1 etcd_member_name=etcd4
taco-m1
taco-m2
taco-m3
taco-w2

[kube_node]
taco-w1
taco-w2

[broken_etcd]
taco-m1 etcd_member_name=etcd1
taco-m2 etcd_member_name=etcd2
taco-m3 etcd_member_name=etcd3

[broken_kube_control_plane]
taco-m1
taco-m2
taco-m3

[k8s_cluster:children]
kube_control_plane
kube_node
`;
