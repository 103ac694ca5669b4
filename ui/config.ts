/**
 * `useConfig()` for pages that load the configuration module up front (options, dashboard). The side
 * panel uses `useLoadedConfig()` from `ui/data.ts` instead, which loads it lazily.
 */
import { useMemo } from 'react';
import * as configModule from '../engine/config';
import type { MetronomeConfig } from '../engine/config';
import { resolveConfigOrDefault, useConfigOverrides } from './data';

/** The user's configuration (time zone, thresholds); defaults when none is stored or it is invalid. */
export function useConfig(): MetronomeConfig {
  const { value } = useConfigOverrides();
  return useMemo(() => resolveConfigOrDefault(configModule, value), [value]);
}
