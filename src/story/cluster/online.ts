/**
 * Online story clustering: each article, in arrival order, joins the story it is most like or starts one, without
 * revisiting the corpus. An article is a weighted bag of terms — the content words of its title (counted twice) and
 * lead, and the people, organisations and places it names (the entities count most: a story is who and where) —
 * weighted by rarity among the articles seen so far (idf, updated as they arrive). Candidate stories come from an
 * inverted index over each story's terms, kept to the stories active within a time window of the article's date;
 * the article joins the candidate whose centroid is most similar (cosine) when that is above a threshold. When an
 * article is close to two stories at once, they are merged (the history keeps the merge).
 */
import { contentStems } from '../words.js';
import { TermWeights } from './term-weights.js';
import { decodeSnapshot, encodeSnapshot, type BinarySnapshot } from './snapshot-binary.js';

export interface ClusterInput {
  /** Caller's id for the article. */
  id: string;
  title: string | null;
  text: string;
  /** ISO date (or date-time) of publication, or null. */
  published: string | null;
  /** Canonical ids of the entities the article names (person, organisation, place), with mention counts. */
  entities: ReadonlyArray<{ canonical: string; mentions: number }>;
}

export interface ClusterOptions {
  /** Cosine similarity to a story's centroid an article needs to join it. */
  threshold?: number;
  /**
   * The threshold when the article or the story has no date: without the time window's evidence, look-alike
   * events (two earthquakes, two ceremonies) need more in common to be one story.
   */
  undatedThreshold?: number;
  /** Similarity to a second story above which the two stories are merged. */
  mergeThreshold?: number;
  /** Days before or after a story's known dates within which an article may join it. */
  windowDays?: number;
  /** Characters of the body read (the lead carries the story). */
  bodyChars?: number;
  /** Weight of an entity term against a word term. */
  entityWeight?: number;
  /** Terms of an article used to look up candidate stories. */
  candidateTerms?: number;
  /**
   * Days after its last article a story stays in memory; older stories are let go (an article dated before them
   * starts a new story). Keeps memory and time per article flat as the corpus grows.
   */
  retainDays?: number;
  /**
   * Arrivals after its last article a story stays in memory, dated or not: undated stories have no day to age by,
   * and without this they would pile up and be scored against every undated article.
   */
  retainArrivals?: number;
  /** Stories a term may be held by and still be looked up (see `candidates`). */
  maxPostings?: number;
  /** Candidate stories scored per article. */
  maxCandidates?: number;
  /** A story is checked for a split once it has this many articles… */
  splitMinSize?: number;
  /** …and again every this many articles after (further apart once it is large: `splitDue`). */
  splitEvery?: number;
  /** Two halves of a story whose centroids are less alike than this (cosine) are two stories. */
  splitThreshold?: number;
  /**
   * Whether `storyOf` still answers for the articles of stories let go. A caller that keeps the assignments itself
   * (the store, in its tables) turns this off: kept in memory, they grow with the corpus.
   */
  keepForgotten?: boolean;
}

export const DEFAULT_CLUSTER_OPTIONS: Required<ClusterOptions> = {
  threshold: 0.1,
  undatedThreshold: 0.2,
  mergeThreshold: 0.3,
  windowDays: 5,
  bodyChars: 1500,
  entityWeight: 3,
  candidateTerms: 25,
  retainDays: 60,
  retainArrivals: 10_000,
  maxPostings: 1000,
  maxCandidates: 300,
  splitMinSize: 6,
  splitEvery: 3,
  splitThreshold: 0.15,
  keepForgotten: true,
};

/** A snapshot (version 2): the live dictionary as [term, id, document frequency, last use], vectors as [terms, weights]. */
export interface ClusterSnapshot {
  version: 2;
  terms: Array<[string, number, number, number]>;
  /** The next term id (ids of forgotten terms are not reused). */
  nextTerm: number;
  seen: number;
  nextStory: number;
  newestDay: number | null;
  lastForget: number | null;
  stories: Array<{ id: string; centroid: [number[], number[]]; size: number; first: number | null; last: number | null; touched: number; normSq: number; members: Array<{ id: string; vector: [number[], number[]]; day: number | null }> }>;
}

