/**
 * The corpus store: articles with their extraction records, entities, near-duplicate bands, stories and the
 * clustering history, behind one query layer (Kysely) on SQLite (default, one file) or PostgreSQL.
 *
 * Each article is written in one transaction that also assigns its story, so a crash leaves either the whole article
 * or nothing. Writers are serialised (SQLite's write lock, a PostgreSQL advisory lock): the online clusterer needs
 * articles one at a time in a single order. That order is the articles' `seq`; every process holds the clusterer in
 * memory and, before it assigns a story, replays whatever other processes stored since it last looked — the
 * clusterer is deterministic, so every process reaches the same state and the same story ids.
 */
import { Kysely, sql, type Insertable, type Expression, type ExpressionBuilder, type SqlBool, type Transaction } from 'kysely';
import { Migrator } from 'kysely/migration';
import type { ExtractRecord, Story } from '../model/schema.js';
import { buildStory } from '../story/build-story.js';
import { gunzipSync } from 'node:zlib';
import { clusterInput, DEFAULT_CLUSTER_OPTIONS, isBinarySnapshot, OnlineClusterer, type ClusterOptions, type ClusterSnapshot, type ClusterSnapshotV1, type ClusterTerms, type StoryEvent } from '../story/cluster/index.js';
import { MinHasher, shingleWords, signatureBytes, signatureFromBytes, textKeyOfWords, type MinHashOptions } from '../story/dedup/minhash.js';
import { connect, StoreError, type Connection } from './connect.js';
import { chooseCopy, type CopyCandidate } from './copy-choice.js';
import { entityDocument, entityMatch } from './entity-keys.js';
import { migrations, type Engine } from './migrations.js';
import { ftsQuery, snippet } from './search-text.js';
import type { ArticleSummary, CopySummary, SearchHit, StorySummary } from './summaries.js';
import type { Tables } from './tables.js';

export type { ArticleSummary, CopySummary, SearchHit, StorySummary } from './summaries.js';

export { StoreError } from './connect.js';

/** Stored articles at most whose signatures an article's copy lookup compares (those sharing most LSH bands). */
const DEFAULT_MAX_COPY_CANDIDATES = 50;

export type AddStatus = 'new' | 'unchanged' | 'duplicate';

export interface AddResult {
  status: AddStatus;
  id: string;
  story: string;
  /** For duplicates: the original article and how alike they are (1 = same words). */
  duplicateOf?: string;
  similarity?: number;
}

export interface StoryFilter {
  /** Stories with an article on or after this day (YYYY-MM-DD). */
  since?: string;
  /** Stories with an article on or before this day (YYYY-MM-DD). */
  until?: string;
  /** Stories with an article from this outlet (case-insensitive). */
  source?: string;
  /** Stories naming this entity (its name or canonical id, case-insensitive). */
  entity?: string;
  /** Stories with an article matching this full-text query. */
  q?: string;
  limit?: number;
  offset?: number;
}

/** The same filters, for articles (`since`/`until` on the article's own date). */
export type ArticleFilter = StoryFilter;

export interface StoryDetail {
  summary: StorySummary;
  /** Original articles' records, in arrival order. */
  records: ExtractRecord[];
  duplicates: CopySummary[];
  history: StoryEvent[];
}

export interface StoreOptions {
  cluster?: ClusterOptions;
  /** Articles between snapshots of the clusterer's state (default 10,000). */
  snapshotEvery?: number;
  /** Articles whose LSH bands wait in a small table before they are moved into the large one (default BAND_MERGE_EVERY). */
  bandMergeEvery?: number;
}

const now = (): string => new Date().toISOString();
/** The store keeps each article's story in its tables: its clusterer need not remember those of stories let go. */
const clustererOptions = (cluster: ClusterOptions | undefined): ClusterOptions => ({ ...cluster, keepForgotten: false });
const dayOf = (published: string | null): string | null => (published && /^\d{4}-\d{2}-\d{2}/.test(published) ? published.slice(0, 10) : null);
/** Any constant: the key of the advisory lock that serialises PostgreSQL writers. */
const WRITE_LOCK_KEY = 7_262_311;

/**
 * Articles whose LSH bands wait in `lsh_bands_recent` before they are moved into `lsh_bands` (at most 131,072 rows:
 * a table that stays in the page cache).
 */
export const BAND_MERGE_EVERY = 4096;

/** Band keys (or article seqs) at most in one look-up's `in (…)` list: far below either engine's limit on parameters. */
const BANDS_PER_QUERY = 4000;

/** Rows at most in one multi-row insert (5 parameters a row: far below either engine's limit on parameters). */
const ROWS_PER_INSERT = 1000;
/** Tries of a group that another writer raced (it stored one of the group's articles meanwhile). */
const MAX_GROUP_ATTEMPTS = 3;

/**
 * For tests only (not exported from the package): runs inside a group's transaction between its look-ups and its
 * lock, where another writer may store articles.
 */
export const betweenLookUpAndLock: { run?: () => Promise<void> } = {};

/** Another writer stored an article of the group between the group's look-ups and its lock. */
class GroupRace extends Error {}

/** The id an entity is filtered by: its canonical id, else its type and lower-cased name. */
const entityCanonical = (e: ExtractRecord['entities'][number]): string => e.canonical ?? `${e.type}:${e.name.toLowerCase()}`;

/** An article ready to store: what needs no lock is computed before the transaction. */
interface Prepared {
  record: ExtractRecord;
  key: string;
  sig: Uint32Array | null;
  bands: number[];
  terms: ClusterTerms;
  json: string;
  /** PostgreSQL: the search vector as text, computed before the lock (`searchVectors`). */
  tsv?: string;
}

/** What the look-ups before the lock found of an article: itself stored already, or its copy candidates. */
interface CopiesFound {
  existing: { id: string } | null;
  candidates: CopyCandidate[];
}

/** A row of the stories table as read. */
type StoryRow = { [K in keyof Tables['stories']]: Tables['stories'][K] };

/** PostgreSQL's search vector of an article: the title weighted above the text. */
const searchVector = (title: string | Expression<unknown>, text: string | Expression<unknown>) =>
  sql`setweight(to_tsvector('english', ${title}), 'A') || to_tsvector('english', ${text})`;

/** Rows at most in one multi-row insert of a group's articles, stories or events (about 20 parameters a row). */
const GROUP_ROWS_PER_INSERT = 200;

/** What a group's articles add to one story: the first headline, the widest dates, counts, the last write time. */
interface StoryTouch { id: string; title: string | null; first: string | null; last: string | null; articles: number; originals: number; at: string }

