/**
 * Options page: sites Metronome may read, import / export, settings (thresholds, weights, cadence,
 * calendar), teach-mode mappings and drift, sample data, retention and reset. Reads come from
 * IndexedDB (live queries); every write is a message to the background, except the backup
 * download, which reads the database directly (`exportBundle`).
 */
import { SectionNav } from '../../components/SectionNav';
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback } from 'react';
import { BackupSection } from '../../components/options/BackupSection';
import { ConfigEditor } from '../../components/options/ConfigEditor';
import { DataSection } from '../../components/options/DataSection';
import { HostsSection } from '../../components/options/HostsSection';
import { ImportSection } from '../../components/options/ImportSection';
import { TeachSection } from '../../components/options/TeachSection';
import { savedCsvMapping } from '../../import/saved-mappings';
import { RETENTION_SETTING_KEY } from '../../messaging/protocol';
import { getSetting, SETTING_KEYS } from '../../storage/settings';
import { listDrift, listMappings } from '../../storage/mappings';
import { useConfig } from '../../ui/config';
import { DbProvider, useDb, usePortfolioState } from '../../ui/data';
import { browserTimeZone } from '../../ui/options/configForm';

/** Drift events listed (newest first). */
const DRIFT_LIMIT = 100;

export function App() {
  return (
    <DbProvider>
      <OptionsPage />
    </DbProvider>
  );
}

const SECTIONS = [
  ['sites', 'Sites'],
  ['import', 'Import'],
  ['backup', 'Backup'],
  ['settings', 'Thresholds and calendar'],
  ['teach', 'Teach mode'],
  ['data', 'Sample data, retention, reset'],
] as const;

function OptionsPage() {
  const db = useDb();
  const config = useConfig();
  const tz = config.calendar.timeZone;
  const storedConfig = useLiveQuery(async () => (await getSetting(db, SETTING_KEYS.config)) ?? null, [db]);
  const mappings = useLiveQuery(() => listMappings(db), [db]);
  const drift = useLiveQuery(() => listDrift(db, { limit: DRIFT_LIMIT }), [db]);
  const retention = useLiveQuery(async () => {
    const v = await getSetting(db, RETENTION_SETTING_KEY);
    return typeof v === 'number' ? v : null;
  }, [db]);
  const portfolio = usePortfolioState();
  const loadSavedMapping = useCallback((headers: string[]) => savedCsvMapping(db, headers), [db]);

  return (
    <div className="options">
      <header className="options__header">
        <h1>Metronome options</h1>
        <p className="muted">Everything here stays in this browser.</p>
        <SectionNav label="Options sections" sections={SECTIONS} />
      </header>
      <main>
        <div id="sites">
          <HostsSection />
        </div>
        <div id="import">
          <ImportSection timeZone={tz} loadSavedMapping={loadSavedMapping} />
        </div>
        <div id="backup">
          <BackupSection db={db} timeZone={tz} />
        </div>
        <section id="settings" aria-labelledby="settings-title" className="opt-section">
          <h2 id="settings-title">Thresholds, weights, cadence and calendar</h2>
          <p className="opt-lead">
            Defaults follow the CS Blueprints methodology. Change what fits your practice; each value shows its default and can be
            reset. Nothing is saved while any value is invalid.
          </p>
          <ConfigEditor stored={storedConfig} browserTimeZone={browserTimeZone()} />
        </section>
        <div id="teach">
          <TeachSection mappings={mappings} drift={drift} timeZone={tz} />
        </div>
        <div id="data">
          <DataSection sampleLoaded={portfolio === undefined ? undefined : portfolio.sample} retentionDays={retention} />
        </div>
      </main>
    </div>
  );
}
