/** The statistical named-entity tagger (averaged perceptron trained on CoNLL-2003 train). */
export { createNerTagger, loadNerModel, DEFAULT_NER_MODEL, NER_TYPES, type NerMention, type NerTagger, type NerTaggerOptions, type NerType } from './tagger.js';
