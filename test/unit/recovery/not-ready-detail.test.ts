import { describe, expect, it } from 'vitest';
import { notReadyDetail } from '../../../src/recovery/verify.js';

// What the "nodes Ready" check says of a node that stayed NotReady: the node's own Ready
// condition, as the API server returns it (the shapes below are a kubelet's and the node
// lifecycle controller's, as kubectl get nodes -o json shows them).
describe('a node that is not Ready, as the nodes check names it', () => {
  it("names the kubelet's own reason and message", () => {
    expect(
      notReadyDetail({
        metadata: { name: 'node2' },
        status: {
          conditions: [
            { type: 'MemoryPressure', status: 'False' },
            {
              type: 'Ready',
              status: 'False',
              reason: 'KubeletNotReady',
              message:
                'PLEG is not healthy: pleg was last seen active 3m50s ago;\n threshold is 3m0s',
              lastHeartbeatTime: '2026-12-07T02:31:12Z',
            },
          ],
        },
      }),
    ).toBe(
      'node2 (Ready False, KubeletNotReady: PLEG is not healthy: pleg was last seen active 3m50s ago; threshold is 3m0s, last heartbeat 2026-12-07T02:31:12Z)',
    );
  });

  it('says when the kubelet stopped posting status, and when there is no condition at all', () => {
    expect(
      notReadyDetail({
        metadata: { name: 'node3' },
        status: {
          conditions: [
            {
              type: 'Ready',
              status: 'Unknown',
              reason: 'NodeStatusUnknown',
              message: 'Kubelet stopped posting node status.',
            },
          ],
        },
      }),
    ).toBe('node3 (Ready Unknown, NodeStatusUnknown: Kubelet stopped posting node status.)');
    expect(notReadyDetail({ metadata: { name: 'node4' }, status: { conditions: [] } })).toBe(
      'node4 (no Ready condition)',
    );
  });
});
