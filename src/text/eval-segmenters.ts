/**
 * Evaluation of sentence segmenters (a script, not a test): boundary precision/recall/F1 on
 * CoNLL-2003 eng.testa (documents detokenized into one paragraph), the two seed articles and the
 * hand-written gold cases; and speed over the PolNeAR dev texts (median of 5 runs after a warm-up).
 *
 *   npm run build && node dist/text/eval-segmenters.js
 *
 * Data from `$PARALLAX_DATA` (default ../shared/data); missing data is reported and skipped (exit 0),
 * or fails under CI=true (exit 1). Candidates: this package's rule-based segmenter, Intl.Segmenter,
 * wink-nlp (+ wink-eng-lite-web-model) and, if `PARALLAX_SBD_DIR` names a directory whose
 * node_modules holds `sbd`, sbd.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ItemSentence } from 'wink-nlp';
import { GOLD_CASES } from './gold-sentences.js';
import { createSegmenter } from './segment.js';

type Range = { start: number; end: number };
interface Doc {
  text: string;
  blocks: Range[];
  /** Gold sentence ends strictly inside blocks. */
  gold: Set<number>;
  /** The subset of gold ends after terminal punctuation (. ! ? …, maybe closed by a quote or bracket). */
  goldPunct: Set<number>;
}
interface Candidate {
  name: string;
  produces: string;
  /** Sentence ranges of one block of text (offsets into `text`). */
  split(text: string, block: Range): Range[];
  /** Whole-article call used for timing (all blocks). */
  run(text: string, blocks: Range[]): number;
}

const dataDir = resolve(process.env.PARALLAX_DATA ?? '../shared/data');
const fixturesDir = resolve(dataDir, '../fixtures/seed-story');

function missing(what: string): void {
  console.log(`eval-segmenters: ${what} not found under ${dataDir}`);
  if (process.env.CI === 'true') process.exit(1);
}

// ---------- gold ----------

const TERMINAL_END = /[.!?…]["'”’»)\]]*$/u; // "worked." / "No."" / "(It did not.)"

/** Paragraph blocks: text between blank lines, trimmed. */
function paragraphBlocks(text: string): Range[] {
  const blocks: Range[] = [];
  const re = /\S(?:[^\n]|\n(?!\s*\n))*/g; // a run of non-blank lines, e.g. "Brian Snyder | Reuters"
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let end = m.index + m[0].length;
    while (end > m.index && /\s/.test(text[end - 1]!)) end--;
    blocks.push({ start: m.index, end });
  }
  return blocks;
}

function makeDoc(text: string, blocks: Range[], ends: number[]): Doc {
  const blockEnds = new Set(blocks.map((b) => b.end));
  const gold = new Set<number>();
  const goldPunct = new Set<number>();
  for (const e of ends) {
    if (blockEnds.has(e)) continue;
    gold.add(e);
    if (TERMINAL_END.test(text.slice(Math.max(0, e - 8), e))) goldPunct.add(e);
  }
  return { text, blocks, gold, goldPunct };
}

const NO_SPACE_BEFORE = new Set([',', '.', ';', ':', '!', '?', '%', ')', ']', '}', "'s", "'re", "'ve", "'ll", "'d", "'m", "n't", "'", "'S", "N'T"]);
const NO_SPACE_AFTER = new Set(['(', '[', '{', '$']);

/**
 * CoNLL-2003: each document's sentences, detokenized, joined by single spaces into one paragraph.
 * Straight double quotes alternate open/close across the whole document; a sentence that begins
 * with a closing quote (CoNLL often puts it there) gives it back to the sentence before.
 */
