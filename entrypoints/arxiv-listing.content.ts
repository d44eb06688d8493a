import { runListingPage } from '../components/inpage/listing';
import { listingRows, searchRows } from '../lib/ids/arxiv-listing';
import { arxivMatches, arxivPageKind } from '../lib/ids/url';

/**
 * arXiv listings, search results and catch-up pages: rows read as the page
 * parses, checked where the reader looks (components/inpage/listing.ts).
 * Wiring only. Started at document_start so that the first screen's rows are
 * read, asked for and badged with the page's first frames.
 */
export default defineContentScript({
  matches: arxivMatches(['/list/*', '/search/*', '/catchup*']),
  runAt: 'document_start',
  main() {
    const kind = arxivPageKind(location.href);
    void runListingPage(kind === 'listing' ? { kind, read: listingRows } : kind === 'search' ? { kind, read: searchRows } : null);
  },
});