/** A snapshot as written before version 2 (still read): a slot per term id ever made, vectors as [term, weight] pairs. */
export interface ClusterSnapshotV1 {
  version: 1;
  terms: Array<[string, number]>;
  df: number[];
  lastSeen?: number[];
  seen: number;
  nextStory: number;
  newestDay: number | null;
  lastForget: number | null;
  stories: Array<{ id: string; centroid: Array<[number, number]>; size: number; first: number | null; last: number | null; touched: number; normSq: number; members: Array<{ id: string; vector: Array<[number, number]>; day: number | null }> }>;
}

/** An article as the clusterer keeps it: raw term counts (terms as strings) and its date. */
export interface ClusterTerms {
  counts: Record<string, number>;
  published: string | null;
}

export interface StoryEvent {
  type: 'new' | 'join' | 'merge' | 'split';
  story: string;
  article: string;
  /** For `merge`: the story merged into `story`; for `split`: the story `story` was split from. */
  merged?: string;
  /** For `split`: the articles that moved to `story`. */
  articles?: string[];
  score?: number;
}

interface StoryState {
  id: string;
  /** Summed term weights of its articles (the centroid, unnormalised). */
  centroid: TermWeights;
  size: number;
  /** Epoch days of its first and last dated article, or null. */
  first: number | null;
  last: number | null;
  /** Merged into another story. */
  mergedInto: string | null;
  /** Arrival number of its last article. */
  touched: number;
  /** Squared length of the centroid, kept as it changes (scoring divides by it for every candidate). */
  normSq: number;
  /** Its articles' vectors (unit length), kept while it is live: the evidence a split is decided on. */
  members: Member[];
}

interface Member {
  id: string;
  /** The article's vector, packed: a live story may hold thousands of members, a Map entry costs five times more. */
  vector: PackedVector;
  day: number | null;
}

interface PackedVector {
  terms: Int32Array;
  weights: Float64Array;
}

function pack(vector: ReadonlyMap<number, number>): PackedVector {
  const terms = new Int32Array(vector.size), weights = new Float64Array(vector.size);
  let i = 0;
  for (const [t, w] of vector) { terms[i] = t; weights[i++] = w; }
  return { terms, weights };
}

function unpack(v: PackedVector): Map<number, number> {
  const m = new Map<number, number>();
  for (let i = 0; i < v.terms.length; i++) m.set(v.terms[i]!, v.weights[i]!);
  return m;
}

/** Dot product of a packed vector with a centroid. */
function dotPacked(v: PackedVector, m: TermWeights): number {
  let d = 0;
  for (let i = 0; i < v.terms.length; i++) d += v.weights[i]! * m.weightOf(v.terms[i]!);
  return d;
}

/**
 * The stories holding a term, in the order they came to hold it. Most terms are held by one or two stories: a short
 * array costs a fifth of a Set, and there are hundreds of thousands of them; a list that grows past
 * POSTING_ARRAY_MAX becomes a Set (deleting from it stays cheap).
 */
type Posting = string[] | Set<string>;
const POSTING_ARRAY_MAX = 8;
const sizeOf = (p: Posting): number => (Array.isArray(p) ? p.length : p.size);

function post(postings: Map<number, Posting>, term: number, story: string): void {
  const p = postings.get(term);
  if (!p) postings.set(term, [story]);
  else if (!Array.isArray(p)) p.add(story);
  else if (!p.includes(story)) {
    if (p.length < POSTING_ARRAY_MAX) p.push(story);
    else postings.set(term, new Set([...p, story]));
  }
}

function unpost(postings: Map<number, Posting>, term: number, story: string): void {
  const p = postings.get(term);
  if (!p) return;
  if (Array.isArray(p)) {
    const k = p.indexOf(story);
    if (k >= 0) p.splice(k, 1);
  } else p.delete(story);
  if (sizeOf(p) === 0) postings.delete(term);
}

