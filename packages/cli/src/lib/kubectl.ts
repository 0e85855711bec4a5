import { execFile } from 'node:child_process';
import { environmentError } from './exit.ts';

export interface KubectlOptions {
  context?: string | undefined;
}

/**
 * Runs kubectl and returns its stdout. Read-only callers only: the CLI never changes the cluster, it prints
 * the commands that do. Missing kubectl or a failing call (no access, wrong context) is an environment error.
 */
export function kubectl(args: readonly string[], options: KubectlOptions = {}): Promise<string> {
  const full = [...(options.context ? ['--context', options.context] : []), ...args];
  return new Promise((resolve, reject) => {
    execFile('kubectl', full, { maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (!error) return resolve(stdout);
      if ((error as NodeJS.ErrnoException).code === 'ENOENT')
        return reject(
          environmentError(
            'kubectl is not installed or not on PATH',
            'install kubectl, or run without --check',
          ),
        );
      reject(
        environmentError(
          `kubectl ${args.slice(0, 2).join(' ')} failed: ${stderr.trim().split('\n')[0] || error.message}`,
          'check your kube context (--context) and access to the cluster',
        ),
      );
    });
  });
}
