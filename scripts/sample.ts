/** `npm run sample -- [--accounts N] [--seed S] [--at ISO] [--tz Zone] [--out file]` — see scripts/lib/sample-cli.ts. */
import { runMain } from './lib/main';
import { runSample } from './lib/sample-cli';

runMain(runSample);
