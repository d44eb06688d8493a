export { PaperIdSchema } from './types';
export { parseArxivId, normalizeArxivId, OLD_STYLE_ARCHIVES } from './arxiv';
export { parseDoi, normalizeDoi, findDoisInText } from './doi';
export { parsePithNumber, normalizePithNumber } from './pith-number';
export { detectFromUrl } from './url';
export { detectFromText, describeTextError } from './text';
export { detectFromDocument, type PageDetection } from './document';
