/**
 * The part-of-speech model: one weight table over the tags (../entities/ner/weights.ts) and the tag
 * dictionary (words the training data always tags alike) in the shared gzipped container ("PLXPOS2\n",
 * header JSON, the table's arrays, dictKeys/dictVals).
 */
import { IntMap } from '../entities/ner/intmap.js';
import { compactTable, decodeContainer, encodeContainer, tableFromContainer, tableParts, type WeightTable } from '../entities/ner/weights.js';
import { NUM_POS } from './tags.js';

const MAGIC = 'PLXPOS2\n';

export interface PosModel extends WeightTable {
  /** Word hash → its one tag, for words frequent and unambiguous in training ("the" → DT): tagged without the weights. */
  dictionary: IntMap;
  info: Record<string, unknown>;
}

/** The compact model from dense averaged weights (buckets × tags); weights with |w| ≤ prune dropped. */
export function compactPosModel(dense: Float32Array, bits: number, dictionary: IntMap, info: Record<string, unknown>, prune = 0): PosModel {
  return { ...compactTable(dense, bits, NUM_POS, prune), dictionary, info };
}

export function encodePosModel(model: PosModel): Buffer {
  return encodeContainer(MAGIC, { bits: model.bits, labels: NUM_POS, scale: model.scale, info: model.info }, [
    ...tableParts(model), ['dictKeys', 'i32', model.dictionary.keys], ['dictVals', 'i32', model.dictionary.values],
  ]);
}

export function decodePosModel(gz: Uint8Array): PosModel {
  const c = decodeContainer<{ bits: number; labels: number; scale: number; info: Record<string, unknown> }>(MAGIC, gz, 'part-of-speech');
  if (c.header.labels !== NUM_POS) throw new TypeError(`decodePosModel: model has ${c.header.labels} tags, this code ${NUM_POS}`);
  return { ...tableFromContainer(c), dictionary: new IntMap(c.get('dictKeys', 'i32'), c.get('dictVals', 'i32')), info: c.header.info };
}