function conllDocs(path: string): Doc[] {
  const docs: Doc[] = [];
  let sentences: string[][] = [];
  let tokens: string[] = [];
  const endSentence = (): void => {
    if (tokens.length > 0) sentences.push(tokens);
    tokens = [];
  };
  const endDoc = (): void => {
    endSentence();
    if (sentences.length === 0) return;
    const texts: string[] = [];
    let inQuote = false;
    for (const sentence of sentences) {
      let s = '';
      let glueNext = false;
      for (const t of sentence) {
        let space = s.length > 0 && !glueNext;
        glueNext = false;
        if (t === '"') {
          if (inQuote) {
            if (s.length === 0 && texts.length > 0) {
              texts[texts.length - 1] += '"'; // closing quote at the start of a CoNLL sentence
              inQuote = false;
              continue;
            }
            space = false;
          } else glueNext = true;
          inQuote = !inQuote;
        } else if (NO_SPACE_BEFORE.has(t) || NO_SPACE_BEFORE.has(t.toLowerCase())) space = false;
        if (NO_SPACE_AFTER.has(t)) glueNext = true;
        s += (space ? ' ' : '') + t;
      }
      if (s.length > 0) texts.push(s);
    }
    const text = texts.join(' ');
    const ends: number[] = [];
    let pos = 0;
    for (const s of texts) {
      pos += s.length;
      ends.push(pos);
      pos += 1;
    }
    docs.push(makeDoc(text, [{ start: 0, end: text.length }], ends));
    sentences = [];
  };
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.startsWith('-DOCSTART-')) endDoc();
    else if (line.trim() === '') endSentence();
    else tokens.push(line.split(' ')[0]!);
  }
  endDoc();
  return docs;
}

/** Ends of the gold sentences of the seed articles, as the last words of each sentence, in order. */
const SEED_ENDS: Record<string, string[]> = {
  '000_49f830ee32a1459f.txt': [
    'upcoming U.S. election.', 'Vice President Kamala Harris.', 'volunteer in U.S. elections.', 'emailed comments to CNBC.',
    'in the South Pacific.', 'according to the BBC.', 'in their spare time.', 'doing it as volunteers.', 'over there," he noted.',
    'broadcaster reported.', 'their own money."', 'Complaint', 'Vice President Kamala Harris."', 'from a foreign national.',
    'Labour Party officials."', 'Brian Snyder | Reuters', 'the election on Nov.5.', "by the Trump campaign's letter.",
    'authenticity of the post.', 'occurring in plain sight."', 'the complaint said.',
  ],
  '001_016024430793a84e.txt': [
    'race for the White House.', 'in previous elections.', 'state of North Carolina.', 'for new recruits.', 'with other volunteers.',
    'blatant foreign interference”.', 'War of Independence.', 'forgotten the message.”', 'campaign in Britain.', '“turn the page”.',
    'Chicago in August.', 'paid for the trip.', 'on a voluntary basis.', 'White House on November 5.', '” Mr Starmer said.',
    'doing in this election.', 'really straightforward.”', 'return as their president”.', 'assassination attempt in July.',
    'the time,” Mr Starmer said.', 'in another country.', 'paid for by the Labour Party”.', 'and his 2016 campaign.', 'Democrat Joe Biden.',
  ],
};

function seedDocs(): Doc[] | null {
  if (!existsSync(fixturesDir)) return null;
  const docs: Doc[] = [];
  for (const [file, snippets] of Object.entries(SEED_ENDS)) {
    const raw = readFileSync(join(fixturesDir, file), 'utf8');
    const text = raw.replace(/<[^>]*>/g, ''); // 001 is an HTML fragment
    const ends: number[] = [];
    let pos = 0;
    for (const snippet of snippets) {
      const at = text.indexOf(snippet, pos);
      if (at < 0) throw new Error(`seed gold: "${snippet}" not found in ${file}`);
      pos = at + snippet.length;
      ends.push(pos);
    }
    docs.push(makeDoc(text, paragraphBlocks(text), ends));
  }
  return docs;
}

function handDocs(): Doc[] {
  return GOLD_CASES.map((c) => {
    const text = c.sentences.join(' ');
    let pos = 0;
    const ends = c.sentences.map((s) => (pos += s.length + 1) - 1);
    return makeDoc(text, [{ start: 0, end: text.length }], ends);
  });
}

// ---------- candidates ----------

function trimRange(text: string, start: number, end: number): Range | null {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return end > start ? { start, end } : null;
}

