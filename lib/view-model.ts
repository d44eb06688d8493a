/**
 * TEMPORARY: the popup's view functions now live in lib/popup/, one file per
 * section. This file only keeps components/popup/Popup.tsx compiling until its
 * import reads `from '../../lib/popup/recent'` and `'../../lib/popup/screens'`;
 * then delete it.
 */
export { addRecent, parseRecent, type RecentLookup } from './popup/recent';
export { resultLabel } from './popup/screens';
