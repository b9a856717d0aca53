import type { BuildOptions } from 'esbuild';

export const esmShim: string;
export const common: BuildOptions;
export const cliOptions: BuildOptions;
export const actionOptions: BuildOptions;