const DAY = 86_400_000;
const byStoryNumber = (a: string, b: string): number => Number(a.slice(1)) - Number(b.slice(1));
const dayOf = (iso: string | null): number | null => {
  if (!iso) return null;
  const t = Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  return Number.isNaN(t) ? null : Math.floor(t / DAY);
};

/**
 * Whether a story that has just reached `size` articles is checked for a split: from `splitMinSize`, every
 * `splitEvery` articles, and once a story is large, about every eighth of its size (a power of two apart). A check
 * reads every article of the story: at a fixed spacing a story that keeps growing would cost more with each
 * article (stories of thousands of undated articles made the growth bench's time per article climb).
 */
export function splitDue(size: number, { splitMinSize, splitEvery }: Pick<Required<ClusterOptions>, 'splitMinSize' | 'splitEvery'>): boolean {
  if (size < splitMinSize) return false;
  const step = Math.max(splitEvery, 2 ** (Math.floor(Math.log2(size)) - 3));
  return (size - splitMinSize) % step === 0;
}

/** The clusterer's state; `add` takes one article and says which story it went to. */
export class OnlineClusterer {
  private readonly options: Required<ClusterOptions>;
  private readonly termId = new Map<string, number>();
  private df: number[] = [];
  /** The arrival (`seen`) at which each term was last used. */
  private lastSeen: number[] = [];
  private seen = 0;
  private readonly stories = new Map<string, StoryState>();
  /** Term → stories whose articles hold it. */
  private readonly postings = new Map<number, Posting>();
  private nextStory = 1;
  readonly history: StoryEvent[] = [];
  /** Article id → story id (following merges through `storyOf`). */
  private readonly assigned = new Map<string, string>();

  constructor(options: ClusterOptions = {}) {
    this.options = { ...DEFAULT_CLUSTER_OPTIONS, ...options };
  }

  /** The story an article belongs to now (after any merges). */
  storyOf(article: string): string | null {
    let id = this.assigned.get(article) ?? null;
    while (id) {
      const s = this.stories.get(id);
      if (!s?.mergedInto) break;
      id = s.mergedInto;
    }
    return id;
  }

  private term(t: string): number {
    let id = this.termId.get(t);
    if (id === undefined) {
      id = this.df.length;
      this.termId.set(t, id);
      this.df.push(0);
      this.lastSeen.push(this.seen);
    }
    return id;
  }

  /**
   * Forgets terms held by no live story that were seen in one article only (names misspelt once, a one-off word) or
   * not for `retainArrivals` arrivals (last year's names): kept, they would make the dictionary grow with the
   * corpus. Should one come back, it is counted anew.
   */
  private pruneTerms(): void {
    // A term is in a live story's centroid exactly when it has postings (merges move them, letting go removes them).
    for (const [t, id] of this.termId) {
      if ((this.df[id]! <= 1 || this.seen - (this.lastSeen[id] ?? this.seen) > this.options.retainArrivals) && !this.postings.has(id)) {
        this.termId.delete(t);
        this.df[id] = 0;
      }
    }
  }

  /**
   * The article's raw term counts: title words twice, lead words once, entities `entityWeight` per mention class.
   * Stored beside the article so that another process can replay the clustering without the text.
   */
  termCounts(a: ClusterInput): ClusterTerms {
    const out: Record<string, number> = Object.create(null) as Record<string, number>;
    const bump = (t: string, n: number): void => { out[t] = (out[t] ?? 0) + n; };
    if (a.title) for (const s of contentStems(a.title)) bump(s, 2);
    for (const s of contentStems(a.text.slice(0, this.options.bodyChars))) bump(s, 1);
    for (const e of a.entities) bump(`@${e.canonical}`, this.options.entityWeight * (1 + Math.log(e.mentions)));
    return { counts: out, published: a.published };
  }

