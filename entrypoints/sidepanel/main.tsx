import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../../components/components.css';
import { getDb } from '../../storage/db';
import { hasCachedConfig } from '../../ui/configCache';
import { loadConfigModule } from '../../ui/data';
import { App } from './App';

// Start what the first render waits for now, in parallel with React's first pass: the database
// opening and — unless this version remembered the resolved configuration (ui/configCache.ts) — the
// configuration module (zod: not in this bundle, see ui/data.ts). Failures surface where they are
// used (the queries, useLoadedConfig), so they are ignored here.
void getDb().open().catch(() => undefined);
if (!hasCachedConfig()) void loadConfigModule().catch(() => undefined);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
