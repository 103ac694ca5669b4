export function App() {
  return (
    <main>
      <h1>Metronome dashboard</h1>
    </main>
  );
}
