import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CommandFailedError } from '../../../src/nodes/errors.js';
import { LocalTransport } from '../../../src/nodes/local.js';
import { transportContract } from './transport-contract.js';

describe('LocalTransport on this machine', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'kr-local-'));
  const transport = new LocalTransport('runner');
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  transportContract(() => transport, { scratchDir: () => scratch });

  it('reports a missing program as exit 127 naming it', async () => {
    const err = await transport.exec(['kube-rescue-no-such-program']).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CommandFailedError);
    expect((err as CommandFailedError).commandExitCode).toBe(127);
    expect((err as Error).message).toContain('kube-rescue-no-such-program: command not found');
  });
});