/** Maps sentence strings back to offsets by searching forward from the previous one. */
function locate(text: string, block: Range, parts: readonly string[]): Range[] {
  const out: Range[] = [];
  let pos = block.start;
  for (const part of parts) {
    const p = part.trim();
    if (!p) continue;
    const at = text.indexOf(p, pos);
    if (at < 0 || at + p.length > block.end) continue;
    out.push({ start: at, end: at + p.length });
    pos = at + p.length;
  }
  return out;
}

function parallaxCandidate(): Candidate {
  const segment = createSegmenter();
  return {
    name: 'parallax rules',
    produces: 'tokens + sentences',
    split: (text, block) => segment({ text, blocks: [{ ...block, kind: 'paragraph' }] }).sentences,
    run: (text, blocks) => segment({ text, blocks: blocks.map((b) => ({ ...b, kind: 'paragraph' as const })) }).sentences.length,
  };
}

function intlCandidate(): Candidate {
  const seg = new Intl.Segmenter('en', { granularity: 'sentence' });
  const split = (text: string, block: Range): Range[] => {
    const out: Range[] = [];
    const slice = text.slice(block.start, block.end);
    for (const s of seg.segment(slice)) {
      const r = trimRange(text, block.start + s.index, block.start + s.index + s.segment.length);
      if (r) out.push(r);
    }
    return out;
  };
  return {
    name: 'Intl.Segmenter',
    produces: 'sentences only',
    split,
    run: (text, blocks) => blocks.reduce((n, b) => n + split(text, b).length, 0),
  };
}

async function winkCandidate(): Promise<Candidate> {
  const { default: winkNLP } = await import('wink-nlp');
  const { default: model } = await import('wink-eng-lite-web-model');
  const nlp = winkNLP(model);
  const its = nlp.its;
  const split = (text: string, block: Range): Range[] => {
    const slice = text.slice(block.start, block.end);
    const doc = nlp.readDoc(slice);
    const values = doc.tokens().out() as string[];
    const spaces = doc.tokens().out(its.precedingSpaces) as string[];
    // Character offsets of each token: preceding spaces + value, re-synchronised by indexOf if wink normalised a value.
    const starts: number[] = [];
    const ends: number[] = [];
    let pos = 0;
    for (let i = 0; i < values.length; i++) {
      pos += spaces[i]!.length;
      const v = values[i]!;
      if (slice.startsWith(v, pos)) {
        starts.push(pos);
        pos += v.length;
      } else {
        const at = slice.indexOf(v, pos);
        const s = at >= 0 ? at : pos;
        starts.push(s);
        pos = at >= 0 ? at + v.length : pos;
      }
      ends.push(pos);
    }
    const out: Range[] = [];
    doc.sentences().each((s: ItemSentence) => {
      const [a, b] = s.out(its.span) as unknown as [number, number];
      if (starts[a] !== undefined && ends[b] !== undefined) out.push({ start: block.start + starts[a]!, end: block.start + ends[b]! });
    });
    return out;
  };
  return {
    name: 'wink-nlp 2.4.0',
    produces: 'tokens + sentences + POS + entities',
    split,
    run: (text, blocks) => blocks.reduce((n, b) => n + split(text, b).length, 0),
  };
}

function sbdCandidate(): Candidate | null {
  const dir = process.env.PARALLAX_SBD_DIR;
  if (!dir) return null;
  const require = createRequire(join(resolve(dir), 'noop.js'));
  const sbd = require('sbd') as { sentences(text: string, options?: object): string[] };
  const split = (text: string, block: Range): Range[] =>
    locate(text, block, sbd.sentences(text.slice(block.start, block.end), { newline_boundaries: false, sanitize: false }));
  return {
    name: 'sbd 1.0.19',
    produces: 'sentence strings (offsets recovered)',
    split,
    run: (text, blocks) => blocks.reduce((n, b) => n + split(text, b).length, 0),
  };
}

// ---------- scoring ----------

interface Score { p: number; r: number; f: number; rPunct: number; tp: number; fp: number; fn: number }

