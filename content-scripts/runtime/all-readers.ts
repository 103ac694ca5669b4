/**
 * Every adapter's readers, in detection order: the all-adapters bundle (`reader.js`, for hosts whose
 * PSA is unknown) and the browser bench. A PSA's own bundle passes just its adapter's list.
 */
import { autotaskReaders } from '../autotask';
import { connectwiseReaders } from '../connectwise';
import type { PageTypeReader } from '../core/types';
import { haloReaders } from '../halopsa/readers';
import { M365_READERS } from '../m365/pages';

export const ALL_ADAPTER_READERS: readonly PageTypeReader[] = [...connectwiseReaders, ...autotaskReaders, ...haloReaders, ...M365_READERS];
