export function App() {
  return (
    <main>
      <h1>Metronome</h1>
      <p role="status">No account selected.</p>
    </main>
  );
}
