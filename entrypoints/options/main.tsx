import { render } from 'preact';
import { Options } from '../../components/options/Options';
import type { OptionsApi } from '../../components/options/api';
import { SETTINGS_KEY } from '../../lib/settings';
import '../../components/common/base.css';
import '../../components/options/options.css';

const api: OptionsApi = {
  loadSettings: async () => (await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY],
  saveSettings: (settings) => browser.storage.local.set({ [SETTINGS_KEY]: settings }),
  send: (message) => browser.runtime.sendMessage(message),
  requestOrigins: (origins) => browser.permissions.request({ origins }),
  removeOrigins: (origins) => browser.permissions.remove({ origins }),
  hasOrigins: (origins) => browser.permissions.contains({ origins }),
};

render(<Options api={api} />, document.getElementById('app')!);
