/** `npm run score -- <bundle.json> [--at <ISO date>] [--format json|table] [--tz Zone]` — see scripts/lib/score-cli.ts. */
import { runMain } from './lib/main';
import { runScore } from './lib/score-cli';

runMain(runScore);
