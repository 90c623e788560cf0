/**
 * The work queue between `parallax ingest --queue` (which reads the inputs) and `parallax worker` (which extracts
 * and stores): NATS JetStream. Articles go to a work-queue stream, one durable pull consumer shared by every worker
 * (each message to one worker at a time); a message not acknowledged within the ack wait (a worker killed mid-way)
 * goes to another worker, and the store makes the repeat a no-op. A message that keeps failing is moved to a
 * dead-letter stream with the reason.
 *
 * The URL names the server and, as its path, the queue: nats://127.0.0.1:4222/parallax (the default name).
 * `?ack_wait=SECONDS&max_deliver=N` tune redelivery.
 */
import { AckPolicy, DeliverPolicy, jetstream, jetstreamManager, RetentionPolicy, type Consumer, type JetStreamClient, type JetStreamManager, type JsMsg } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import type { Article, Message } from '../model/schema.js';

export class QueueError extends Error {
  override readonly name = 'QueueError';
  constructor(readonly location: string, readonly reason: string) {
    super(`${location}: ${reason}`);
  }
}

/**
 * Messages pulled per request: one pull (a subscription, a request, its end) for several articles instead of one
 * for each. Few enough that a worker's pulled and unacknowledged articles are done well within the ack wait.
 */
const TAKE_BATCH = 4;

/** What travels on the queue: an article as ingest read it (the ingest stage's output), and where it came from. */
export interface ArticleMessage {
  input: string;
  article: Article;
  messages: Message[];
}

export interface DeadLetter {
  input: string | null;
  reason: string;
  deliveries: number;
  at: string;
}

export interface QueueSettings {
  server: string;
  name: string;
  ackWaitSeconds: number;
  maxDeliver: number;
}

export function parseQueueUrl(url: string): QueueSettings {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new QueueError(url, 'not a queue URL (use nats://HOST:PORT[/NAME])');
  }
  if (u.protocol !== 'nats:') throw new QueueError(url, `unsupported queue scheme ${u.protocol} (use nats://HOST:PORT[/NAME] for NATS JetStream)`);
  const name = decodeURIComponent(u.pathname.replace(/^\/+|\/+$/g, '')) || 'parallax';
  if (!/^[A-Za-z0-9_-]+$/.test(name)) throw new QueueError(url, `queue name ${JSON.stringify(name)} may use only letters, digits, - and _`);
  const number = (key: string, fallback: number): number => {
    const raw = u.searchParams.get(key);
    const n = raw === null ? fallback : Number(raw);
    if (!Number.isFinite(n) || n <= 0) throw new QueueError(url, `${key}=${raw} is not a positive number`);
    return n;
  };
  return { server: `${u.hostname}:${u.port || 4222}`, name, ackWaitSeconds: number('ack_wait', 60), maxDeliver: Math.round(number('max_deliver', 5)) };
}

/** One message handed to a worker; exactly one of ack, retry, deadLetter must follow. */
export interface Delivery {
  /** null when the message is not an article message (it can only be dead-lettered). */
  message: ArticleMessage | null;
  /** 1 the first time. */
  deliveries: number;
  /** Whether this is the last delivery the queue will make. */
  last: boolean;
  ack(): void;
  retry(delayMs?: number): void;
  deadLetter(reason: string): Promise<void>;
}

const NANOS = 1_000_000_000;

export class ArticleQueue {
  private constructor(
    private readonly nc: NatsConnection,
    private readonly js: JetStreamClient,
    private readonly jsm: JetStreamManager,
    readonly settings: QueueSettings,
    private readonly shown: string,
  ) {}

  private get stream(): string { return `${this.settings.name.toUpperCase().replace(/-/g, '_')}_ARTICLES`; }
  private get deadStream(): string { return `${this.settings.name.toUpperCase().replace(/-/g, '_')}_DEAD`; }
  private get subject(): string { return `${this.settings.name}.articles`; }
  private get deadSubject(): string { return `${this.settings.name}.dead`; }
  private get durable(): string { return `${this.settings.name}-workers`; }

  /** Connects and makes sure the streams and the shared consumer exist. */
  static async open(url: string): Promise<ArticleQueue> {
    const settings = parseQueueUrl(url);
    let nc: NatsConnection;
    try {
      nc = await connect({ servers: settings.server, timeout: 5000, maxReconnectAttempts: 10, reconnectTimeWait: 500 });
    } catch (error) {
      throw new QueueError(url, `cannot reach the NATS server at ${settings.server} (${(error as Error).message})`);
    }
    try {
      const jsm = await jetstreamManager(nc);
      const q = new ArticleQueue(nc, jetstream(nc), jsm, settings, url);
      await q.ensure();
      return q;
    } catch (error) {
      await nc.close().catch(() => undefined);
      throw error instanceof QueueError ? error : new QueueError(url, `JetStream is not available (${(error as Error).message}); start nats-server with -js`);
    }
  }

