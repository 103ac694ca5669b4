/** Run a CLI's main function against the real process (stdout/stderr, exit code). */
import type { CliIo } from './score-cli';

export function processIo(): CliIo {
  return {
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    isTTY: !!process.stdout.isTTY && !process.env.NO_COLOR,
  };
}

/** Await `main`, then set the exit code (letting stdout drain instead of calling process.exit). */
export function runMain(main: (argv: readonly string[], io: CliIo) => Promise<number>): void {
  main(process.argv.slice(2), processIo()).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