  add(a: ClusterInput): string {
    return this.addTerms(a.id, this.termCounts(a));
  }

  /**
   * The events since the last call, taken out of `history`: a long-running caller (the store, which writes them to
   * its own table) takes them after each article so that the history in memory does not grow with the corpus.
   */
  takeHistory(): StoryEvent[] {
    return this.history.splice(0);
  }

  /** Number of stories held in memory (live, not merged or let go). */
  get liveStories(): number {
    let n = 0;
    for (const s of this.stories.values()) if (!s.mergedInto) n++;
    return n;
  }

  /** Adds an article by its term counts (from `termCounts`, possibly computed elsewhere); returns its story. */
  addTerms(articleId: string, terms: ClusterTerms): string {
    const counts = new Map<number, number>();
    for (const [t, c] of Object.entries(terms.counts)) counts.set(this.term(t), c);
    const a = { id: articleId, published: terms.published };
    // Document frequencies include this article, so a word it alone has is rare, not unknown.
    this.seen++;
    for (const t of counts.keys()) { this.df[t]!++; this.lastSeen[t] = this.seen; }
    const vector = new Map<number, number>();
    let norm = 0;
    for (const [t, c] of counts) {
      const w = (1 + Math.log(c)) * Math.log((this.seen + 1) / this.df[t]!);
      if (w <= 0) continue;
      vector.set(t, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [t, w] of vector) vector.set(t, w / norm);

    const day = dayOf(a.published);
    const lookup = [...vector].sort((x, y) => y[1] - x[1]).slice(0, this.options.candidateTerms);
    const candidates = this.candidates(lookup.map(([t]) => t));
    // The vector as two arrays for the scoring loop (up to maxCandidates stories an article, the clusterer's largest
    // cost once its live window is full); the same order as the map's, so the same sums.
    const termIds = [...vector.keys()], weights = [...vector.values()];
    const scored: Array<{ story: StoryState; score: number }> = [];
    for (const id of candidates) {
      const s = this.stories.get(id)!;
      if (s.mergedInto) continue;
      if (day !== null && s.first !== null && (day < s.first - this.options.windowDays || day > s.last! + this.options.windowDays)) continue;
      // Without dates on both sides, the score must clear the higher bar: subtracting the difference ranks it fairly.
      const dated = day !== null && s.first !== null;
      scored.push({ story: s, score: this.similarity(termIds, weights, s) - (dated ? 0 : this.options.undatedThreshold - this.options.threshold) });
    }
    scored.sort((x, y) => y.score - x.score || byStoryNumber(x.story.id, y.story.id));
    const best = scored[0];
    let story: StoryState;
    if (best && best.score >= this.options.threshold) {
      story = best.story;
      this.history.push({ type: 'join', story: story.id, article: a.id, score: best.score });
      const second = scored[1];
      if (second && second.score >= this.options.mergeThreshold) {
        this.merge(story, second.story, a.id, second.score);
      }
    } else {
      story = { id: `s${this.nextStory++}`, centroid: new TermWeights(), size: 0, first: null, last: null, mergedInto: null, touched: this.seen, normSq: 0, members: [] };
      this.stories.set(story.id, story);
      this.history.push({ type: 'new', story: story.id, article: a.id });
    }
    const joined = story.size > 0;
    this.absorb(story, vector, day, a.id);
    this.assigned.set(a.id, story.id);
    story.touched = this.seen;
    if (joined && splitDue(story.size, this.options)) this.trySplit(story, a.id);
    if (day !== null && day > this.newestDay) {
      this.newestDay = day;
      this.forgetDatedBefore(day - this.options.retainDays);
    }
    // Checked every thousandth arrival: a story goes at most a thousand arrivals late.
    if (this.seen % 1000 === 0) {
      this.forgetWhere((s) => this.seen - s.touched > this.options.retainArrivals);
      this.pruneTerms();
    }
    return this.assigned.get(a.id)!;
  }

  /**
   * Stories sharing the article's strongest terms, most shared first, at most `maxCandidates`. A term held by more
   * than `maxPostings` stories is not looked up (like a stop word: it says little about which story, and scanning
   * it would grow with the corpus) unless no term is rarer.
   */
  private candidates(terms: number[]): string[] {
    const shared = new Map<string, number>();
    const lists = terms.map((t) => this.postings.get(t)).filter((p): p is Posting => p !== undefined);
    let usable: Iterable<string>[] = lists.filter((p) => sizeOf(p) <= this.options.maxPostings);
    if (usable.length === 0 && lists.length) {
      // Only common terms: the latest stories holding the rarest of them.
      const rarest = lists.reduce((a, b) => (sizeOf(a) <= sizeOf(b) ? a : b));
      usable = [[...rarest].sort(byStoryNumber).slice(-this.options.maxPostings)];
    }
    for (const p of usable) for (const s of p) shared.set(s, (shared.get(s) ?? 0) + 1);
    if (shared.size <= this.options.maxCandidates) return [...shared.keys()];
    // Ties broken by story number, never by set order: a clusterer restored from a snapshot must choose the same.
    return [...shared].sort((a, b) => b[1] - a[1] || byStoryNumber(a[0], b[0])).slice(0, this.options.maxCandidates).map(([s]) => s);
  }

  private newestDay = -Infinity;
  private lastForget = -Infinity;

  /**
   * The state needed to go on adding articles — terms, document frequencies, the live stories — as plain data, so a
   * process can start from it instead of replaying every article. `storyOf` answers only for articles added after.
   * Version 2: the live dictionary's terms with their document frequency and last use (not a slot for every term id
   * ever made), and vectors as two flat arrays (terms, weights) instead of [term, weight] pairs.
   */
  snapshot(): ClusterSnapshot {
    const { stories, ...head } = this.snapshotParts();
    return {
      version: 2,
      ...head,
      stories: stories.map((st) => ({
        ...st,
        centroid: [Array.from(st.centroid[0]), Array.from(st.centroid[1])],
        members: st.members.map((m) => ({ ...m, vector: [Array.from(m.vector[0]), Array.from(m.vector[1])] })),
      })),
    };
  }

  /** The snapshot as bytes (snapshot-binary.ts): what the store writes, the vectors copied as they are held. */
  snapshotBinary(): Uint8Array {
    const { stories, ...head } = this.snapshotParts();
    return encodeSnapshot(head, stories);
  }

  /** The snapshot's content, vectors as typed arrays: what both forms are made of. */
  private snapshotParts(): Omit<BinarySnapshot, 'version'> {
    const terms: ClusterSnapshot['terms'] = [];
    for (const [t, id] of this.termId) terms.push([t, id, this.df[id]!, this.lastSeen[id] ?? this.seen]);
    const stories: BinarySnapshot['stories'] = [];
    for (const st of this.stories.values()) {
      if (st.mergedInto) continue;
      stories.push({
        id: st.id, centroid: [st.centroid.termArray(), st.centroid.weightArray()], size: st.size, first: st.first, last: st.last, touched: st.touched, normSq: st.normSq,
        members: st.members.map((m) => ({ id: m.id, vector: [m.vector.terms, m.vector.weights], day: m.day })),
      });
    }
    return {
      seen: this.seen, nextStory: this.nextStory, nextTerm: this.df.length,
      newestDay: Number.isFinite(this.newestDay) ? this.newestDay : null, lastForget: Number.isFinite(this.lastForget) ? this.lastForget : null,
      terms, stories,
    };
  }

  /** A clusterer in the state a binary snapshot recorded (`snapshotBinary`). */
  static restoreBinary(bytes: Uint8Array, options: ClusterOptions = {}): OnlineClusterer {
    return OnlineClusterer.restore(decodeSnapshot(bytes), options);
  }

  /** A clusterer in the state a snapshot recorded (with the same options, it then behaves exactly as the original). */
  static restore(snap: ClusterSnapshot | ClusterSnapshotV1 | BinarySnapshot, options: ClusterOptions = {}): OnlineClusterer {
    const c = new OnlineClusterer(options);
    if (snap.version === 1) {
      for (const [t, id] of snap.terms) c.termId.set(t, id);
      c.df = [...snap.df];
      // (A snapshot written before terms' last use was kept: every term counts as seen now.)
      c.lastSeen = snap.lastSeen ? [...snap.lastSeen] : snap.df.map(() => snap.seen);
    } else {
      c.df = new Array<number>(snap.nextTerm).fill(0);
      c.lastSeen = new Array<number>(snap.nextTerm).fill(snap.seen);
      for (const [t, id, df, lastSeen] of snap.terms) {
        c.termId.set(t, id);
        c.df[id] = df;
        c.lastSeen[id] = lastSeen;
      }
    }
    c.seen = snap.seen;
    c.nextStory = snap.nextStory;
    c.newestDay = snap.newestDay ?? -Infinity;
    c.lastForget = snap.lastForget ?? -Infinity;
    // Vectors as [terms, weights] whichever the version.
    type Flat = readonly [ArrayLike<number>, ArrayLike<number>];
    const flat = (v: Array<[number, number]> | Flat): Flat => {
      if (snap.version !== 1) return v as Flat;
      const pairs = v as Array<[number, number]>;
      return [pairs.map((p) => p[0]), pairs.map((p) => p[1])];
    };
    const stories: ReadonlyArray<{ id: string; centroid: Array<[number, number]> | Flat; size: number; first: number | null; last: number | null; touched: number; normSq: number; members: ReadonlyArray<{ id: string; vector: Array<[number, number]> | Flat; day: number | null }> }> = snap.stories;
    for (const st of stories) {
      const [terms, weights] = flat(st.centroid);
      const centroid = new TermWeights();
      for (let i = 0; i < terms.length; i++) centroid.set(terms[i]!, weights[i]!);
      const members = st.members.map((m) => {
        const [mt, mw] = flat(m.vector);
        // A binary snapshot's vectors are typed already (views into its one buffer): kept as they are.
        return { id: m.id, vector: { terms: mt instanceof Int32Array ? mt : Int32Array.from(mt), weights: mw instanceof Float64Array ? mw : Float64Array.from(mw) }, day: m.day };
      });
      c.stories.set(st.id, { id: st.id, centroid, size: st.size, first: st.first, last: st.last, mergedInto: null, touched: st.touched, normSq: st.normSq, members });
      for (const m of members) c.assigned.set(m.id, st.id);
      for (const t of centroid.keys()) post(c.postings, t, st.id);
    }
    return c;
  }

  /** Lets go of stories whose last article is before `day` (checked once a day of arrivals, not per article). */
  private forgetDatedBefore(day: number): void {
    if (day <= this.lastForget) return;
    this.lastForget = day;
    this.forgetWhere((s) => s.last !== null && s.last < day);
  }

  private forgetWhere(old: (s: StoryState) => boolean): void {
    for (const s of this.stories.values()) {
      if (s.mergedInto || !old(s)) continue;
      for (const t of s.centroid.keys()) unpost(this.postings, t, s.id);
      this.stories.delete(s.id);
      if (!this.options.keepForgotten) for (const m of s.members) this.assigned.delete(m.id);
    }
  }

  private similarity(terms: readonly number[], weights: readonly number[], s: StoryState): number {
    let dot = 0;
    const centroid = s.centroid;
    for (let k = 0; k < terms.length; k++) dot += weights[k]! * centroid.weightOf(terms[k]!);
    return s.normSq > 0 ? dot / Math.sqrt(s.normSq) : 0;
  }

  private absorb(s: StoryState, vector: ReadonlyMap<number, number>, day: number | null, article: string, packed?: PackedVector): void {
    s.members.push({ id: article, vector: packed ?? pack(vector), day });
    for (const [t, w] of vector) {
      const before = s.centroid.weightOf(t);
      s.centroid.set(t, before + w);
      s.normSq += (before + w) ** 2 - before ** 2;
      // A story is in a term's postings exactly when the term is in its centroid (weights are positive).
      if (before === 0) post(this.postings, t, s.id);
    }
    s.size++;
    if (day !== null) {
      s.first = s.first === null ? day : Math.min(s.first, day);
      s.last = s.last === null ? day : Math.max(s.last, day);
    }
  }

  /**
   * Splits a story whose articles fall into two groups that have little in common: two-means over its articles'
   * vectors, seeded with its first article and the article least like it. The group with the first article keeps
   * the story; the other becomes a new one (the history keeps the split and the articles moved).
   */
  private trySplit(s: StoryState, article: string): void {
    const members = s.members;
    const dot = (x: TermWeights, y: TermWeights): number => (x.size <= y.size ? x.dot(y) : y.dot(x));
    const sum = (group: Member[]): TermWeights => {
      const c = new TermWeights();
      for (const m of group) for (let i = 0; i < m.vector.terms.length; i++) c.add(m.vector.terms[i]!, m.vector.weights[i]!);
      return c;
    };
    const first = members[0]!;
    const firstMap = sum([first]);
    let far = members[1]!;
    let farScore = dotPacked(far.vector, firstMap);
    for (const m of members) {
      const d = dotPacked(m.vector, firstMap);
      if (d < farScore) { far = m; farScore = d; }
    }
    const norm = (c: TermWeights): number => Math.sqrt(dot(c, c)) || 1;
    let a = [first], b = [far];
    for (let round = 0; round < 3; round++) {
      const ca = sum(a), cb = sum(b), na = norm(ca), nb = norm(cb);
      const nextA: Member[] = [], nextB: Member[] = [];
      for (const m of members) {
        if (m === first) nextA.push(m);
        else (dotPacked(m.vector, ca) / na >= dotPacked(m.vector, cb) / nb ? nextA : nextB).push(m);
      }
      a = nextA;
      b = nextB;
      if (b.length === 0) return;
    }
    if (b.length < 2) return;
    const ca = sum(a), cb = sum(b);
    const score = dot(ca, cb) / (norm(ca) * norm(cb));
    if (score >= this.options.splitThreshold) return;
    const t: StoryState = { id: `s${this.nextStory++}`, centroid: new TermWeights(), size: 0, first: null, last: null, mergedInto: null, touched: this.seen, normSq: 0, members: [] };
    this.stories.set(t.id, t);
    for (const term of s.centroid.keys()) unpost(this.postings, term, s.id);
    Object.assign(s, { centroid: new TermWeights(), size: 0, first: null, last: null, normSq: 0, members: [] });
    for (const m of a) this.absorb(s, unpack(m.vector), m.day, m.id, m.vector);
    for (const m of b) {
      this.absorb(t, unpack(m.vector), m.day, m.id, m.vector);
      this.assigned.set(m.id, t.id);
    }
    this.history.push({ type: 'split', story: t.id, merged: s.id, article, articles: b.map((m) => m.id), score });
  }

  /** Merges `from` into `into`: centroids summed, postings moved, the history keeps it. */
  private merge(into: StoryState, from: StoryState, article: string, score: number): void {
    for (const [t, w] of from.centroid) {
      into.centroid.add(t, w);
      unpost(this.postings, t, from.id);
      post(this.postings, t, into.id);
    }
    into.size += from.size;
    into.members.push(...from.members);
    from.members = [];
    into.normSq = 0;
    for (const w of into.centroid.values()) into.normSq += w * w;
    if (from.first !== null) {
      into.first = into.first === null ? from.first : Math.min(into.first, from.first);
      into.last = into.last === null ? from.last : Math.max(into.last!, from.last!);
    }
    from.mergedInto = into.id;
    from.centroid.clear();
    this.history.push({ type: 'merge', story: into.id, merged: from.id, article, score });
  }
}
