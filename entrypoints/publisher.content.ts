import { runPage } from '../components/inpage/run';
import { titleHeading } from '../lib/inpage/placement';

/**
 * Publisher pages (opt-in). Not in the manifest: the background registers this
 * script with `scripting.registerContentScripts` (id `pith-lens-publisher`)
 * when the user enables "Detect papers on other sites" and grants the host
 * permission. No `matches` here on purpose: WXT would turn them into required
 * host permissions. The script still checks the setting itself, since pages
 * that loaded before the user turned the option off keep running it.
 */
export default defineContentScript({
  registration: 'runtime',
  main() {
    // The heading showing the paper's title (not a site banner's h1) gets the badge.
    void runPage({ optIn: true, anchorFor: (p) => titleHeading(document, p.title, p.anchor) });
  },
});
