import * as core from '@actions/core';

/** State handed from the main step to the post step, through typed accessors only. */
const TEMP_DIR = 'tempDir';

export function saveTempDir(dir: string): void {
  core.saveState(TEMP_DIR, dir);
}

export function tempDir(): string | undefined {
  return core.getState(TEMP_DIR) || undefined;
}
