/**
 * The attribution model: two weight tables over the BIO labels (../entities/ner/weights.ts) with their
 * label transitions — the cue tagger (stage 1: which tokens are cues) and the role tagger (stage 2: given
 * one cue, which tokens are its source and content) — and the cue words learnt from training; stored in
 * the shared gzipped container.
 *
 * File (gzip of): "PLXATT2\n", u32 header length, header JSON, then for each stage ("cue.", "role.") the
 * arrays rows, rowStart, labels, weights (the table) and transitions (f32, (L + 1) × L), then
 * cueKeys/cueVals (learnt cue word hashes) and, when the header says `clusters`, clusterKeys/clusterVals (the word
 * clusters it was trained with).
 */
import { IntMap } from '../entities/ner/intmap.js';
import { compactTable, decodeContainer, encodeContainer, tableFromContainer, tableParts, type ContainerPart, type WeightTable } from '../entities/ner/weights.js';
import { CUE_LABELS, ROLE_LABELS } from './features.js';

const MAGIC = 'PLXATT4\n';
/** Each stage's label count (features.ts): the cue tagger's 3, the role tagger's 5. */
export const STAGE_LABELS = { cue: CUE_LABELS, role: ROLE_LABELS } as const;

/** One stage's weights. */
export interface StageWeights extends WeightTable {
  /** Number of labels (`labels` is the table's per-entry label). */
  numLabels: number;
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
  /** The word clusters the model was trained with (../word-clusters; packed ids), or null. */
  clusters: IntMap | null;
  info: Record<string, unknown>;
}

export const STAGES = ['cue', 'role'] as const;

function withTransitions(table: WeightTable, L: number, transitions: ArrayLike<number>): StageWeights {
  const trans = Float64Array.from(transitions);
  if (trans.length !== (L + 1) * L) throw new TypeError(`attribution model: ${trans.length} transitions for ${L} labels`);
  return { ...table, numLabels: L, transitions: trans, transitionsQ: trans.map((t) => t / table.scale) };
}

/** One stage's compact weights from dense averaged weights (buckets × L); weights with |w| ≤ prune dropped. */
export function compactStage(dense: Float32Array, bits: number, L: number, transitions: ArrayLike<number>, prune = 0): StageWeights {
  return withTransitions(compactTable(dense, bits, L, prune), L, transitions);
}

export function encodeAttributionModel(model: AttributionModel): Buffer {
  const parts: ContainerPart[] = STAGES.flatMap((s): ContainerPart[] => {
    const t = model[s];
    return [...tableParts(t, `${s}.`), [`${s}.transitions`, 'f32', Float32Array.from(t.transitions)]];
  });
  parts.push(['cueKeys', 'i32', model.cues.keys], ['cueVals', 'i32', model.cues.values]);
  if (model.clusters) parts.push(['clusterKeys', 'i32', model.clusters.keys], ['clusterVals', 'i32', model.clusters.values]);
  const stages = Object.fromEntries(STAGES.map((s) => [s, { bits: model[s].bits, scale: model[s].scale, labels: model[s].numLabels }]));
  return encodeContainer(MAGIC, { stages, clusters: model.clusters !== null, info: model.info }, parts);
}

export function decodeAttributionModel(gz: Uint8Array): AttributionModel {
  const c = decodeContainer<{ stages: Record<(typeof STAGES)[number], { bits: number; scale: number; labels: number }>; clusters?: boolean; info: Record<string, unknown> }>(MAGIC, gz, 'attribution');
  const stage = (s: (typeof STAGES)[number]): StageWeights => {
    const { labels } = c.header.stages[s];
    if (labels !== STAGE_LABELS[s].L) throw new TypeError(`decodeAttributionModel: the ${s} stage has ${labels} labels, this code ${STAGE_LABELS[s].L}`);
    return withTransitions(tableFromContainer(c, `${s}.`, c.header.stages[s]), labels, c.get(`${s}.transitions`, 'f32'));
  };
  const clusters = c.header.clusters ? new IntMap(c.get('clusterKeys', 'i32'), c.get('clusterVals', 'i32')) : null;
  return { cue: stage('cue'), role: stage('role'), cues: new IntMap(c.get('cueKeys', 'i32'), c.get('cueVals', 'i32')), clusters, info: c.header.info };
}
