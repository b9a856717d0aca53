import { defineConfig } from 'vitest/config';

// Two projects: `unit` (fast, no services) and `integration` (real etcd, Docker, sshd, S3).
export default defineConfig({
  test: {
    reporters: ['default', './test/setup/summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          setupFiles: ['test/setup/action-env.ts'],
          // Imports its JSON schema without an import attribute, which Node 20 refuses: let Vite load it.
          server: { deps: { inline: ['@actions/workflow-parser'] } },
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          testTimeout: 300_000,
          hookTimeout: 600_000,
          // Clusters of containers share one Docker engine and two cores: one file at a time.
          fileParallelism: false,
          env: {
            TESTCONTAINERS_RYUK_DISABLED: 'true',
            TESTCONTAINERS_HOST_OVERRIDE: 'localhost',
          },
        },
      },
    ],
  },
});