/**
 * What a group has decided under the lock and not yet written (Store.flush): new stories and their events, article
 * rows with their seqs, and per story the counts and dates its articles add. Rows are written before anything reads
 * them: a merge, a split, or a look-up of an article still pending flushes first.
 */
class PendingWrites {
  stories: StoryRow[] = [];
  articles: Array<{ values: Insertable<Tables['articles']> & { seq: number }; title: string; text: string; tsv: string | null }> = [];
  events: Array<Insertable<Tables['story_events']>> = [];
  private touched = new Map<string, StoryTouch>();

  holds(id: string): boolean {
    return this.articles.some((r) => r.values.id === id);
  }

  isEmpty(): boolean {
    return this.stories.length === 0 && this.articles.length === 0 && this.events.length === 0 && this.touched.size === 0;
  }

  /** A `new` or `join` event: its history row, and for `new` the story's row. */
  event(e: StoryEvent, at: string): void {
    if (e.type === 'new') this.stories.push({ id: e.story, title: null, first_day: null, last_day: null, articles: 0, originals: 0, merged_into: null, created_at: at, updated_at: at, analysis: null, analysis_articles: null });
    this.events.push({ type: e.type, story: e.story, merged: e.merged ?? null, article_id: e.article, score: e.score ?? null, at });
  }

  /** Counts an article in its story: the first headline, the widest dates, one more article (an original unless a copy). */
  touch(id: string, title: string | null, day: string | null, duplicate: boolean, at: string): void {
    const t = this.touched.get(id) ?? this.touched.set(id, { id, title: null, first: null, last: null, articles: 0, originals: 0, at }).get(id)!;
    t.title ??= title;
    t.first = minDay(t.first, day);
    t.last = maxDay(t.last, day);
    t.articles++;
    if (!duplicate) t.originals++;
    t.at = at;
  }

  take(): { stories: StoryRow[]; articles: PendingWrites['articles']; events: PendingWrites['events']; touches: StoryTouch[] } {
    const out = { stories: this.stories, articles: this.articles, events: this.events, touches: [...this.touched.values()] };
    this.stories = []; this.articles = []; this.events = []; this.touched = new Map();
    return out;
  }
}

export class Store {
  private clusterer: OnlineClusterer;
  /** The last `seq` replayed into the clusterer. */
  private synced = 0;
  private hasher = new MinHasher();

  private constructor(
    readonly db: Kysely<Tables>,
    readonly engine: Engine,
    readonly location: string,
    private readonly connection: Connection,
    private options: StoreOptions,
  ) {
    this.clusterer = this.emptyClusterer();
  }

  /** A clusterer with no story yet, under this store's settings. */
  private emptyClusterer(): OnlineClusterer {
    return new OnlineClusterer(clustererOptions(this.options.cluster));
  }

  /** Opens (creating when needed) the store at a file path or a `postgres://` URL and brings its schema up to date. */
  static async open(location: string, options: StoreOptions = {}): Promise<Store> {
    const connection = await connect(location);
    const store = new Store(connection.db, connection.engine, location, connection, options);
    try {
      await store.migrate();
      await store.settle();
    } catch (error) {
      await store.close();
      throw connection.describe(error);
    }
    return store;
  }

  /**
   * Brings the schema up to date. A store already up to date is only read, so that reading commands open it while a
   * writer holds the lock.
   */
  private async migrate(): Promise<void> {
    const provider = migrations(this.engine);
    const wanted = Object.keys(await provider.getMigrations());
    const done = await this.db
      .selectFrom('kysely_migration' as never)
      .select('name' as never)
      .execute()
      .then((rows) => new Set((rows as Array<{ name: string }>).map((r) => r.name)))
      .catch(() => new Set<string>());
    if (wanted.every((m) => done.has(m))) return;
    const { error } = await new Migrator({ db: this.db, provider }).migrateToLatest();
    if (error) throw error;
  }

