import { runFixtures } from '../core/fixture-harness';
import { connectwiseReaders } from './index';

// Every fixtures/<name>.html with a <name>.expected.json: read in jsdom, deep-compared.
runFixtures(new URL('.', import.meta.url), connectwiseReaders);
