/**
 * A site adapter: one file per site (lib/sites/<site>.ts), pure DOM reading,
 * no browser globals, so the content script, the CLI and the unit tests run
 * the same code.
 */
import type { PaperId } from '../ids/key';

/**
 * How a paper stands to the page. `about`: the page is about it (the one
 * paper of a paper page, or a row of a list page; these set the toolbar
 * state and get badges). `mentioned`: a paper page links to it (a reference,
 * a "related" paper); listed in the popup, never counted as the page's paper.
 */
export type PaperRole = 'about' | 'mentioned';

export interface SitePaper {
  id: PaperId;
  role: PaperRole;
  /** Where the paper's badge goes (after a link, at the end of a heading: lib/inpage/placement.ts). */
  anchor?: Element;
  /** The page's own title for it; only where it is the record's exact title (publisher metadata). */
  title?: string;
}

type SiteKey = 'scholar' | 'semantic-scholar' | 'huggingface' | 'alphaxiv' | 'ar5iv' | 'any';

export interface SiteAdapter {
  key: SiteKey;
  /** The site's name as a reader knows it ("Google Scholar"). */
  name: string;
  /** Host permission patterns the site needs (optional, asked for at run time). */
  origins: readonly string[];
  /** Content-script match patterns (may narrow `origins` by path). */
  matches: readonly string[];
  /** True when this adapter reads the page at `url`. */
  handles(url: URL): boolean;
  /**
   * The paper(s) the page is about, when it is about one paper (from the
   * address or the page's metadata); [] on a page that lists papers.
   */
  about(doc: Document, url: URL): SitePaper[];
  /**
   * Papers inside `root` (the whole document, or a subtree added later), in
   * document order: the rows of a list page, or what a paper page links to.
   * Roles are settled by `collect` (lib/sites/index.ts).
   */
  find(root: ParentNode, url: URL): SitePaper[];
}
