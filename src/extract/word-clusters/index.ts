/**
 * The bundled word clusters (models/word-clusters.bin.gz, written by `npm run train:clusters`): word hash →
 * coarse and fine cluster, in the shared gzipped container. The attribution model is trained with them and
 * copies them into its own file, so the two cannot drift.
 */
import { join } from 'node:path';
import { REPO_ROOT } from '../../config/paths.js';
import { cachedModelLoader, decodeContainer, encodeContainer } from '../entities/ner/weights.js';
import { IntMap } from '../entities/ner/intmap.js';
import type { WordClusters } from './cluster.js';

export type { WordClusters } from './cluster.js';
export const DEFAULT_WORD_CLUSTERS = join(REPO_ROOT, 'models', 'word-clusters.bin.gz');
const MAGIC = 'PLXWCL1\n';

/** Cluster ids packed in one int: coarse in the high 16 bits, fine in the low; 0 for a word of no cluster. */
export const packCluster = (coarse: number, fine: number): number => (((coarse + 1) << 16) | (fine + 1)) | 0;
export const coarseOf = (packed: number): number => packed >>> 16;
export const fineOf = (packed: number): number => packed & 0xffff;

export function encodeWordClusters(c: WordClusters, info: Record<string, unknown>): Buffer {
  return encodeContainer(MAGIC, { info }, [['words', 'i32', c.words], ['coarse', 'u16', c.coarse], ['fine', 'u16', c.fine]]);
}

export function decodeWordClusters(gz: Uint8Array): WordClusters & { info: Record<string, unknown> } {
  const c = decodeContainer<{ info: Record<string, unknown> }>(MAGIC, gz, 'word-cluster');
  return { words: c.get('words', 'i32'), coarse: c.get('coarse', 'u16'), fine: c.get('fine', 'u16'), info: c.header.info };
}

/** Word hash → packed cluster ids. */
export function clusterMap(c: WordClusters): IntMap {
  return new IntMap(c.words, Array.from(c.words, (_, i) => packCluster(c.coarse[i]!, c.fine[i]!)));
}

export const loadWordClusters = cachedModelLoader(decodeWordClusters);