  private async ensure(): Promise<void> {
    const streams = [
      { name: this.stream, subjects: [this.subject], retention: RetentionPolicy.Workqueue },
      { name: this.deadStream, subjects: [this.deadSubject], retention: RetentionPolicy.Limits },
    ];
    for (const s of streams) {
      try {
        await this.jsm.streams.info(s.name);
      } catch {
        await this.jsm.streams.add(s);
      }
    }
    const config = { durable_name: this.durable, ack_policy: AckPolicy.Explicit, deliver_policy: DeliverPolicy.All, ack_wait: this.settings.ackWaitSeconds * NANOS, max_deliver: this.settings.maxDeliver };
    try {
      await this.jsm.consumers.info(this.stream, this.durable);
      await this.jsm.consumers.update(this.stream, this.durable, { ack_wait: config.ack_wait, max_deliver: config.max_deliver });
    } catch {
      await this.jsm.consumers.add(this.stream, config);
    }
  }

  /** Publishes one article; the article id is the message id, so a publisher's retry within minutes is dropped. */
  async publish(message: ArticleMessage): Promise<void> {
    try {
      await this.js.publish(this.subject, JSON.stringify(message), { msgID: message.article.id });
    } catch (error) {
      throw new QueueError(this.shown, `cannot publish ${message.input} (${(error as Error).message})`);
    }
  }

  /** Messages waiting (not yet acknowledged). */
  async pending(): Promise<number> {
    const info = await this.jsm.streams.info(this.stream);
    return info.state.messages;
  }

  /**
   * Deliveries until `signal` aborts or, with `idleMs`, until nothing has come for that long. The consumer is
   * pulled TAKE_BATCH messages at a time: a worker killed holds at most that many unacknowledged articles besides
   * the group it was storing, and JetStream delivers them again after the ack wait.
   */
  async *take(options: { idleMs?: number; signal?: AbortSignal } = {}): AsyncGenerator<Delivery> {
    let consumer: Consumer;
    try {
      consumer = await this.js.consumers.get(this.stream, this.durable);
    } catch (error) {
      throw new QueueError(this.shown, `cannot read the queue (${(error as Error).message})`);
    }
    let idleSince = Date.now();
    while (!options.signal?.aborted) {
      let got = 0;
      try {
        // Each message as it comes: the pull stays open until the batch is full or expires.
        for await (const m of await consumer.fetch({ max_messages: TAKE_BATCH, expires: 2000 })) {
          got++;
          idleSince = Date.now();
          yield this.delivery(m);
          if (options.signal?.aborted) return;
        }
      } catch (error) {
        if (this.nc.isClosed()) throw new QueueError(this.shown, `the NATS server went away (${(error as Error).message})`);
        await new Promise((r) => setTimeout(r, 500));
        continue;
      }
      if (got === 0 && options.idleMs !== undefined && Date.now() - idleSince >= options.idleMs) return;
    }
  }

  private delivery(m: JsMsg): Delivery {
    let message: ArticleMessage | null = null;
    try {
      const value = m.json<ArticleMessage>();
      if (value && typeof value.input === 'string' && value.article && typeof value.article.text === 'string' && typeof value.article.id === 'string') message = { ...value, messages: value.messages ?? [] };
    } catch {
      message = null;
    }
    const deliveries = m.info.deliveryCount;
    return {
      message,
      deliveries,
      last: deliveries >= this.settings.maxDeliver,
      ack: () => m.ack(),
      retry: (delayMs = 1000) => m.nak(delayMs),
      deadLetter: async (reason: string) => {
        const letter: DeadLetter = { input: message?.input ?? null, reason, deliveries, at: new Date().toISOString() };
        await this.js.publish(this.deadSubject, JSON.stringify({ ...letter, message: message ?? m.string() }));
        // A plain TERM: servers before 2.10 do not read a reason after it (and would redeliver).
        m.term();
      },
    };
  }

  /** The dead letters kept so far (oldest first). */
  async deadLetters(limit = 1000): Promise<DeadLetter[]> {
    const out: DeadLetter[] = [];
    const info = await this.jsm.streams.info(this.deadStream);
    for (let seq = info.state.first_seq; seq <= info.state.last_seq && out.length < limit; seq++) {
      try {
        const sm = await this.jsm.streams.getMessage(this.deadStream, { seq });
        if (!sm) continue;
        const { input, reason, deliveries, at } = sm.json<DeadLetter>();
        out.push({ input, reason, deliveries, at });
      } catch {
        continue;
      }
    }
    return out;
  }

  /** Deletes the queue's streams (tests; `parallax worker` never does). */
  async destroy(): Promise<void> {
    for (const s of [this.stream, this.deadStream]) await this.jsm.streams.delete(s).catch(() => false);
  }

  async close(): Promise<void> {
    await this.nc.drain().catch(() => this.nc.close());
  }
}
