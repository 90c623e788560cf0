/**
 * The attribution model: two weight tables over the BIO labels (../entities/ner/weights.ts) with their
 * label transitions — the cue tagger (stage 1: which tokens are cues) and the role tagger (stage 2: given
 * one cue, which tokens are its source and content) — and the cue words learnt from training; stored in
 * the shared gzipped container.
 *
 * File (gzip of): "PLXATT2\n", u32 header length, header JSON, then for each stage ("cue.", "role.") the
 * arrays rows, rowStart, labels, weights (the table) and transitions (f32, (L + 1) × L), then
 * cueKeys/cueVals (learnt cue word hashes).
 */
import { IntMap } from '../entities/ner/intmap.js';
import { compactTable, decodeContainer, encodeContainer, tableFromContainer, tableParts, type ContainerPart, type WeightTable } from '../entities/ner/weights.js';
import { NUM_LABELS } from './features.js';

const MAGIC = 'PLXATT2\n';
const L = NUM_LABELS;

/** One stage's weights. */
export interface StageWeights extends WeightTable {
  transitions: Float64Array;
  /** (L + 1) × L in units of `scale` (tagging sums the quantised weights as integers). */
  transitionsQ: Float64Array;
}

export interface AttributionModel {
  /** Stage 1: cue spans over a paragraph. */
  cue: StageWeights;
  /** Stage 2: source and content spans of one cue. */
  role: StageWeights;
  /** Word hashes the training data uses as cues often enough (see train.ts). */
  cues: IntMap;
  info: Record<string, unknown>;
}

export const STAGES = ['cue', 'role'] as const;

function withTransitions(table: WeightTable, transitions: ArrayLike<number>): StageWeights {
  const trans = Float64Array.from(transitions);
  return { ...table, transitions: trans, transitionsQ: trans.map((t) => t / table.scale) };
}

/** One stage's compact weights from dense averaged weights (buckets × L); weights with |w| ≤ prune dropped. */
export function compactStage(dense: Float32Array, bits: number, transitions: ArrayLike<number>, prune = 0): StageWeights {
  return withTransitions(compactTable(dense, bits, L, prune), transitions);
}

export function encodeAttributionModel(model: AttributionModel): Buffer {
  const parts: ContainerPart[] = STAGES.flatMap((s): ContainerPart[] => {
    const t = model[s];
    return [...tableParts(t, `${s}.`), [`${s}.transitions`, 'f32', Float32Array.from(t.transitions)]];
  });
  parts.push(['cueKeys', 'i32', model.cues.keys], ['cueVals', 'i32', model.cues.values]);
  const stages = Object.fromEntries(STAGES.map((s) => [s, { bits: model[s].bits, scale: model[s].scale }]));
  return encodeContainer(MAGIC, { labels: L, stages, info: model.info }, parts);
}

export function decodeAttributionModel(gz: Uint8Array): AttributionModel {
  const c = decodeContainer<{ labels: number; stages: Record<(typeof STAGES)[number], { bits: number; scale: number }>; info: Record<string, unknown> }>(MAGIC, gz, 'attribution');
  if (c.header.labels !== L) throw new TypeError(`decodeAttributionModel: model has ${c.header.labels} labels, this code ${L}`);
  const stage = (s: (typeof STAGES)[number]): StageWeights => {
    const table = tableFromContainer(c, `${s}.`, c.header.stages[s]);
    return withTransitions(table, c.get(`${s}.transitions`, 'f32'));
  };
  return { cue: stage('cue'), role: stage('role'), cues: new IntMap(c.get('cueKeys', 'i32'), c.get('cueVals', 'i32')), info: c.header.info };
}
