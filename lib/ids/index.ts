export { PaperIdSchema } from './types';
export {
  parseArxivId,
  normalizeArxivId,
  formatArxivId,
  isArxivId,
  arxivDoi,
  findArxivIdsInText,
  OLD_STYLE_ARCHIVES,
  type ArxivPaperId,
} from './arxiv';
export {
  parseDoi,
  normalizeDoi,
  isDoi,
  findDoisInText,
  percentDecode,
  trimDoiTail,
  type DoiPaperId,
  type ParsedDoi,
} from './doi';
export {
  parsePithNumber,
  normalizePithNumber,
  isPithNumber,
  findPithNumbersInText,
  PITH_SUFFIX_LENGTHS,
  type PithPaperId,
  type PithParseResult,
} from './pith-number';
export { detectFromUrl, arxivPageKind, isArxivHost, isPithHost, type ArxivPageKind } from './url';
export { detectFromText, describeTextError } from './text';
export {
  detectFromDocument,
  detectArxivDocument,
  currentVersionFromHistory,
  textWithoutDescriptor,
  type DetectedPaper,
  type PageDetection,
} from './document';
export { dedupeIds, describeId, collapseWhitespace } from './util';