  /**
   * The clustering and copy-detection settings are the store's own, fixed when it is created: signatures and the
   * clustering log are only comparable under the settings that made them. The first process writes them; every
   * later one reads them (options given to `open` then only apply to a new store).
   */
  private async settle(): Promise<void> {
    const { keepForgotten: _, ...settings } = { ...DEFAULT_CLUSTER_OPTIONS, ...this.options.cluster };
    const wanted = { cluster: settings, minhash: this.hasher.options };
    const present = await this.db.selectFrom('meta').select('key').where('key', 'in', ['cluster', 'minhash']).execute();
    if (present.length < 2) {
      await this.db
        .insertInto('meta')
        .values([{ key: 'cluster', value: JSON.stringify(wanted.cluster) }, { key: 'minhash', value: JSON.stringify(wanted.minhash) }])
        .onConflict((oc) => oc.column('key').doNothing())
        .execute();
    }
    const rows = await this.db.selectFrom('meta').select(['key', 'value']).where('key', 'in', ['cluster', 'minhash']).execute();
    const stored = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as object]));
    this.options = { ...this.options, cluster: stored.cluster as ClusterOptions };
    this.hasher = new MinHasher(stored.minhash as MinHashOptions);
    await this.startClusterer();
  }

  /** The clusterer from the latest snapshot (or empty); `add` replays what was stored after it. */
  private async startClusterer(): Promise<void> {
    const snap = await this.db.selectFrom('cluster_snapshots').select(['seq', 'state']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
    if (snap) {
      // Snapshots written before the binary layout are gzipped JSON: still read.
      this.clusterer = isBinarySnapshot(snap.state)
        ? OnlineClusterer.restoreBinary(snap.state, clustererOptions(this.options.cluster))
        : OnlineClusterer.restore(JSON.parse(gunzipSync(snap.state).toString('utf8')) as ClusterSnapshot | ClusterSnapshotV1, clustererOptions(this.options.cluster));
      this.synced = Number(snap.seq);
      this.lastSnapshot = this.synced;
    } else {
      this.clusterer = this.emptyClusterer();
      this.synced = 0;
      this.lastSnapshot = 0;
    }
  }

  /** The `seq` of the latest snapshot this process knows of. */
  private lastSnapshot = 0;

  /**
   * Every `snapshotEvery` articles the clusterer's state is written (after the article's own transaction, and only
   * the newest kept): opening a large store then replays at most that many articles.
   */
  private async maybeSnapshot(): Promise<void> {
    const every = this.options.snapshotEvery ?? 10_000;
    if (this.synced - this.lastSnapshot < every) return;
    this.lastSnapshot = this.synced;
    const seq = this.synced;
    const bytes = this.clusterer.snapshotBinary();
    const state = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    await this.db.transaction().execute(async (trx) => {
      await trx.insertInto('cluster_snapshots').values({ seq, state, created_at: now() }).onConflict((oc) => oc.column('seq').doNothing()).execute();
      await trx.deleteFrom('cluster_snapshots').where('seq', '<', seq).execute();
    });
  }

  async close(): Promise<void> {
    await this.connection.close();
  }

  /** Whether an article with this id is stored (ingest skips extracting it again). */
  has(id: string): Promise<boolean> {
    return this.guard(() => this.hasNow(id));
  }

  private async hasNow(id: string): Promise<boolean> {
    return (await this.db.selectFrom('articles').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
  }

  /** The story of a stored article (after merges), or null when the article is not stored. */
  storyOfArticle(id: string): Promise<string | null> {
    return this.guard(() => this.storyOfArticleNow(id));
  }

  private async storyOfArticleNow(id: string): Promise<string | null> {
    const row = await this.db.selectFrom('articles').select('story_id').where('id', '=', id).executeTakeFirst();
    return row ? this.currentStory(this.db, row.story_id) : null;
  }

  count(): Promise<{ articles: number; stories: number; duplicates: number }> {
    return this.guard(() => this.countNow());
  }

  private async countNow(): Promise<{ articles: number; stories: number; duplicates: number }> {
    const a = await this.db.selectFrom('articles').select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.count<number>('duplicate_of').as('d')]).executeTakeFirstOrThrow();
    const s = await this.db.selectFrom('stories').select((eb) => eb.fn.countAll<number>().as('n')).where('merged_into', 'is', null).executeTakeFirstOrThrow();
    return { articles: Number(a.n), duplicates: Number(a.d), stories: Number(s.n) };
  }

  /**
   * Stores one extracted article, in one transaction: an article already stored is left as it is; an exact or near
   * copy of a stored article is kept, linked to it and put in its story without counting as coverage; any other
   * article is clustered into a story.
   */
  add(record: ExtractRecord): Promise<AddResult> {
    return this.queueAdd(async () => (await this.addBatch([record]))[0]!);
  }

  /**
   * Stores several extracted articles in one transaction (one write lock, one commit: a worker's group commit), each
   * as `add` would, in order. If the transaction fails, each article is tried again in its own, so one bad article
   * costs only itself: the results are in input order, an Error where that article could not be stored.
   */
  addMany(records: readonly ExtractRecord[]): Promise<Array<AddResult | Error>> {
    if (records.length === 0) return Promise.resolve([]);
    return this.queueAdd(async () => {
      try {
        return await this.addBatch(records);
      } catch (error) {
        // A store that is locked, corrupt, unwritable or gone fails every article alike: no point trying each.
        if (records.length === 1 || (error instanceof StoreError && error.code !== 'failed')) return records.map(() => error as Error);
        const out: Array<AddResult | Error> = [];
        for (const r of records) out.push(await this.addBatch([r]).then((x) => x[0]!, (e: unknown) => e as Error));
        return out;
      }
    });
  }

  /** One add at a time in a process (a server takes several requests at once): the clusterer and its snapshot change only between adds. */
  private queueAdd<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.adding.then(fn);
    this.adding = next.then(() => undefined, () => undefined);
    return next;
  }

  private adding: Promise<void> = Promise.resolve();

  /** Settles when this store's transaction holding the PostgreSQL write lock ends (null while none holds it). */
  private lockHeld: Promise<void> | null = null;

  /**
   * Resolves once no transaction of this store holds the write lock (at once when none does). A caller that does
   * long synchronous work beside its adds (a worker extracting the next article) waits for this first: the locked
   * transaction's statements go on only when the thread is free, and every other writer waits for the lock meanwhile.
   */
  unlocked(): Promise<void> {
    return this.lockHeld ?? Promise.resolve();
  }

  /** The records' adds in one transaction, then a snapshot if one is due. */
  private async addBatch(records: readonly ExtractRecord[]): Promise<AddResult[]> {
    // Everything that needs no lock is computed first: writers wait for each other only while the story is chosen.
    const prepared: Prepared[] = records.map((record) => {
      const a = record.article;
      const words = shingleWords(a.text);
      const sig = this.hasher.signatureOfWords(words);
      return { record, key: textKeyOfWords(words), sig, bands: sig ? this.hasher.bandKeys(sig) : [], terms: this.clusterer.termCounts(clusterInput(a.id, record)), json: JSON.stringify(record) };
    });
    let results: AddResult[] | null = null;
    for (let attempt = 1; !results; attempt++) {
      try {
        results = await this.writeTransaction((trx, lock) => this.addGroup(trx, lock, prepared));
      } catch (error) {
        // Another writer stored one of these articles while this transaction looked up copies: nothing of this group
        // was written and the clusterer holds only what is committed, so the group is simply tried again.
        if (error instanceof GroupRace && attempt < MAX_GROUP_ATTEMPTS) continue;
        // The clusterer may hold these articles though the transaction did not commit: start again from the store.
        await this.startClusterer().catch(() => {
          this.clusterer = this.emptyClusterer();
          this.synced = 0;
        });
        throw this.connection.describe(error);
      }
    }
    if (results.some((r) => r.status !== 'unchanged')) await this.maybeSnapshot().catch((error: unknown) => { throw this.connection.describe(error); });
    return results;
  }

  /**
   * One group's adds inside its transaction. Before the write lock: the copy look-ups (reads of what is committed)
   * and the entity rows (no one else sees them before the commit, and no unique key makes another writer wait on
   * them). Under the lock, only what has to be in arrival order: the clusterer's catch-up, the copy choice among
   * what was found and what others stored meanwhile, the story, the article rows and the LSH bands.
   */
  private async addGroup(trx: Transaction<Tables>, lock: () => Promise<void>, prepared: readonly Prepared[]): Promise<AddResult[]> {
    const seen = await this.lastSeq(trx);
    const found = await this.lookUpCopies(trx, prepared);
    // The articles this group will write (the first of an id given twice; none stored already), by id.
    const writing = new Map<string, ExtractRecord>();
    for (const [k, p] of prepared.entries()) if (!found[k]!.existing && !writing.has(p.record.article.id)) writing.set(p.record.article.id, p.record);
    // PostgreSQL's entity rows need no lock; SQLite's index is keyed by `seq`, known once the articles are written.
    if (this.engine === 'postgres') {
      await this.insertEntities(trx, [...writing.values()]);
      await this.searchVectors(trx, prepared.filter((p) => writing.get(p.record.article.id) === p.record));
    }
    await betweenLookUpAndLock.run?.();
    await lock();
    const fresh = await this.catchUp(trx, seen);
    if (fresh.some((c) => writing.has(c.id))) throw new GroupRace();
    const group: CopyCandidate[] = [];
    const out: AddResult[] = [];
    const pending = new PendingWrites();
    for (const [k, p] of prepared.entries()) out.push(await this.addLocked(trx, p, found[k]!, fresh, group, pending));
    await this.flush(trx, pending);
    await this.insertBands(trx, group.map((g) => ({ seq: g.seq, bands: g.bands! })));
    if (this.engine === 'sqlite') await this.indexEntities(trx, group.map((g) => ({ seq: g.seq, record: writing.get(g.id)! })));
    return out;
  }

  /**
   * One article's add inside the write transaction, under the lock: `found` is what its look-ups before the lock
   * found, `fresh` what other writers stored since, `group` what this transaction stored before it (it is added).
   */
  private async addLocked(trx: Transaction<Tables>, p: Prepared, found: CopiesFound, fresh: readonly CopyCandidate[], group: CopyCandidate[], pending: PendingWrites): Promise<AddResult> {
    const { record, key, sig, bands, terms } = p;
    const a = record.article;
    const existing = found.existing ?? group.find((g) => g.id === a.id);
    if (existing && pending.holds(existing.id)) await this.flush(trx, pending);
    if (existing) return { status: 'unchanged' as const, id: a.id, story: await this.storyOfStored(trx, existing.id) };
    const choice = chooseCopy(p, [...found.candidates, ...fresh, ...group], this.hasher);
    if (choice && pending.holds(choice.matched.id)) await this.flush(trx, pending);
    const copy = choice && { id: choice.original, story: await this.storyOfStored(trx, choice.matched.id), similarity: choice.similarity };
    const at = now();
    let story: string;
    let events: StoryEvent[] = [];
    if (copy) {
      story = copy.story;
    } else {
      story = this.clusterer.addTerms(a.id, terms);
      events = this.clusterer.takeHistory();
    }
    // Seqs are taken under the write lock, in arrival order: the next after the last committed (catchUp read it).
    const seq = this.synced + 1;
    const values = {
      seq,
      id: a.id,
      input: record.input,
      source: a.source,
      url: a.url,
      title: a.title,
      published: a.published,
      day: dayOf(a.published),
      text_key: key,
      duplicate_of: copy?.id ?? null,
      duplicate_similarity: copy?.similarity ?? null,
      story_id: story,
      cluster_terms: copy ? null : JSON.stringify(terms),
      signature: sig ? signatureBytes(sig) : null,
      record: p.json,
      ingested_at: at,
    };
    pending.articles.push({ values, title: a.title ?? '', text: a.text, tsv: p.tsv ?? null });
    if (events.some((e) => e.type === 'merge' || e.type === 'split')) {
      // A merge or a split reads and moves stored rows: everything before it is written first, as it happened.
      await this.flush(trx, pending);
      await this.applyEvents(trx, events, at);
    } else {
      for (const e of events) pending.event(e, at);
    }
    pending.touch(story, headline(record), dayOf(a.published), copy !== null, at);
    const splits = events.filter((e) => e.type === 'split');
    if (splits.length) {
      // A split's stories are recounted from their articles, this one counted in.
      await this.flush(trx, pending);
      for (const e of splits) await this.recount(trx, [e.story, e.merged!], at);
    }
    this.synced = seq;
    group.push({ seq, id: a.id, duplicateOf: copy?.id ?? null, key, signature: sig, bands: new Set(bands) });
    return copy
      ? { status: 'duplicate' as const, id: a.id, story, duplicateOf: copy.id, similarity: copy.similarity }
      : { status: 'new' as const, id: a.id, story };
  }

  /** Engine errors from a read become StoreErrors (locked, corrupt, unreachable). */
  private async guard<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      throw this.connection.describe(error);
    }
  }

  /**
   * Runs `fn` in a transaction; `lock()` takes the store's write lock (held to the end of the transaction). On
   * SQLite the transaction holds it from the start (BEGIN IMMEDIATE), on PostgreSQL from `lock()` (advisory lock).
   */
  private async writeTransaction<T>(fn: (trx: Transaction<Tables>, lock: () => Promise<void>) => Promise<T>): Promise<T> {
    if (this.engine === 'postgres') {
      const held: { release?: () => void } = {};
      try {
        return await this.db.transaction().execute((trx) =>
          fn(trx, async () => {
            await sql`select pg_advisory_xact_lock(${WRITE_LOCK_KEY})`.execute(trx);
            this.lockHeld = new Promise((resolve) => { held.release = resolve; });
          }),
        );
      } finally {
        this.lockHeld = null;
        held.release?.();
      }
    }
    // SQLite: BEGIN IMMEDIATE takes the write lock up front, so the clusterer's catch-up read cannot go stale.
    return this.db.connection().execute(async (conn) => {
      await sql`begin immediate`.execute(conn);
      try {
        const result = await fn(conn as unknown as Transaction<Tables>, async () => undefined);
        await sql`commit`.execute(conn);
        return result;
      } catch (error) {
        await sql`rollback`.execute(conn).catch(() => undefined);
        throw error;
      }
    });
  }

  /**
   * Replays into the clusterer the originals other processes (or earlier runs) stored after `synced`, and returns
   * those stored after `seen` (what the copy look-ups before the lock could not see) as copy candidates.
   */
  private async catchUp(db: Kysely<Tables>, seen: number): Promise<CopyCandidate[]> {
    const pageSize = 2000;
    const fresh: CopyCandidate[] = [];
    for (;;) {
      const rows = await db
        .selectFrom('articles')
        .select(['seq', 'id', 'cluster_terms', 'duplicate_of', 'text_key', 'signature'])
        .where('seq', '>', this.synced)
        .orderBy('seq')
        .limit(pageSize)
        .execute();
      for (const row of rows) {
        if (row.cluster_terms) this.clusterer.addTerms(row.id, JSON.parse(row.cluster_terms) as ClusterTerms);
        const seq = Number(row.seq);
        this.synced = seq;
        if (seq <= seen) continue;
        const signature = row.signature ? signatureFromBytes(row.signature) : null;
        fresh.push({ seq, id: row.id, duplicateOf: row.duplicate_of, key: row.text_key, signature, bands: new Set(signature ? this.hasher.bandKeys(signature) : []) });
      }
      // The events of what is replayed were stored by whoever stored those articles.
      this.clusterer.takeHistory();
      if (rows.length < pageSize) return fresh;
    }
  }

  /** The latest `seq` committed: rows up to it are all committed (seqs are taken under the write lock). */
  private async lastSeq(db: Kysely<Tables>): Promise<number> {
    const row = await db.selectFrom('articles').select((eb) => eb.fn.max('seq').as('m')).executeTakeFirst();
    return row?.m == null ? 0 : Number(row.m);
  }

  /** The story of a stored article now (its row read under the lock, so after any split; then following merges). */
  private async storyOfStored(db: Kysely<Tables>, id: string): Promise<string> {
    const row = await db.selectFrom('articles').select('story_id').where('id', '=', id).executeTakeFirstOrThrow();
    return this.currentStory(db, row.story_id);
  }

  /**
   * What is stored already of each article of a group, read before the lock: the row with its id, else its copy
   * candidates — the stored articles with the same words, or the near copies the LSH bands find.
   */
  private async lookUpCopies(db: Kysely<Tables>, prepared: readonly Prepared[]): Promise<CopiesFound[]> {
    const ids = prepared.map((p) => p.record.article.id);
    const same = await db
      .selectFrom('articles')
      .select(['seq', 'id', 'duplicate_of', 'text_key'])
      .where((eb) => eb.or([eb('id', 'in', ids), eb('text_key', 'in', prepared.map((p) => p.key))]))
      .orderBy('seq')
      .execute();
    const out: CopiesFound[] = [];
    const near: Array<{ k: number; sig: Uint32Array; bands: number[] }> = [];
    for (const p of prepared) {
      const existing = same.find((r) => r.id === p.record.article.id);
      if (existing) { out.push({ existing: { id: existing.id }, candidates: [] }); continue; }
      const exact = same.find((r) => r.text_key === p.key);
      if (!exact && p.sig) near.push({ k: out.length, sig: p.sig, bands: p.bands });
      out.push({ existing: null, candidates: exact ? [{ seq: Number(exact.seq), id: exact.id, duplicateOf: exact.duplicate_of, key: exact.text_key, signature: null }] : [] });
    }
    const found = await this.nearest(db, near);
    near.forEach((n, i) => { out[n.k]!.candidates = found[i]!; });
    return out;
  }

  /** The story a stored story id stands for now (following merges). */
  private async currentStory(db: Kysely<Tables>, id: string): Promise<string> {
    let current = id;
    for (let hops = 0; hops < 1000; hops++) {
      const row = await db.selectFrom('stories').select('merged_into').where('id', '=', current).executeTakeFirst();
      if (!row?.merged_into) return current;
      current = row.merged_into;
    }
    return current;
  }

  /**
   * For each signature, the stored articles at or above the near-copy threshold (found through its LSH bands), for a
   * whole group in two queries: the band rows of all its bands, then the signatures of each one's best candidates.
   */
  private async nearest(db: Kysely<Tables>, probes: ReadonlyArray<{ sig: Uint32Array; bands: readonly number[] }>): Promise<CopyCandidate[][]> {
    const wanted = [...new Set(probes.flatMap((p) => p.bands))];
    const holders = new Map<number, number[]>();
    for (let k = 0; k < wanted.length; k += BANDS_PER_QUERY) {
      const chunk = wanted.slice(k, k + BANDS_PER_QUERY);
      const rows = await db
        .selectFrom('lsh_bands')
        .select(['band', 'article_seq'])
        .where('band', 'in', chunk)
        .unionAll(db.selectFrom('lsh_bands_recent').select(['band', 'article_seq']).where('band', 'in', chunk))
        .execute();
      for (const r of rows) {
        const band = Number(r.band);
        (holders.get(band) ?? holders.set(band, []).get(band)!).push(Number(r.article_seq));
      }
    }
    // The articles sharing most bands first, at most DEFAULT_MAX_COPY_CANDIDATES of them: a corpus of many related
    // articles (a story retold every day, wire copies edited again and again) would otherwise make every lookup
    // read more signatures as it grows. A near copy (Jaccard ≥ 0.7) shares about 8 of 32 bands, an article half
    // alike about 2, so the cut leaves the near copies in.
    const tops = probes.map((p) => {
      const hits = new Map<number, number>();
      for (const band of p.bands) for (const seq of holders.get(band) ?? []) hits.set(seq, (hits.get(seq) ?? 0) + 1);
      return [...hits].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, DEFAULT_MAX_COPY_CANDIDATES).map(([seq]) => seq);
    });
    const seqs = [...new Set(tops.flat())];
    const stored = new Map<number, CopyCandidate>();
    for (let k = 0; k < seqs.length; k += BANDS_PER_QUERY) {
      const rows = await db
        .selectFrom('articles')
        .select(['id', 'duplicate_of', 'text_key', 'signature', 'seq'])
        .where('seq', 'in', seqs.slice(k, k + BANDS_PER_QUERY))
        .where('signature', 'is not', null)
        .execute();
      for (const r of rows) stored.set(Number(r.seq), { seq: Number(r.seq), id: r.id, duplicateOf: r.duplicate_of, key: r.text_key, signature: signatureFromBytes(r.signature!) });
    }
    return probes.map((p, i) => tops[i]!.flatMap((seq) => {
      const c = stored.get(seq);
      return c?.signature && this.hasher.similarity(p.sig, c.signature) >= this.hasher.options.threshold ? [c] : [];
    }));
  }

  /**
   * PostgreSQL: each article's search vector, computed before the lock and kept as text on `Prepared`. Stemming the
   * whole text is most of the server's work for an article: under the lock, every other writer would wait for it.
   */
  private async searchVectors(db: Kysely<Tables>, prepared: readonly Prepared[]): Promise<void> {
    for (let k = 0; k < prepared.length; k += GROUP_ROWS_PER_INSERT) {
      const chunk = prepared.slice(k, k + GROUP_ROWS_PER_INSERT);
      const rows = sql.join(chunk.map((p, i) => sql`(${i}, ${p.record.article.title ?? ''}, ${p.record.article.text})`));
      const { rows: out } = await sql<{ i: number; tsv: string }>`select cast(t.i as integer) as i, cast(${searchVector(sql.ref('t.title'), sql.ref('t.text'))} as text) as tsv from (values ${rows}) as t(i, title, text)`.execute(db);
      for (const r of out) chunk[Number(r.i)]!.tsv = r.tsv;
    }
  }

  /** SQLite: the entity index documents of stored articles (`entity-keys.ts`). */
  private async indexEntities(db: Kysely<Tables>, stored: ReadonlyArray<{ seq: number; record: ExtractRecord }>): Promise<void> {
    for (const { seq, record } of stored) {
      const keys = entityDocument(record.entities.filter((e) => e.type !== 'other').map(entityCanonical));
      if (keys) await sql`insert into entity_index (rowid, keys) values (${seq}, ${keys})`.execute(db);
    }
  }

  /** PostgreSQL: the entity rows of new articles (filters by entity read them), in as few statements as it allows. */
  private async insertEntities(db: Kysely<Tables>, records: readonly ExtractRecord[]): Promise<void> {
    const rows = records.flatMap((record) =>
      record.entities
        .filter((e) => e.type !== 'other')
        .map((e) => ({ article_id: record.article.id, canonical: entityCanonical(e), name: e.name, type: e.type, mentions: e.mentions.length })),
    );
    for (let k = 0; k < rows.length; k += ROWS_PER_INSERT) await db.insertInto('entities').values(rows.slice(k, k + ROWS_PER_INSERT)).execute();
  }

  /** The LSH band rows of stored articles (the copy look-up reads them). */
  private async insertBands(db: Kysely<Tables>, articles: ReadonlyArray<{ seq: number; bands: Iterable<number> }>): Promise<void> {
    const rows = articles.flatMap((a) => [...a.bands].map((band) => ({ band, article_seq: a.seq })));
    for (let k = 0; k < rows.length; k += ROWS_PER_INSERT) await db.insertInto('lsh_bands_recent').values(rows.slice(k, k + ROWS_PER_INSERT)).execute();
    if (articles.length === 0) return;
    // Under the write lock, and seqs are taken under it: one group crosses each multiple, and moves everything.
    const first = articles[0]!.seq, last = articles.at(-1)!.seq;
    const every = this.options.bandMergeEvery ?? BAND_MERGE_EVERY;
    if (Math.floor(last / every) > Math.floor((first - 1) / every)) await this.mergeBands(db);
  }

  /**
   * The recent bands into the large table, in its key order: each of its pages is written once for thousands of
   * articles, not once for each of their rows. Readers see both tables (`nearest`), before or after, never half.
   */
  private async mergeBands(db: Kysely<Tables>): Promise<void> {
    await db.insertInto('lsh_bands').columns(['band', 'article_seq']).expression(db.selectFrom('lsh_bands_recent').select(['band', 'article_seq']).orderBy('band').orderBy('article_seq')).execute();
    await db.deleteFrom('lsh_bands_recent').execute();
  }

  /**
   * Writes a group's pending rows: new stories, then articles (and SQLite's search rows), their story events, then
   * each touched story's counters and dates in one statement. A few statements for the group instead of several
   * for each article: on PostgreSQL each is a round trip, made while every other writer waits for the lock.
   */
  private async flush(db: Kysely<Tables>, pending: PendingWrites): Promise<void> {
    if (pending.isEmpty()) return;
    const { stories, articles, events, touches } = pending.take();
    for (let k = 0; k < stories.length; k += GROUP_ROWS_PER_INSERT) await db.insertInto('stories').values(stories.slice(k, k + GROUP_ROWS_PER_INSERT)).execute();
    for (let k = 0; k < articles.length; k += GROUP_ROWS_PER_INSERT) {
      const chunk = articles.slice(k, k + GROUP_ROWS_PER_INSERT);
      // PostgreSQL's search vector is written with the row (never a row without it).
      const rows = this.engine === 'postgres'
        ? chunk.map((r) => ({ ...r.values, tsv: r.tsv === null ? searchVector(r.title, r.text) : sql`cast(${r.tsv} as tsvector)` }))
        : chunk.map((r) => r.values);
      await db.insertInto('articles').values(rows).execute();
      if (this.engine === 'sqlite') await sql`insert into articles_fts(rowid, title, text) values ${sql.join(chunk.map((r) => sql`(${r.values.seq}, ${r.title}, ${r.text})`))}`.execute(db);
    }
    for (let k = 0; k < events.length; k += GROUP_ROWS_PER_INSERT) await db.insertInto('story_events').values(events.slice(k, k + GROUP_ROWS_PER_INSERT)).execute();
    if (touches.length === 0) return;
    // Both engines: a CTE of values, then UPDATE … FROM (SQLite ≥ 3.33). Counts arrive as text on PostgreSQL: cast.
    const values = sql.join(touches.map((t) => sql`(${t.id}, ${t.title}, ${t.first}, ${t.last}, ${t.articles}, ${t.originals}, ${t.at})`));
    await sql`with v(id, title, first_day, last_day, n, o, at) as (values ${values})
      update stories set
        title = coalesce(stories.title, v.title),
        first_day = case when v.first_day is null then stories.first_day when stories.first_day is null or stories.first_day > v.first_day then v.first_day else stories.first_day end,
        last_day = case when v.last_day is null then stories.last_day when stories.last_day is null or stories.last_day < v.last_day then v.last_day else stories.last_day end,
        articles = stories.articles + cast(v.n as integer),
        originals = stories.originals + cast(v.o as integer),
        updated_at = v.at
      from v where stories.id = v.id`.execute(db);
  }

  /** The clusterer's new stories and merges, written to the stories table and the history. */
  private async applyEvents(db: Kysely<Tables>, events: StoryEvent[], at: string): Promise<void> {
    for (const e of events) {
      if (e.type === 'new') {
        await db.insertInto('stories').values({ id: e.story, title: null, first_day: null, last_day: null, articles: 0, originals: 0, merged_into: null, created_at: at, updated_at: at, analysis: null, analysis_articles: null }).execute();
      }
      if (e.type === 'merge' && e.merged) {
        const from = await db.selectFrom('stories').selectAll().where('id', '=', e.merged).executeTakeFirst();
        await db.updateTable('articles').set({ story_id: e.story }).where('story_id', '=', e.merged).execute();
        await db.updateTable('stories').set({ merged_into: e.story, updated_at: at }).where('id', '=', e.merged).execute();
        if (from) {
          const into = await db.selectFrom('stories').selectAll().where('id', '=', e.story).executeTakeFirstOrThrow();
          await db
            .updateTable('stories')
            .set({
              articles: into.articles + from.articles,
              originals: into.originals + from.originals,
              first_day: minDay(into.first_day, from.first_day),
              last_day: maxDay(into.last_day, from.last_day),
              updated_at: at,
            })
            .where('id', '=', e.story)
            .execute();
        }
      }
      if (e.type === 'split' && e.articles?.length) {
        // The moved articles and their copies go to the new story; both stories are recounted once the article is in.
        const first = await db.selectFrom('articles').select('record').where('id', 'in', e.articles).orderBy('seq').limit(1).executeTakeFirst();
        const title = first ? headline(JSON.parse(first.record) as ExtractRecord) : null;
        await db.insertInto('stories').values({ id: e.story, title, first_day: null, last_day: null, articles: 0, originals: 0, merged_into: null, created_at: at, updated_at: at, analysis: null, analysis_articles: null }).execute();
        await db.updateTable('articles').set({ story_id: e.story }).where((eb) => eb.or([eb('id', 'in', e.articles!), eb('duplicate_of', 'in', e.articles!)])).execute();
      }
      await db.insertInto('story_events').values({ type: e.type, story: e.story, merged: e.merged ?? null, article_id: e.article, score: e.score ?? null, at }).execute();
    }
  }

  /** A story's counters and dates from its articles (after a split moved some away). */
  private async recount(db: Kysely<Tables>, ids: string[], at: string): Promise<void> {
    for (const id of ids) {
      const c = await db
        .selectFrom('articles')
        .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.count<number>('duplicate_of').as('copies'), eb.fn.min('day').as('first'), eb.fn.max('day').as('last')])
        .where('story_id', '=', id)
        .executeTakeFirstOrThrow();
      await db
        .updateTable('stories')
        .set({ articles: Number(c.n), originals: Number(c.n) - Number(c.copies), first_day: (c.first as string | null) ?? null, last_day: (c.last as string | null) ?? null, analysis: null, analysis_articles: null, updated_at: at })
        .where('id', '=', id)
        .execute();
    }
  }

  /** Standing stories, most recent first, filtered. */
  stories(filter: StoryFilter = {}): Promise<StorySummary[]> {
    return this.guard(() => this.storiesNow(filter));
  }

  private async storiesNow(filter: StoryFilter = {}): Promise<StorySummary[]> {
    const rows = await this.storyQuery(filter)
      .selectAll()
      .orderBy('last_day', 'desc')
      .orderBy('updated_at', 'desc')
      .orderBy('id')
      .limit(filter.limit ?? 100)
      .offset(filter.offset ?? 0)
      .execute();
    return this.summaries(rows);
  }

  /** How many standing stories the filter matches (for paging). */
  countStories(filter: StoryFilter = {}): Promise<number> {
    return this.guard(async () => Number((await this.storyQuery(filter).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n));
  }

  /** The articles matching a filter (a condition on `articles`), for stories and for article lists alike. */
  private articleMatches(filter: StoryFilter) {
    return (eb: ExpressionBuilder<Tables, 'articles'>) => {
      const all: Expression<SqlBool>[] = [];
      if (filter.source) all.push(eb(sql<string>`lower(articles.source)`, '=', filter.source.toLowerCase()));
      if (filter.entity) {
        // A canonical id ("person:keir starmer") or a name, as any kind of entity: all found through the index.
        const name = filter.entity.toLowerCase().trim();
        const ids = [name, ...(['person', 'organization', 'place'] as const).map((type) => `${type}:${name}`)];
        if (this.engine === 'sqlite') all.push(eb('articles.seq', 'in', sql<number>`(select rowid from entity_index where entity_index match ${entityMatch(ids)})`));
        else all.push(eb('articles.id', 'in', eb.selectFrom('entities').select('entities.article_id').where('entities.canonical', 'in', ids)));
      }
      if (filter.q) {
        const match = ftsQuery(filter.q);
        if (this.engine === 'sqlite') all.push(eb('articles.seq', 'in', sql<number>`(select rowid from articles_fts where articles_fts match ${match.fts5 || '""'})`));
        else all.push(sql<SqlBool>`articles.tsv @@ websearch_to_tsquery('english', ${filter.q})`);
      }
      return eb.and(all);
    };
  }

  private storyQuery(filter: StoryFilter) {
    let q = this.db.selectFrom('stories').where('merged_into', 'is', null);
    if (filter.since) q = q.where('last_day', '>=', filter.since);
    if (filter.until) q = q.where('first_day', '<=', filter.until);
    if (filter.source || filter.entity || filter.q) {
      const matches = this.articleMatches(filter);
      q = q.where((eb) => eb.exists(eb.selectFrom('articles').select('articles.id').whereRef('articles.story_id', '=', 'stories.id').where(matches)));
    }
    return q;
  }

  private articleQuery(filter: ArticleFilter) {
    let q = this.db.selectFrom('articles');
    if (filter.since) q = q.where('day', '>=', filter.since);
    if (filter.until) q = q.where('day', '<=', filter.until);
    if (filter.source || filter.entity || filter.q) q = q.where(this.articleMatches(filter));
    return q;
  }

  /** Articles, newest arrivals first, filtered; with the total the filter matches. */
  articles(filter: ArticleFilter = {}): Promise<{ articles: ArticleSummary[]; total: number }> {
    return this.guard(async () => {
      const rows = await this.articleQuery(filter)
        .select(['id', 'title', 'source', 'published', 'story_id', 'duplicate_of'])
        .orderBy('seq', 'desc')
        .limit(filter.limit ?? 100)
        .offset(filter.offset ?? 0)
        .execute();
      const total = Number((await this.articleQuery(filter).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
      return { articles: rows.map((r) => ({ id: r.id, title: r.title, source: r.source, published: r.published, story: r.story_id, duplicateOf: r.duplicate_of })), total };
    });
  }

  /** One stored article: its summary and its whole extraction record; null when not stored. */
  article(id: string): Promise<{ summary: ArticleSummary; record: ExtractRecord } | null> {
    return this.guard(async () => {
      const r = await this.db.selectFrom('articles').select(['id', 'title', 'source', 'published', 'story_id', 'duplicate_of', 'record']).where('id', '=', id).executeTakeFirst();
      if (!r) return null;
      const story = await this.currentStory(this.db, r.story_id);
      return { summary: { id: r.id, title: r.title, source: r.source, published: r.published, story, duplicateOf: r.duplicate_of }, record: JSON.parse(r.record) as ExtractRecord };
    });
  }

  private async summary(r: StoryRow): Promise<StorySummary> {
    return (await this.summaries([r]))[0]!;
  }

  /** Summaries of story rows, their outlets read in one query (not one a story). */
  private async summaries(rows: readonly StoryRow[]): Promise<StorySummary[]> {
    if (rows.length === 0) return [];
    const found = await this.db
      .selectFrom('articles')
      .select(['story_id', 'source'])
      .distinct()
      .where('story_id', 'in', rows.map((r) => r.id))
      .where('source', 'is not', null)
      .orderBy('source')
      .execute();
    const sources = new Map<string, string[]>();
    for (const f of found) {
      const list = sources.get(f.story_id);
      if (list) list.push(f.source!);
      else sources.set(f.story_id, [f.source!]);
    }
    return rows.map((r) => ({ id: r.id, title: r.title, firstDay: r.first_day, lastDay: r.last_day, articles: Number(r.articles), originals: Number(r.originals), sources: sources.get(r.id) ?? [] }));
  }

  /** One story: its records (originals), its duplicates and its history; null when there is no such story. */
  story(id: string): Promise<StoryDetail | null> {
    return this.guard(() => this.storyNow(id));
  }

  private async storyNow(id: string, withRecords = true): Promise<StoryDetail | null> {
    const current = await this.currentStory(this.db, id);
    const row = await this.db.selectFrom('stories').selectAll().where('id', '=', current).executeTakeFirst();
    if (!row) return null;
    const articles = await this.db.selectFrom('articles').select(['id', 'duplicate_of', 'duplicate_similarity', 'source', 'title']).where('story_id', '=', current).orderBy('seq').execute();
    const history = await this.db.selectFrom('story_events').selectAll().where((eb) => eb.or([eb('story', '=', current), eb('merged', '=', current)])).orderBy('seq').execute();
    const records = withRecords
      ? (await this.db.selectFrom('articles').select('record').where('story_id', '=', current).where('duplicate_of', 'is', null).orderBy('seq').execute()).map((a) => JSON.parse(a.record) as ExtractRecord)
      : [];
    return {
      summary: await this.summary(row),
      records,
      duplicates: articles.filter((a) => a.duplicate_of).map((a) => ({ id: a.id, duplicateOf: a.duplicate_of!, similarity: Number(a.duplicate_similarity), source: a.source, title: a.title })),
      history: history.map((h) => ({ type: h.type as StoryEvent['type'], story: h.story, article: h.article_id, ...(h.merged ? { merged: h.merged } : {}), ...(h.score != null ? { score: Number(h.score) } : {}) })),
    };
  }

  /** The cross-outlet analysis of a story, from the cache unless articles arrived since it was built. */
  analysis(id: string): Promise<{ detail: StoryDetail; story: Story } | null> {
    return this.guard(async () => {
      const found = await this.analysisTextNow(id);
      return found && { detail: found.detail, story: JSON.parse(found.json) as Story };
    });
  }

  /** The story an id stands for now (after merges) and a version that changes whenever its answer does. */
  storyVersion(id: string): Promise<{ id: string; version: string } | null> {
    return this.guard(async () => {
      const current = await this.currentStory(this.db, id);
      const row = await this.db.selectFrom('stories').select(['id', 'articles', 'updated_at']).where('id', '=', current).executeTakeFirst();
      return row ? { id: row.id, version: `${row.articles}@${row.updated_at}` } : null;
    });
  }

  /**
   * The analysis as JSON text, as the store keeps it (no parse when it is fresh), with the story's details but not
   * its records: what a server sends on as it is.
   */
  analysisText(id: string): Promise<{ detail: StoryDetail; json: string } | null> {
    return this.guard(() => this.analysisTextNow(id));
  }

  private async analysisTextNow(id: string): Promise<{ detail: StoryDetail; json: string } | null> {
    const detail = await this.storyNow(id, false);
    if (!detail) return null;
    const row = await this.db.selectFrom('stories').select(['analysis', 'analysis_articles']).where('id', '=', detail.summary.id).executeTakeFirstOrThrow();
    if (row.analysis && Number(row.analysis_articles) === detail.summary.articles) return { detail, json: row.analysis };
    const full = (await this.storyNow(id))!;
    const json = JSON.stringify(buildStory(full.records));
    await this.db.updateTable('stories').set({ analysis: json, analysis_articles: full.summary.articles }).where('id', '=', full.summary.id).execute();
    return { detail: full, json };
  }

  /** Full-text search over titles and texts, best first. */
  search(query: string, limit = 20): Promise<SearchHit[]> {
    return this.guard(() => this.searchNow(query, limit));
  }

  private async searchNow(query: string, limit = 20): Promise<SearchHit[]> {
    const match = ftsQuery(query);
    if (!match.terms.length) return [];
    const rows =
      this.engine === 'sqlite'
        ? await sql<{ seq: number }>`select rowid as seq from articles_fts where articles_fts match ${match.fts5} order by bm25(articles_fts, 5.0, 1.0) limit ${limit}`.execute(this.db)
        : await sql<{ seq: number }>`select seq from articles, websearch_to_tsquery('english', ${query}) q where tsv @@ q order by ts_rank(tsv, q) desc, seq limit ${limit}`.execute(this.db);
    const seqs = rows.rows.map((r) => Number(r.seq));
    if (!seqs.length) return [];
    const articles = await this.db.selectFrom('articles').select(['seq', 'id', 'title', 'source', 'published', 'story_id', 'record']).where('seq', 'in', seqs).execute();
    const bySeq = new Map(articles.map((a) => [Number(a.seq), a]));
    const hits: SearchHit[] = [];
    for (const seq of seqs) {
      const a = bySeq.get(seq);
      if (!a) continue;
      const text = (JSON.parse(a.record) as ExtractRecord).article.text;
      hits.push({ id: a.id, title: a.title, source: a.source, published: a.published, story: await this.currentStory(this.db, a.story_id), snippet: snippet(text, match.terms) });
    }
    return hits;
  }
}

/** A story's name: the title of its first article, else that article's first sentence (plain-text inputs have no title). */
function headline(record: ExtractRecord): string | null {
  if (record.article.title) return record.article.title;
  const lead = record.article.text.trim().split(/\n/)[0]!.trim();
  // A sentence ends at . ! ? before a capital or the end, not after a capital initial ("U.S.", "J.").
  const sentence = /^.{20,200}?(?<![\p{Lu}])[.!?](?=\s+[\p{Lu}"“‘]|$)/u.exec(lead)?.[0] ?? lead.slice(0, 160);
  return sentence || null;
}

function minDay(a: string | null, b: string | null): string | null {
  return a === null ? b : b === null ? a : a < b ? a : b;
}
function maxDay(a: string | null, b: string | null): string | null {
  return a === null ? b : b === null ? a : a > b ? a : b;
}
