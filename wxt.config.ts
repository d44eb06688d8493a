import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// The resolver's default origin. Other resolvers and mirrors are opt-in at run
// time through optional host permissions, so the install prompt asks for only this.
const PITH_ORIGIN = 'https://pith.science/*';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'Pith Lens',
    description: 'See and verify the Pith Number, claims and signature of the paper you are reading — checked locally in your browser.',
    permissions: ['storage', 'activeTab', 'scripting'],
    host_permissions: [PITH_ORIGIN, 'https://www.pith.science/*'],
    optional_host_permissions: ['*://*/*'],
    action: { default_title: 'Pith Lens' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'pith-lens@pith.science',
              strict_min_version: '128.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
