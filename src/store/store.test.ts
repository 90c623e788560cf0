import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createArticlePipeline } from '../api/extract.js';
import { readArticleRecord } from '../ingest/index.js';
import type { ExtractRecord } from '../model/schema.js';
import { tempDir } from '../test-support/cli.js';
import Database from 'better-sqlite3';
import { freshPostgres, type TestDatabase } from '../test-support/services.js';
import { syntheticArticles } from '../test-support/synthetic.js';
import { Store, StoreError } from './index.js';
import { betweenLookUpAndLock } from './store.js';
import { DEFAULT_MINHASH_OPTIONS } from '../story/dedup/minhash.js';
import { isBinarySnapshot, OnlineClusterer } from '../story/cluster/index.js';
import { gzipSync } from 'node:zlib';

// Short reports written for the test: a flood told by two outlets, a trial, and a wire copy of the flood report.
const flood = (extra: string): string =>
  `Storm Ciara brought floods to the coastal towns of Devon and Cornwall on Sunday, where rivers burst their banks. ` +
  `The Environment Agency issued twelve severe flood warnings and said more rain was expected. ` +
  `"We have never seen the river this high," said Mary Jones, a councillor in Truro. ${extra}`;
const floodOther = `Hundreds of homes in Devon and Cornwall were flooded after Storm Ciara swept across the south-west of England. ` +
  `The Environment Agency said rivers in Cornwall reached record levels. Councillor Mary Jones said residents had been moved to schools.`;
const trial = `The jury in the fraud trial of banker John Smith heard closing arguments at Southwark Crown Court on Monday. ` +
  `Prosecutors said Smith hid losses of 40 million pounds from his employer, Barclays. His lawyer, Anne Clarke, said he had done nothing wrong.`;

const pipeline = createArticlePipeline();
function recordOf(input: string, fields: { text: string; source: string; url?: string; published?: string; title?: string }): ExtractRecord {
  const result = readArticleRecord(input, fields, { source: null, published: null, url: null });
  assert.ok(result.ok);
  return pipeline(input, result.article, result.messages).record;
}

const a1 = recordOf('a1', { text: flood('Schools will stay closed on Monday.'), source: 'Western News', url: 'https://wn.example/flood', published: '2020-02-09', title: 'Storm Ciara floods Devon and Cornwall' });
const a2 = recordOf('a2', { text: floodOther, source: 'Daily Post', url: 'https://dp.example/storm', published: '2020-02-10', title: 'Storm Ciara: homes flooded in the south-west' });
const b1 = recordOf('b1', { text: trial, source: 'Daily Post', url: 'https://dp.example/trial', published: '2020-02-10', title: 'Closing arguments in Barclays banker fraud trial' });
// The wire copy: another outlet, a dateline added, the last sentence cut.
const copy = recordOf('c1', { text: `TRURO (Wire) — ${flood('')}`.trim(), source: 'Evening Star', url: 'https://es.example/flood', published: '2020-02-09', title: 'Floods in Devon and Cornwall' });
const exact = recordOf('c2', { text: flood('Schools will stay closed on Monday.'), source: 'Morning Herald', url: 'https://mh.example/flood', published: '2020-02-09' });

type Engine = { name: string; location: () => Promise<string | null>; cleanup: () => Promise<void> };
let pgDb: TestDatabase | null = null;
const engines: Engine[] = [
  { name: 'SQLite', location: async () => join(tempDir(), 'test.db'), cleanup: async () => {} },
  {
    name: 'PostgreSQL',
    location: async () => (pgDb = await freshPostgres())?.url ?? null,
    cleanup: async () => { await pgDb?.drop(); },
  },
];

