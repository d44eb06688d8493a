import { runPage } from '../components/inpage/run';
import { titleHeading } from '../lib/inpage/placement';
import { detectFromDocument } from '../lib/ids/document';
import { ON_DEMAND } from '../lib/inpage/on-demand';

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
    // Injected once by the popup (activeTab) rather than registered: the user asked, no opt-in needed.
    const onDemand = (globalThis as Record<symbol, unknown>)[ON_DEMAND] === true;
    void runPage({
      optIn: !onDemand,
      detect: detectFromDocument,
      anchorFor: (p) => titleHeading(document, p.title, p.anchor),
    });
  },
});
