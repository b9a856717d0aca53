import type { Progress } from '../progress.js';

/** What every command gets from its caller (CLI or action). */
export interface CommandContext {
  progress: Progress;
  /** Working directory for temporary files of this run (journal, decrypted keys). */
  workDir?: string;
}
