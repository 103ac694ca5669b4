/**
 * Import: one drop zone (and a file picker) for a Metronome bundle (.json) or a PSA ticket export
 * (.csv). The file is read as text and only ever shown as text.
 */
import { useCallback, useId, useState, type DragEvent } from 'react';
import { fileKind, MAX_IMPORT_BYTES } from '../../ui/options/files';
import { BundleImport, type BundleFile } from './BundleImport';
import { CsvImport, type CsvImportProps } from './CsvImport';

type Loaded = { kind: 'bundle'; file: BundleFile; key: number } | { kind: 'csv'; fileName: string; text: string; now: Date; key: number };

export function ImportSection({ timeZone, loadSavedMapping }: { timeZone: string; loadSavedMapping?: CsvImportProps['loadSavedMapping'] }) {
  const id = useId();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [over, setOver] = useState(false);

  const open = useCallback(async (files: FileList | null | undefined) => {
    const f = files?.[0];
    if (!f) return;
    setProblem(null);
    setLoaded(null);
    if (f.size > MAX_IMPORT_BYTES) {
      setProblem(`${f.name} is too large (${Math.round(f.size / 1024 / 1024)} MB; at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB).`);
      return;
    }
    let text: string;
    try {
      text = await readText(f);
    } catch (e) {
      setProblem(`${f.name} could not be read (${e instanceof Error ? e.message : String(e)}).`);
      return;
    }
    const key = Date.now();
    if (fileKind(f.name, text) === 'bundle') {
      let json: BundleFile['json'];
      try {
        json = { ok: true, value: JSON.parse(text.replace(/^\uFEFF/, '')) };
      } catch (e) {
        json = { ok: false, error: e instanceof Error ? e.message : String(e) };
      }
      setLoaded({ kind: 'bundle', file: { fileName: f.name, json }, key });
    } else setLoaded({ kind: 'csv', fileName: f.name, text, now: new Date(), key });
  }, []);

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    void open(e.dataTransfer?.files);
  };

  return (
    <section aria-labelledby={`${id}-title`} className="opt-section">
      <h2 id={`${id}-title`}>Import</h2>
      <p className="opt-lead">
        A Metronome backup (.json) or a ticket export from ConnectWise, Autotask or HaloPSA (.csv). You see a preview first;
        nothing is imported until you apply it, and a file with any problem imports nothing.
      </p>
      <div
        className={`dropzone${over ? ' dropzone--over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <p>Drop a file here, or</p>
        <input
          id={`${id}-file`}
          className="visually-hidden-file"
          type="file"
          accept=".json,.csv,.txt,application/json,text/csv"
          onChange={(e) => {
            void open(e.target.files);
            e.target.value = ''; // choosing the same file again re-reads it
          }}
        />
        {/* The input stays focusable (keyboard); its label is the visible button and shows the focus ring. */}
        <label htmlFor={`${id}-file`} className="btn">
          Choose a file…
        </label>
      </div>
      {problem && (
        <p role="alert" className="opt-error">
          ✕ {problem}
        </p>
      )}
      {loaded?.kind === 'bundle' && <BundleImport key={loaded.key} file={loaded.file} timeZone={timeZone} onClose={() => setLoaded(null)} />}
      {loaded?.kind === 'csv' && (
        <CsvImport
          key={loaded.key}
          file={{ fileName: loaded.fileName, text: loaded.text }}
          timeZone={timeZone}
          now={loaded.now}
          {...(loadSavedMapping ? { loadSavedMapping } : {})}
          onClose={() => setLoaded(null)}
        />
      )}
    </section>
  );
}

function readText(f: File): Promise<string> {
  if (typeof f.text === 'function') return f.text();
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result ?? ''));
    r.onerror = () => reject(r.error ?? new Error('read failed'));
    r.readAsText(f);
  });
}
