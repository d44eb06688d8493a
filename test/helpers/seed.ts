/** The seed paper (arXiv 2404.14294v3, test/fixtures/records/2404.14294v3.record.json): its title and the suffix of its Pith Number. */
export const SEED_TITLE = 'A Survey on Efficient Inference for Large Language Models';
export const SEED_SUFFIX = '7YXM6JRYOH4O5NBMCHKEPDPSW2';
