// Real IndexedDB semantics for Dexie in Node tests.
import 'fake-indexeddb/auto';
