import { rm } from 'node:fs/promises';
import * as core from '@actions/core';
import { tempDir } from './action/state.js';

/** The post step: removes temporary key material, also after a failed main step. */
async function cleanup(): Promise<void> {
  const dir = tempDir();
  if (!dir) return;
  try {
    await rm(dir, { recursive: true, force: true });
    core.info('Removed temporary key material.');
  } catch (err) {
    core.warning(`Could not remove ${dir}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

void cleanup();
