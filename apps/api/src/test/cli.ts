import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

export interface ScriptRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a TypeScript entry point as the package scripts do (`node --import tsx <script> …`) from `cwd`
 * (the repository's root unless given) with exactly the environment `env`, and returns its exit code and
 * output: a failing script resolves with its code, it does not reject. */
export function runScript(
  script: string,
  args: string[],
  opts: { env: NodeJS.ProcessEnv; cwd?: string; timeout?: number },
): Promise<ScriptRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', script, ...args],
      { cwd: opts.cwd ?? root, env: opts.env, timeout: opts.timeout ?? 0 },
      (err, stdout, stderr) => resolve({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr }),
    );
  });
}