function score(c: Candidate, docs: readonly Doc[]): Score {
  let tp = 0, fp = 0, fn = 0, tpPunct = 0, nPunct = 0;
  for (const doc of docs) {
    const predicted = new Set<number>();
    for (const block of doc.blocks) for (const s of c.split(doc.text, block)) if (s.end !== block.end) predicted.add(s.end);
    for (const e of predicted) if (doc.gold.has(e)) tp++; else fp++;
    for (const e of doc.gold) if (!predicted.has(e)) fn++;
    for (const e of doc.goldPunct) {
      nPunct++;
      if (predicted.has(e)) tpPunct++;
    }
  }
  const p = tp + fp === 0 ? 1 : tp / (tp + fp);
  const r = tp + fn === 0 ? 1 : tp / (tp + fn);
  return { p, r, f: p + r === 0 ? 0 : (2 * p * r) / (p + r), rPunct: nPunct === 0 ? 1 : tpPunct / nPunct, tp, fp, fn };
}

function speed(c: Candidate, texts: readonly { text: string; blocks: Range[] }[], bytes: number): { perSecond: number; mbPerSecond: number } {
  /** One run is PASSES passes over the corpus, so a run is long enough to time on a noisy machine. */
  const once = (): number => {
    const t0 = performance.now();
    for (let pass = 0; pass < SPEED_PASSES; pass++) for (const t of texts) c.run(t.text, t.blocks);
    return (performance.now() - t0) / 1000 / SPEED_PASSES;
  };
  once(); // warm-up (JIT)
  const times = Array.from({ length: 5 }, once).sort((a, b) => a - b);
  const median = times[2]!;
  return { perSecond: texts.length / median, mbPerSecond: bytes / 1e6 / median };
}

/** Passes over the corpus per timed run (the figures are per pass). */
const SPEED_PASSES = 5;

const fmt = (x: number): string => x.toFixed(3);

async function main(): Promise<void> {
  const candidates: Candidate[] = [parallaxCandidate(), intlCandidate(), await winkCandidate()];
  const sbd = sbdCandidate();
  if (sbd) candidates.push(sbd);

  const sets: { name: string; docs: Doc[] }[] = [{ name: 'hand-written (gold-sentences.ts)', docs: handDocs() }];
  const seeds = seedDocs();
  if (seeds) sets.push({ name: 'seed-story (2 articles)', docs: seeds });
  else missing('../fixtures/seed-story');
  const conllPath = join(dataDir, 'conll2003/eng.testa.iob2');
  if (existsSync(conllPath)) sets.push({ name: 'CoNLL-2003 eng.testa (216 docs)', docs: conllDocs(conllPath) });
  else missing('conll2003/eng.testa.iob2');

  for (const set of sets) {
    const nGold = set.docs.reduce((n, d) => n + d.gold.size, 0);
    const nPunct = set.docs.reduce((n, d) => n + d.goldPunct.size, 0);
    console.log(`\n## ${set.name}: ${nGold} gold boundaries inside blocks (${nPunct} after terminal punctuation)\n`);
    console.log('| segmenter | P | R | F1 | R (punctuated) | TP | FP | FN |');
    console.log('|---|---|---|---|---|---|---|---|');
    for (const c of candidates) {
      const s = score(c, set.docs);
      console.log(`| ${c.name} | ${fmt(s.p)} | ${fmt(s.r)} | ${fmt(s.f)} | ${fmt(s.rPunct)} | ${s.tp} | ${s.fp} | ${s.fn} |`);
    }
  }

  const textDir = join(dataDir, 'polnear/dev/text');
  if (!existsSync(textDir)) {
    missing('polnear/dev/text');
    return;
  }
  const texts = readdirSync(textDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const text = readFileSync(join(textDir, f), 'utf8');
      return { text, blocks: paragraphBlocks(text) };
    });
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t.text, 'utf8'), 0);
  console.log(`\n## Speed: ${texts.length} PolNeAR dev articles (${(bytes / 1e6).toFixed(2)} MB), paragraph blocks, median of 5 runs of ${SPEED_PASSES} passes after a warm-up run\n`);
  console.log('| segmenter | produces | articles/s | MB/s |');
  console.log('|---|---|---|---|');
  for (const c of candidates) {
    const s = speed(c, texts, bytes);
    console.log(`| ${c.name} | ${c.produces} | ${Math.round(s.perSecond)} | ${s.mbPerSecond.toFixed(1)} |`);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
