import { defineConfig } from 'wxt';

/**
 * Manifest `key` pins the extension id to hknjndehghjflmpnhfpllpjpoiinoehd, so e2e tests and the
 * demo tour can open chrome-extension://<id>/… pages directly. (Public key only; it grants nothing.)
 */
export const EXTENSION_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA3hlY0DzcMyRtA48rak8cnfuLTmX4Hb2VStmP2/DZqj0+5frBsxxiIFElwvU9Cvyq6uOta25G9NyH5gHbG0VUSpMAfEVM5TlKC48fWDItSiOO1pE9kC/lWQHmQtJvMvZ+EnFRajAYEmq+NhjeslAZCAijAa0cQuAbVYr/vN4At62WELkJlIdEIHTw0IERAUBJKZmnOXP1goSxJLiKLHE9pDG5LqgzWxEkaxYoUZ371XSCCQJwvu3x77mWTJ9KjNLNPV2dLYqx5ku7LuqmeVhs7Q0IPJNEC+lICNejS3gATXoH0QRDkXKYFy083y4y7VgD7aNvOGPVNzjlx2hstwYW4QIDAQAB';
export const EXTENSION_ID = 'hknjndehghjflmpnhfpllpjpoiinoehd';

/** PSA and Microsoft 365 cloud origins: optional, requested at runtime for exactly what the user enables. */
export const OPTIONAL_HOSTS: readonly string[] = [
  'https://*.myconnectwise.net/*',
  'https://*.connectwise.net/*',
  'https://*.myconnectwise.com/*',
  'https://*.autotask.net/*',
  'https://*.halopsa.com/*',
  'https://admin.microsoft.com/*',
  'https://entra.microsoft.com/*',
  'https://security.microsoft.com/*',
  'https://outlook.office.com/*',
  'https://outlook.office365.com/*',
  // Self-hosted PSAs: Options requests exactly the origin the user types (e.g. https://psa.example.com/*);
  // these broad entries only make such a request possible, nothing is granted until then.
  'https://*/*',
  'http://localhost/*',
  'http://127.0.0.1/*',
];

/**
 * The demo build (METRONOME_DEMO=1: README command 1 and the e2e tests) also reads the bundled demo
 * PSA served on the loopback address. Store builds never carry it.
 */
const DEMO = process.env.METRONOME_DEMO === '1';
// Each demo PSA gets its own host (cw.localhost, autotask.localhost, …: loopback in Chromium), as real PSAs do.
export const DEMO_HOSTS: readonly string[] = ['http://127.0.0.1/*', 'http://localhost/*', 'http://*.localhost/*'];

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  // Separate output folders let parallel builds (e.g. several test runs) not overwrite each other.
  outDir: process.env.METRONOME_OUT_DIR ?? '.output',
  // Explicit imports only: auto-imports silently pulled UI modules (and React) into the background.
  imports: false,
  outDirTemplate: DEMO ? '{{browser}}-mv{{manifestVersion}}-demo' : '{{browser}}-mv{{manifestVersion}}',
  hooks: {
    // WXT adds the `matches` of runtime-registered content scripts to host_permissions; Metronome's
    // are registered only for origins the user grants, so nothing may be granted at install.
    'build:manifestGenerated': (_wxt, manifest) => {
      manifest.host_permissions = DEMO ? [...DEMO_HOSTS] : [];
    },
  },
  manifest: ({ browser }) => ({
    name: DEMO ? 'Metronome (demo)' : 'Metronome',
    description: 'Customer-success health, due work and meeting follow-through for MSPs, inside your PSA.',
    ...(browser === 'chrome' ? { key: EXTENSION_KEY } : {}),
    permissions: [
      'storage',
      'alarms',
      'scripting',
      'unlimitedStorage',
      // Chrome's side panel; Firefox gets a sidebar_action from the same entrypoint instead.
      ...(browser === 'firefox' ? [] : ['sidePanel']),
    ],
    // The toolbar button: its badge shows the current account's colour and due count; clicking it
    // (or Alt+Shift+M) opens the side panel.
    action: { default_title: 'Metronome' },
    commands: {
      _execute_action: { suggested_key: { default: 'Alt+Shift+M' }, description: 'Open the Metronome side panel' },
    },
    host_permissions: DEMO ? [...DEMO_HOSTS] : [], // copies: WXT pushes into this array
    // The demo build already holds the loopback hosts as required permissions.
    optional_host_permissions: OPTIONAL_HOSTS.filter((h) => !DEMO || !DEMO_HOSTS.includes(h)),
    ...(browser === 'firefox'
      ? { browser_specific_settings: {
            gecko: {
              id: 'metronome@metronome.local',
              strict_min_version: '140.0',
              // Nothing leaves the browser: no data collection at all.
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          }, }
      : {}),
  }),
});