for (const engine of engines) {
  describe(`Store on ${engine.name}`, () => {
    let location: string | null = null;
    before(async () => { location = await engine.location(); });
    after(() => engine.cleanup());

    it('stores new articles once, links exact and near copies to the original, and groups stories', async (t) => {
      if (!location) return t.skip('no PostgreSQL server');
      const store = await Store.open(location);
      try {
        const r1 = await store.add(a1);
        const r2 = await store.add(a2);
        const r3 = await store.add(b1);
        assert.deepEqual([r1.status, r2.status, r3.status], ['new', 'new', 'new']);
        assert.equal(r1.story, r2.story, 'two outlets, one flood');
        assert.notEqual(r1.story, r3.story, 'the trial is another story');
        assert.equal((await store.add(a1)).status, 'unchanged');
        const near = await store.add(copy);
        assert.equal(near.status, 'duplicate');
        assert.equal(near.duplicateOf, a1.article.id);
        assert.ok(near.similarity! >= 0.7 && near.similarity! < 1, String(near.similarity));
        assert.equal(near.story, r1.story);
        const same = await store.add(exact);
        assert.deepEqual([same.status, same.duplicateOf, same.similarity], ['duplicate', a1.article.id, 1]);
        assert.deepEqual(await store.count(), { articles: 5, duplicates: 2, stories: 2 });
        const [flooded] = await store.stories({ entity: 'Mary Jones' });
        assert.equal(flooded?.id, r1.story);
        assert.equal(flooded?.originals, 2, 'copies do not count as coverage');
        assert.equal(flooded?.articles, 4);
        assert.deepEqual(flooded?.sources, ['Daily Post', 'Evening Star', 'Morning Herald', 'Western News']);
        // Listed together, each story keeps its own outlets (read in one query for the whole list).
        const listed = await store.stories();
        assert.equal(listed.length, 2);
        for (const s of listed) assert.deepEqual(s.sources, (await store.story(s.id))?.summary.sources, s.id);
        assert.notDeepEqual(listed[0]?.sources, listed[1]?.sources);
      } finally {
        await store.close();
      }
    });

    it('answers filters, search and the story analysis; a second process continues the same stories', async (t) => {
      if (!location) return t.skip('no PostgreSQL server');
      const store = await Store.open(location);
      try {
        assert.deepEqual((await store.stories({ source: 'western news' })).length, 1);
        assert.deepEqual((await store.stories({ source: 'daily post' })).length, 2);
        assert.deepEqual((await store.stories({ since: '2020-02-11' })).length, 0);
        assert.deepEqual((await store.stories({ entity: 'barclays' })).map((s) => s.title), ['Closing arguments in Barclays banker fraud trial']);
        const hits = await store.search('closing arguments');
        assert.equal(hits[0]?.id, b1.article.id);
        assert.match(hits[0]!.snippet, /closing arguments/);
        assert.equal((await store.search('"river this high"')).length, 3, 'the original and its two copies');
        assert.deepEqual(await store.search('zeppelin'), []);
        const story = await store.story((await store.storyOfArticle(a1.article.id))!);
        assert.deepEqual(story?.records.map((r) => r.input), ['a1', 'a2']);
        assert.deepEqual(story?.duplicates.map((d) => d.duplicateOf), [a1.article.id, a1.article.id]);
        assert.deepEqual(story?.history.map((h) => h.type), ['new', 'join']);
        const analysed = await store.analysis(story!.summary.id);
        assert.deepEqual(analysed?.story.sources, ['Western News', 'Daily Post']);
        assert.equal(await store.analysis('no-such-story'), null);
      } finally {
        await store.close();
      }
      // Another process: its clusterer starts empty and replays the stored log before it assigns.
      const later = await Store.open(location);
      try {
        const more = recordOf('a3', { text: 'Cornwall and Devon counted the cost of Storm Ciara on Tuesday as the Environment Agency warned that rivers would stay high. Councillor Mary Jones said families moved to schools in Truro could not yet go home.', source: 'Channel 9', url: 'https://c9.example/flood', published: '2020-02-11', title: 'Storm Ciara floods south-west' });
        const r = await later.add(more);
        assert.equal(r.status, 'new');
        assert.equal(r.story, await later.storyOfArticle(a1.article.id));
        const analysed = await later.analysis(r.story);
        assert.equal(analysed?.story.articles.length, 3, 'the cached analysis is rebuilt when an article arrives');
      } finally {
        await later.close();
      }
    });

    it('writes nothing of an article whose transaction fails, and goes on afterwards', async (t) => {
      if (!location) return t.skip('no PostgreSQL server');
      const store = await Store.open(location);
      try {
        const before = await store.count();
        const broken = recordOf('bad', { text: 'Banker John Smith told the jury at Southwark Crown Court that he never hid losses from Barclays. Anne Clarke, his lawyer, asked jurors to acquit him of fraud. The verdict is due on Friday.', source: 'Broken', url: 'https://x.example/b', published: '2020-02-10' });
        (broken as unknown as { extra: bigint }).extra = 1n; // JSON.stringify throws inside the transaction
        await assert.rejects(store.add(broken));
        assert.deepEqual(await store.count(), before);
        assert.equal(await store.has(broken.article.id), false);
        delete (broken as unknown as { extra?: bigint }).extra;
        const r = await store.add(broken);
        assert.equal(r.status, 'new');
        assert.equal(r.story, await store.storyOfArticle(b1.article.id), 'the clusterer was rebuilt, not left holding the failed article');
      } finally {
        await store.close();
      }
    });

    it('stores a group in one transaction (copies within the group found), and a bad article in it costs only itself', async (t) => {
      if (!location) return t.skip('no PostgreSQL server');
      const store = await Store.open(location);
      try {
        const before = await store.count();
        const text = 'Ferry services between Dover and Calais were cancelled on Thursday as gales reached ninety miles an hour. The port authority said crossings would resume on Friday morning.';
        const g1 = recordOf('g1', { text, source: 'Kent Courier', url: 'https://kc.example/ferry', published: '2020-02-13', title: 'Dover ferries cancelled in gales' });
        const g2 = recordOf('g2', { text, source: 'Coast Radio', url: 'https://cr.example/ferry', published: '2020-02-13' });
        const bad = recordOf('g3', { text: 'Gales closed the Severn bridge to lorries on Thursday, the highways agency said, and drivers were told to use the M4.', source: 'Broken', published: '2020-02-13' });
        (bad as unknown as { extra: bigint }).extra = 1n;
        const results = await store.addMany([g1, bad, g2]);
        assert.equal((results[0] as { status: string }).status, 'new');
        assert.ok(results[1] instanceof Error);
        assert.deepEqual([(results[2] as { status: string }).status, (results[2] as { duplicateOf?: string }).duplicateOf], ['duplicate', g1.article.id]);
        const after = await store.count();
        assert.deepEqual([after.articles - before.articles, after.duplicates - before.duplicates], [2, 1]);
        assert.equal(await store.has(bad.article.id), false);
        // Together and alone, the same: a group of what is stored already changes nothing.
        assert.deepEqual((await store.addMany([g1, g2])).map((r) => (r as { status: string }).status), ['unchanged', 'unchanged']);
        assert.deepEqual(await store.addMany([]), []);
      } finally {
        await store.close();
      }
    });

    it('finds articles by entity through the index after every kind of add, and an old store\'s entity rows are migrated (SQLite)', async (t) => {
      if (!location) return t.skip('no PostgreSQL server');
      const probe = await Store.open(location);
      const sqlite = probe.engine === 'sqlite';
      try {
        // A near copy names what its original names; the trial names Barclays; nothing names Atlantis.
        assert.deepEqual((await probe.articles({ entity: 'Mary Jones' })).total, 5);
        const barclays = (await probe.articles({ entity: 'barclays' })).articles.map((a) => a.id);
        assert.ok(barclays.includes(b1.article.id) && !barclays.includes(a1.article.id), barclays.join());
        assert.equal((await probe.articles({ entity: 'Atlantis' })).total, 0);
      } catch (error) {
        await probe.close();
        throw error;
      }
      if (!sqlite) { await probe.close(); return; }
      // Back to the schema before migration 0005: an entities table holding Mary Jones's rows for a1 alone.
      await sql`drop table entity_index`.execute(probe.db);
      await sql`create table entities (article_id text not null, canonical text not null, name text not null, type text not null, mentions integer not null)`.execute(probe.db);
      for (const e of a1.entities.filter((x) => x.type !== 'other')) await sql`insert into entities values (${a1.article.id}, ${e.canonical ?? `${e.type}:${e.name.toLowerCase()}`}, ${e.name}, ${e.type}, ${e.mentions.length})`.execute(probe.db);
      // (and before 0006: the recent bands moved into the large table)
      await sql`insert into lsh_bands select * from lsh_bands_recent`.execute(probe.db);
      await sql`drop table lsh_bands_recent`.execute(probe.db);
      await probe.db.deleteFrom('kysely_migration' as never).where('name' as never, 'in', ['0005-entity-index', '0006-recent-bands'] as never).execute();
      await probe.close();
      const store = await Store.open(location);
      try {
        assert.deepEqual((await store.articles({ entity: 'Mary Jones' })).articles.map((a) => a.id), [a1.article.id]);
        assert.equal((await store.articles({ entity: 'barclays' })).total, 0, 'only what the old rows held');
        assert.equal(await store.db.selectFrom('entities' as never).selectAll().execute().then(() => 'present', () => 'dropped'), 'dropped');
      } finally {
        await store.close();
      }
    });
    it('migrates a store with text LSH bands: the integer bands are made again from the signatures, and copies still found', async (t) => {
      if (!location) return t.skip('no PostgreSQL server');
      // Back to the schema before migration 0004: its text bands table (empty) and no record of the migration.
      const old = await Store.open(location);
      const signed = Number((await old.db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).where('signature', 'is not', null).executeTakeFirstOrThrow()).n);
      assert.ok(signed >= 5);
      await old.db.schema.dropTable('lsh_bands').execute();
      await old.db.schema.createTable('bands').addColumn('band', 'text').addColumn('article_id', 'text').execute();
      // (and before 0005: SQLite's entity table, empty, instead of its entity index)
      if (old.engine === 'sqlite') {
        await sql`drop table entity_index`.execute(old.db);
        await sql`create table entities (article_id text not null, canonical text not null, name text not null, type text not null, mentions integer not null)`.execute(old.db);
      }
      await old.db.schema.dropTable('lsh_bands_recent').execute();
      await old.db.deleteFrom('kysely_migration' as never).where('name' as never, 'in', ['0004-integer-bands', '0005-entity-index', '0006-recent-bands'] as never).execute();
      await old.close();
      const store = await Store.open(location);
      try {
        const rows = Number((await store.db.selectFrom('lsh_bands').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
        assert.equal(rows, signed * DEFAULT_MINHASH_OPTIONS.bands);
        const again = recordOf('c3', { text: `CAMBORNE (Wire) — ${flood('')}`.trim(), source: 'Night Desk', url: 'https://nd.example/flood', published: '2020-02-09' });
        const r = await store.add(again);
        assert.equal(r.status, 'duplicate');
        assert.equal(r.duplicateOf, a1.article.id);
      } finally {
        await store.close();
      }
    });

  });
}

// What a group writes at the end of its transaction (new stories, articles, events, story counters) must come out as
// if each article had been written on its own: splits and merges in mid-group, a copy and a repeat of an article
// stored earlier in the same group.
const groupCases: Array<{ name: string; cluster: Record<string, number>; records: () => ExtractRecord[] }> = [
  {
    name: 'a split in mid-group, a copy and a repeat of the group\'s own articles',
    cluster: { threshold: 0, undatedThreshold: 0, mergeThreshold: 2, candidateTerms: 1000, splitMinSize: 4, splitEvery: 1, splitThreshold: 0.15 },
    records: () => {
      const both = recordOf('m', { text: `${flood('')} ${trial}`, source: 'Roundup', url: 'https://r.example/both', published: '2020-02-10', title: 'Storm Ciara floods and the Barclays fraud trial' });
      const trial2 = recordOf('b2', { text: 'Banker John Smith told the jury at Southwark Crown Court that he never hid losses from Barclays. Anne Clarke, his lawyer, asked jurors to acquit him of fraud.', source: 'Western News', url: 'https://wn.example/trial', published: '2020-02-11', title: 'Banker denies hiding Barclays losses' });
      const copyOfB1 = { ...b1, input: 'b1-copy', article: { ...b1.article, id: 'b1-copy', url: 'https://other.example/trial', source: 'Evening Star' } };
      return [a1, both, b1, a2, copyOfB1, trial2, exact, a1, copy];
    },
  },
  {
    name: 'a merge in mid-group',
    cluster: { mergeThreshold: 0.05 },
    records: () => [a1, b1, recordOf('m', { text: `${flood('')} ${trial}`, source: 'Roundup', url: 'https://r.example/both', published: '2020-02-10', title: 'Storm Ciara floods and the Barclays fraud trial' }), a2, exact, b1],
  },
];

for (const engine of ['SQLite', 'PostgreSQL'] as const) {
  describe(`Store group writes on ${engine}`, () => {
    const made: TestDatabase[] = [];
    after(async () => { for (const d of made) await d.drop(); });
    const location = async (): Promise<string | null> => {
      if (engine === 'SQLite') return join(tempDir(), 'group.db');
      const d = await freshPostgres();
      if (d) made.push(d);
      return d?.url ?? null;
    };
    const state = async (store: Store, ids: string[]) => ({
      stories: (await store.stories()).map((s) => ({ ...s, sources: [...s.sources].sort() })).sort((x, y) => x.id.localeCompare(y.id)),
      articles: await Promise.all(ids.map((id) => store.storyOfArticle(id))),
      history: (await Promise.all((await store.stories()).map(async (s) => (await store.story(s.id))?.history ?? []))).flat().map((h) => ({ ...h, score: h.score === undefined ? undefined : Math.round(h.score * 1e6) })),
      count: await store.count(),
    });
    for (const c of groupCases) {
      it(`one group writes what one article at a time writes: ${c.name}`, async (t) => {
        const [one, many] = [await location(), await location()];
        if (!one || !many) return t.skip('no PostgreSQL server');
        const records = c.records();
        const ids = [...new Set(records.map((r) => r.article.id))];
        const alone = await Store.open(one, { cluster: c.cluster });
        const together = await Store.open(many, { cluster: c.cluster });
        try {
          const r1 = [];
          for (const r of records) r1.push(await alone.add(r));
          const r2 = await together.addMany(records);
          assert.deepEqual(r2, r1);
          assert.ok(r1.some((r) => r.status === 'duplicate') && r1.some((r) => r.status === 'unchanged'));
          const s1 = await state(alone, ids);
          assert.ok(s1.history.some((h) => h.type === 'split' || h.type === 'merge'), 'the case has a split or a merge');
          assert.deepEqual(await state(together, ids), s1);
          // The search index has every article of the group.
          assert.equal((await together.search('Barclays')).length, (await alone.search('Barclays')).length);
        } finally {
          await alone.close();
          await together.close();
        }
      });
    }
  });
}

describe('Store with two writers (PostgreSQL)', () => {
  let db: TestDatabase | null = null;
  before(async () => { db = await freshPostgres(); });
  after(async () => { betweenLookUpAndLock.run = undefined; await db?.drop(); });

  /** Runs `other` once, inside the next group's transaction, after its look-ups and before its lock. */
  const interleave = (other: () => Promise<unknown>): void => {
    betweenLookUpAndLock.run = async () => {
      betweenLookUpAndLock.run = undefined;
      await other();
    };
  };
  const counted = async (store: Store, table: 'entities' | 'bands', id: string): Promise<number> =>
    table === 'entities'
      ? Number((await store.db.selectFrom('entities').select((eb) => eb.fn.countAll<number>().as('n')).where('article_id', '=', id).executeTakeFirstOrThrow()).n)
      : (await Promise.all((['lsh_bands', 'lsh_bands_recent'] as const).map(async (table) => Number((await store.db.selectFrom(table).innerJoin('articles', 'articles.seq', `${table}.article_seq`).select((eb) => eb.fn.countAll<number>().as('n')).where('articles.id', '=', id).executeTakeFirstOrThrow()).n)))).reduce((a, b) => a + b);

  it('finds the copies another writer stored between a group\'s look-ups and its lock', async (t) => {
    if (!db) return t.skip('no PostgreSQL server');
    const [mine, theirs] = [await Store.open(db.url), await Store.open(db.url)];
    try {
      // The other writer stores the originals while this one has looked up copies and found none.
      const wire = recordOf('w1', { text: flood('Schools will stay closed on Monday.'), source: 'Western News', url: 'https://wn.example/flood', published: '2020-02-09' });
      const exactCopy = recordOf('w2', { text: flood('Schools will stay closed on Monday.'), source: 'Morning Herald', url: 'https://mh.example/flood', published: '2020-02-09' });
      const nearCopy = recordOf('w3', { text: `TRURO (Wire) — ${flood('')}`.trim(), source: 'Evening Star', url: 'https://es.example/flood', published: '2020-02-09' });
      interleave(() => theirs.add(wire));
      const results = await mine.addMany([exactCopy, nearCopy, b1]);
      assert.equal(betweenLookUpAndLock.run, undefined, 'the other writer ran in between');
      assert.deepEqual(results.map((r) => (r as { status: string }).status), ['duplicate', 'duplicate', 'new']);
      assert.deepEqual(results.slice(0, 2).map((r) => (r as { duplicateOf: string }).duplicateOf), [wire.article.id, wire.article.id]);
      assert.equal((results[0] as { similarity: number }).similarity, 1);
      assert.equal((results[0] as { story: string }).story, await theirs.storyOfArticle(wire.article.id));
      assert.equal(await counted(mine, 'bands', nearCopy.article.id) > 0, true);
    } finally {
      await mine.close();
      await theirs.close();
    }
  });

  it('tries a group again when another writer stored one of its articles meanwhile, writing nothing twice', async (t) => {
    if (!db) return t.skip('no PostgreSQL server');
    const [mine, theirs] = [await Store.open(db.url), await Store.open(db.url)];
    try {
      interleave(() => theirs.add(a2));
      // One article: were the race not caught, its row would clash with the other writer's and the add would fail.
      const result = await mine.add(a2);
      assert.equal(betweenLookUpAndLock.run, undefined, 'the other writer ran in between');
      assert.equal(result.status, 'unchanged');
      assert.equal(result.story, await theirs.storyOfArticle(a2.article.id));
      const entities = a2.entities.filter((e) => e.type !== 'other').length;
      assert.ok(entities > 0);
      assert.equal(await counted(mine, 'entities', a2.article.id), entities, 'the entity rows of the first try were rolled back');
      assert.equal(await counted(mine, 'bands', a2.article.id), DEFAULT_MINHASH_OPTIONS.bands);
    } finally {
      await mine.close();
      await theirs.close();
    }
  });
});

describe('Store.unlocked (PostgreSQL)', () => {
  it('is pending while a group holds the write lock and resolves once the group has committed', async (t) => {
    const pg = await freshPostgres();
    if (!pg) return t.skip('no PostgreSQL server');
    const store = await Store.open(pg.url);
    try {
      const next = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
      // Settled within a turn of the event loop: a store that holds no lock says so at once.
      const settlesNow = async (p: Promise<void>): Promise<boolean> => Promise.race([p.then(() => true), next().then(() => false)]);
      assert.equal(await settlesNow(store.unlocked()), true);
      let done = false;
      const adding = store.addMany([a1, a2, b1]).then(() => { done = true; });
      let sawLocked = false;
      while (!done) {
        const unlocked = store.unlocked();
        if (!(await settlesNow(unlocked))) {
          sawLocked = true;
          await unlocked;
          assert.equal(await store.has(b1.article.id), true, 'the group is committed when the lock is let go');
        }
        await next();
      }
      await adding;
      assert.ok(sawLocked, 'the lock was seen held');
      assert.equal(await settlesNow(store.unlocked()), true);
    } finally {
      await store.close();
      await pg.drop();
    }
  });
});

describe('Store LSH bands, recent and merged', () => {
  it('keeps the latest articles\' bands in the small table, moves them every N articles, and finds copies in both', async (t) => {
    const pg = await freshPostgres();
    try {
      for (const location of [join(tempDir(), 'bands.db'), pg?.url ?? null]) {
        if (!location) { t.diagnostic('no PostgreSQL server: SQLite only'); continue; }
        const store = await Store.open(location, { bandMergeEvery: 3 });
        const rows = async (table: 'lsh_bands' | 'lsh_bands_recent'): Promise<number> => Number((await store.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
        const bands = DEFAULT_MINHASH_OPTIONS.bands;
        try {
          await store.addMany([a1, b1]);
          assert.deepEqual([await rows('lsh_bands'), await rows('lsh_bands_recent')], [0, 2 * bands]);
          await store.add(a2); // the third article: all three moved
          assert.deepEqual([await rows('lsh_bands'), await rows('lsh_bands_recent')], [3 * bands, 0]);
          const fromMerged = await store.add(copy);
          assert.deepEqual([fromMerged.status, fromMerged.duplicateOf], ['duplicate', a1.article.id]);
          const text = 'Ferry services between Dover and Calais were cancelled on Thursday as gales reached ninety miles an hour. The port authority said crossings would resume on Friday morning, weather permitting, and that passengers holding tickets could travel on any later sailing.';
          const f1 = recordOf('f1', { text, source: 'Kent Courier', url: 'https://kc.example/ferry', published: '2020-02-13' });
          const f2 = recordOf('f2', { text: `DOVER (Wire) — ${text}`, source: 'Coast Radio', url: 'https://cr.example/ferry', published: '2020-02-13' });
          await store.add(f1);
          assert.equal(await rows('lsh_bands_recent'), 2 * bands);
          const fromRecent = await store.add(f2);
          assert.deepEqual([fromRecent.status, fromRecent.duplicateOf], ['duplicate', f1.article.id]);
          assert.deepEqual([await rows('lsh_bands'), await rows('lsh_bands_recent')], [6 * bands, 0]);
        } finally {
          await store.close();
        }
      }
    } finally {
      await pg?.drop();
    }
  });
});

describe('Store merges', () => {
  it('merges two stories when an article is close to both, and keeps the history and its settings', async () => {
    const path = join(tempDir(), 'merge.db');
    const first = await Store.open(path, { cluster: { mergeThreshold: 0.05 } });
    const r1 = await first.add(a1);
    const r2 = await first.add(b1);
    assert.notEqual(r1.story, r2.story);
    await first.close();
    // The settings are the store's: a later process that asks for none still merges at 0.05.
    const store = await Store.open(path);
    try {
      const both = recordOf('m', { text: `${flood('')} ${trial}`, source: 'Roundup', url: 'https://r.example/both', published: '2020-02-10', title: 'Storm Ciara floods and the Barclays fraud trial' });
      const r3 = await store.add(both);
      assert.equal((await store.count()).stories, 1);
      const survivor = r3.story;
      assert.equal(await store.storyOfArticle(a1.article.id), survivor);
      assert.equal(await store.storyOfArticle(b1.article.id), survivor);
      const merged = [r1.story, r2.story].find((s) => s !== survivor)!;
      const detail = await store.story(merged);
      assert.equal(detail?.summary.id, survivor, 'a merged id leads to the story it joined');
      assert.equal(detail?.summary.originals, 3);
      assert.ok(detail?.history.some((h) => h.type === 'merge' && h.merged === merged));
    } finally {
      await store.close();
    }
  });
});

describe('Store splits', () => {
  it('moves the articles of a split to a new story with its copies, recounts both, and keeps the history', async () => {
    const store = await Store.open(join(tempDir(), 'split.db'), { cluster: { threshold: 0, undatedThreshold: 0, mergeThreshold: 2, candidateTerms: 1000, splitMinSize: 4, splitEvery: 1, splitThreshold: 0.15 } });
    try {
      const trial2 = recordOf('b2', { text: 'Banker John Smith told the jury at Southwark Crown Court that he never hid losses from Barclays. Anne Clarke, his lawyer, asked jurors to acquit him of fraud.', source: 'Western News', url: 'https://wn.example/trial', published: '2020-02-11', title: 'Banker denies hiding Barclays losses' });
      // A round-up naming both events glues them into one story at first (threshold 0).
      const both = recordOf('m', { text: `${flood('')} ${trial}`, source: 'Roundup', url: 'https://r.example/both', published: '2020-02-10', title: 'Storm Ciara floods and the Barclays fraud trial' });
      for (const r of [a1, both, b1, a2]) await store.add(r);
      const copyOfB1 = { ...b1, input: 'b1-copy', article: { ...b1.article, id: 'b1-copy', url: 'https://other.example/trial', source: 'Evening Star' } };
      assert.equal((await store.add(copyOfB1)).status, 'duplicate');
      const last = await store.add(trial2);
      const floodStory = (await store.storyOfArticle(a1.article.id))!;
      const trialStory = (await store.storyOfArticle(b1.article.id))!;
      assert.notEqual(floodStory, trialStory, 'split');
      assert.equal(await store.storyOfArticle(a2.article.id), floodStory);
      assert.equal(last.story, trialStory, 'the arriving article is told its story after the split');
      assert.equal(await store.storyOfArticle('b1-copy'), trialStory, 'the copy follows its original');
      const detail = await store.story(trialStory);
      assert.ok(detail?.history.some((h) => h.type === 'split' && h.merged === floodStory), JSON.stringify(detail?.history));
      // Counters recounted from the articles: 5 originals and 1 copy in all, the copy with the trial.
      const stories = await store.stories();
      assert.deepEqual([stories.reduce((n, x) => n + x.originals, 0), stories.reduce((n, x) => n + x.articles, 0)], [5, 6]);
      const t = stories.find((x) => x.id === trialStory)!;
      assert.equal(t.articles - t.originals, 1);
      const inputs = (await store.analysis(trialStory))?.story.articles.map((a) => a.input) ?? [];
      assert.ok(inputs.includes('b1') && inputs.includes('b2') && !inputs.includes('a1'), inputs.join());
    } finally {
      await store.close();
    }
  });
});

describe('Store errors', () => {
  it('says a file that is not a database is corrupt, and leaves it as it was', async () => {
    const path = join(tempDir(), 'not-a.db');
    writeFileSync(path, 'this is a text file, not SQLite '.repeat(200));
    await assert.rejects(Store.open(path), (e: unknown) => e instanceof StoreError && e.code === 'corrupt' && /not a Parallax database or corrupt/.test(e.message));
  });

  it('says PostgreSQL is unreachable, naming the URL without its password', async () => {
    await assert.rejects(Store.open('postgres://me:secret@127.0.0.1:1/none'), (e: unknown) => e instanceof StoreError && e.code === 'unreachable' && e.message.includes('me:***@') && !e.message.includes('secret'));
  });
});

/** The story each record goes to in one process that never snapshots: what a process starting from a snapshot must match. */
async function storiesSeenWhole(path: string, records: readonly ExtractRecord[]): Promise<string[]> {
  const store = await Store.open(path, { snapshotEvery: 1_000_000 });
  const stories: string[] = [];
  for (const r of records) stories.push((await store.add(r)).story);
  await store.close();
  return stories;
}

describe('Store snapshots of the clusterer', () => {
  it('a process starting from a snapshot assigns exactly the stories a process that saw everything assigns', async () => {
    const articles = syntheticArticles(36).map((a, i) => recordOf(`syn#${i + 1}`, a));
    const dir = tempDir();
    const expected = await storiesSeenWhole(join(dir, 'one.db'), articles);
    // The other store is reopened every 7 articles and snapshots every 5: each process starts from a snapshot and
    // replays what came after it.
    const path = join(dir, 'two.db');
    const got: string[] = [];
    for (let i = 0; i < articles.length; i += 7) {
      const store = await Store.open(path, { snapshotEvery: 5 });
      for (const r of articles.slice(i, i + 7)) got.push((await store.add(r)).story);
      await store.close();
    }
    assert.deepEqual(got, expected);
    assert.ok(new Set(expected).size > 3 && new Set(expected).size < articles.length, 'some stories, some joins');
    const check = new Database(path, { readonly: true });
    assert.equal((check.prepare('select count(*) n from cluster_snapshots').get() as { n: number }).n, 1, 'only the newest is kept');
    assert.ok(isBinarySnapshot((check.prepare('select state from cluster_snapshots').get() as { state: Buffer }).state), 'written in the binary layout');
    check.close();
  });

  it('still starts from a snapshot written as gzipped JSON (before the binary layout)', async () => {
    const articles = syntheticArticles(24).map((a, i) => recordOf(`old#${i + 1}`, a));
    const dir = tempDir();
    const expected = await storiesSeenWhole(join(dir, 'one.db'), articles);
    const path = join(dir, 'two.db');
    const first = await Store.open(path, { snapshotEvery: 10 });
    for (const r of articles.slice(0, 12)) await first.add(r);
    await first.close();
    // The binary snapshot rewritten as the older format, the same state.
    const db = new Database(path);
    const row = db.prepare('select seq, state from cluster_snapshots').get() as { seq: number; state: Buffer };
    const legacy = gzipSync(JSON.stringify(OnlineClusterer.restoreBinary(row.state).snapshot()));
    db.prepare('update cluster_snapshots set state = ? where seq = ?').run(legacy, row.seq);
    db.close();
    const second = await Store.open(path, { snapshotEvery: 1_000_000 });
    const got = expected.slice(0, 12);
    for (const r of articles.slice(12)) got.push((await second.add(r)).story);
    await second.close();
    assert.deepEqual(got, expected);
  });
});
