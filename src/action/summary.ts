import * as core from '@actions/core';
import { renderHuman } from '../report/render.js';

/** The job summary: what a person reads after the run, the same text the CLI prints. */
export async function writeSummary(
  command: string,
  result: unknown,
  failed = false,
): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  core.summary
    .addHeading(`kube-rescue ${command}${failed ? ' — failed' : ''}`, 2)
    .addRaw(renderHuman(command, result), true)
    .addDetails('Result as JSON', `\n\n\`\`\`json\n${JSON.stringify(result, null, 2)}\n\`\`\`\n`);
  await core.summary.write();
}
