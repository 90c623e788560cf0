/**
 * The part-of-speech model: one weight table over the tags (../entities/ner/weights.ts) in the shared
 * gzipped container ("PLXPOS1\n", header JSON, the table's arrays).
 */
import { compactTable, decodeContainer, encodeContainer, tableFromContainer, tableParts, type WeightTable } from '../entities/ner/weights.js';
import { NUM_POS } from './tags.js';

const MAGIC = 'PLXPOS1\n';

export interface PosModel extends WeightTable {
  info: Record<string, unknown>;
}

/** The compact model from dense averaged weights (buckets × tags); weights with |w| ≤ prune dropped. */
export function compactPosModel(dense: Float32Array, bits: number, info: Record<string, unknown>, prune = 0): PosModel {
  return { ...compactTable(dense, bits, NUM_POS, prune), info };
}

export function encodePosModel(model: PosModel): Buffer {
  return encodeContainer(MAGIC, { bits: model.bits, labels: NUM_POS, scale: model.scale, info: model.info }, tableParts(model));
}

export function decodePosModel(gz: Uint8Array): PosModel {
  const c = decodeContainer<{ bits: number; labels: number; scale: number; info: Record<string, unknown> }>(MAGIC, gz, 'part-of-speech');
  if (c.header.labels !== NUM_POS) throw new TypeError(`decodePosModel: model has ${c.header.labels} tags, this code ${NUM_POS}`);
  return { ...tableFromContainer(c), info: c.header.info };
}
