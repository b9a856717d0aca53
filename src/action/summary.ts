import * as core from '@actions/core';

/** The job summary: what a person reads after the run. */
export async function writeSummary(command: string, result: unknown): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  core.summary
    .addHeading(`kube-rescue ${command}`, 2)
    .addCodeBlock(JSON.stringify(result, null, 2), 'json');
  await core.summary.write();
}
