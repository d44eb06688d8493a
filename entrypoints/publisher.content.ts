import { runSites } from '../components/inpage/sites';

/**
 * Every page that is not arXiv's own: Google Scholar, Semantic Scholar,
 * Hugging Face papers, alphaXiv, ar5iv and, opt-in, any other page (publisher
 * pages about one paper, links to arXiv anywhere). One script, the adapter
 * chosen by the address (lib/sites). Not in the manifest: the background
 * registers it with `scripting.registerContentScripts`, per site once its
 * optional host permission is granted (ids `pith-lens-site-<site>`) and for
 * all sites with "Detect papers on other sites" (id `pith-lens-publisher`),
 * and injects it once when the popup opens on a page no script covers
 * (activeTab). No `matches` here on purpose: WXT would turn them into
 * required host permissions. The script checks the "other sites" setting
 * itself, since pages that loaded before the user turned it off keep running it.
 */
export default defineContentScript({
  registration: 'runtime',
  main() {
    void runSites();
  },
});
