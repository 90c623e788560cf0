/**
 * Made-up news articles for store and queue tests: many distinct short reports (no two alike enough to be copies),
 * a few events each told by several outlets. Nothing here is real data.
 */
const PLACES = ['Lisbon', 'Oslo', 'Quito', 'Hanoi', 'Accra', 'Perth', 'Tbilisi', 'Montevideo', 'Riga', 'Nairobi', 'Calgary', 'Bergen'];
const THINGS = ['bridge', 'hospital', 'railway', 'harbour', 'stadium', 'school', 'library', 'power plant', 'museum', 'airport'];
const PEOPLE = ['Ana Ferreira', 'Lars Berg', 'Maria Vega', 'Tran Minh', 'Kofi Mensah', 'Olivia Hart', 'Giorgi Beridze', 'Lucia Silva', 'Anna Ozols', 'Wanjiru Kamau'];
const OUTLETS = ['Northern Ledger', 'Coastal Times', 'Daily Meridian', 'Evening Courier'];
const VERBS = ['opened', 'closed', 'reopened', 'rebuilt', 'inspected', 'sold', 'expanded', 'evacuated'];

export interface SyntheticArticle {
  source: string;
  url: string;
  published: string;
  title: string;
  text: string;
}

export function syntheticArticles(count: number): SyntheticArticle[] {
  const out: SyntheticArticle[] = [];
  for (let i = 0; i < count; i++) {
    const event = Math.floor(i / 3);
    const place = PLACES[event % PLACES.length]!;
    const thing = THINGS[Math.floor(event / PLACES.length) % THINGS.length]!;
    const person = PEOPLE[(event * 7) % PEOPLE.length]!;
    const verb = VERBS[event % VERBS.length]!;
    const outlet = OUTLETS[i % OUTLETS.length]!;
    const day = new Date(Date.UTC(2021, 0, 1) + event * 2 * 86_400_000).toISOString().slice(0, 10);
    const n = 10 + ((i * 37) % 900);
    out.push({
      source: outlet,
      url: `https://${outlet.toLowerCase().replace(/ /g, '')}.example/${event}/${i}`,
      published: day,
      title: `${place} ${thing} ${verb} after ${n} days of work`,
      text:
        `${outlet} report ${i}. The ${thing} in ${place} was ${verb} on ${day}, city officials said, after ${n} days of work by ${n * 3} contractors. ` +
        `"This is a day for everyone in ${place}," said ${person}, who leads the city council. ` +
        `Residents interviewed by ${outlet} described queues of ${n + i} people and traffic on the main road. ` +
        `Report ${i} notes that the ${thing} first opened in ${1900 + ((i * 13) % 120)} and last changed hands in ${1950 + ((i * 7) % 70)}.`,
    });
  }
  return out;
}

export const toJsonl = (articles: readonly object[]): string => articles.map((a) => `${JSON.stringify(a)}\n`).join('');
