import { defineConfig } from 'vitest/config';
import LongestFirstSequencer from './test/setup/sequencer.js';

// Two projects: `unit` (fast, no services) and `integration` (real etcd, Docker, sshd, S3).
export default defineConfig({
  test: {
    reporters: ['default', './test/setup/summary-reporter.ts'],
    sequence: { sequencer: LongestFirstSequencer },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          setupFiles: ['test/setup/action-env.ts'],
          // Imports its JSON schema without an import attribute, which Node 20 refuses: let Vite load it.
          server: { deps: { inline: ['@actions/workflow-parser'] } },
          testTimeout: 20_000,
          // Both cores: vitest's default leaves one free, and the unit files, mostly module
          // loading and child processes, then took 75 s alone instead of 51 s (2 December).
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          testTimeout: 300_000,
          hookTimeout: 600_000,
          // Three files at a time: most of an integration test's time is waiting (containers
          // booting, etcd electing, kubelets noticing a manifest moved), so files overlap well
          // even on two cores, and the harness is made for concurrent runs (free ports, a fresh
          // /24 per cluster network, image builds under a lock, clean-up only of what its own
          // process made). With two, the kubeadm file alone (~1050 s) and the rest (~2250 s)
          // made a 28-minute CI run. KUBE_RESCUE_TEST_FILES=1 goes back to one at a time.
          fileParallelism: true,
          maxWorkers: Number(process.env.KUBE_RESCUE_TEST_FILES ?? 3),
          // A project with its own maxWorkers runs as a group of its own: after the unit files.
          sequence: { groupOrder: 1 },
          env: {
            // At most two kubeadm clusters at once (harness/kubeadm-provider.ts): with three
            // files at a time, three kubeadm files together took CI to a load of ~30.
            KUBE_RESCUE_KUBEADM_CLUSTERS: process.env.KUBE_RESCUE_KUBEADM_CLUSTERS ?? '2',
            TESTCONTAINERS_RYUK_DISABLED: 'true',
            TESTCONTAINERS_HOST_OVERRIDE: 'localhost',
          },
        },
      },
    ],
  },
});
