/**
 * The attribution model: a weight table over the BIO labels (../entities/ner/weights.ts), label
 * transitions, and the cue words learnt from training; stored in the shared gzipped container.
 *
 * File (gzip of): "PLXATT1\n", u32 header length, header JSON, then the arrays rows, rowStart, labels,
 * weights (the table), transitions (f32, (L + 1) × L) and cueKeys/cueVals (learnt cue word hashes).
 */
import { IntMap } from '../entities/ner/intmap.js';
import { compactTable, decodeContainer, encodeContainer, tableFromContainer, tableParts, type WeightTable } from '../entities/ner/weights.js';
import { NUM_LABELS } from './features.js';

const MAGIC = 'PLXATT1\n';
const L = NUM_LABELS;

export interface AttributionModel extends WeightTable {
  /** (L + 1) × L in units of `scale` (tagging sums the quantised weights as integers). */
  transitionsQ: Float64Array;
  transitions: Float64Array;
  /** Word hashes the training data uses as cues often enough (see train-attribution.ts). */
  cues: IntMap;
  info: Record<string, unknown>;
}

function withTable(table: WeightTable, transitions: ArrayLike<number>, cues: IntMap, info: Record<string, unknown>): AttributionModel {
  const trans = Float64Array.from(transitions);
  return { ...table, transitions: trans, transitionsQ: trans.map((t) => t / table.scale), cues, info };
}

/** The compact model from dense averaged weights (buckets × L); weights with |w| ≤ prune dropped. */
export function compactAttributionModel(dense: Float32Array, bits: number, transitions: ArrayLike<number>, cues: IntMap, info: Record<string, unknown>, prune = 0): AttributionModel {
  return withTable(compactTable(dense, bits, L, prune), transitions, cues, info);
}

export function encodeAttributionModel(model: AttributionModel): Buffer {
  return encodeContainer(MAGIC, { bits: model.bits, labels: L, scale: model.scale, rows: model.rows.length, info: model.info }, [
    ...tableParts(model),
    ['transitions', 'f32', Float32Array.from(model.transitions)],
    ['cueKeys', 'i32', model.cues.keys], ['cueVals', 'i32', model.cues.values],
  ]);
}

export function decodeAttributionModel(gz: Uint8Array): AttributionModel {
  const c = decodeContainer<{ bits: number; labels: number; scale: number; info: Record<string, unknown> }>(MAGIC, gz, 'attribution');
  if (c.header.labels !== L) throw new TypeError(`decodeAttributionModel: model has ${c.header.labels} labels, this code ${L}`);
  return withTable(tableFromContainer(c), c.get('transitions', 'f32'), new IntMap(c.get('cueKeys', 'i32'), c.get('cueVals', 'i32')), c.header.info);
}
