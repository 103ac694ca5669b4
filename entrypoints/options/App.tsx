export function App() {
  return (
    <main>
      <h1>Metronome options</h1>
    </main>
  );
}
