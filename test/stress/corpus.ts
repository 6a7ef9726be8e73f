// An invented corpus for the stress suite: articles with direct and reported quotes by a small cast
// of invented people, so grouping and people records have work to do. Deterministic by index.
const FIRST = ["Ann", "Tom", "Mira", "Olek", "Ines", "Jon", "Dana", "Ravi", "Lena", "Piet", "Sade", "Hugo", "Noor", "Kai", "Edda", "Bram", "Tova", "Emil", "Zara", "Ivo"];
const LAST = ["Lee", "Reyes", "Stone", "Varga", "Barrow", "Pike", "Kettle", "Moss", "Quill", "Harrow", "Dunmore", "Fenn", "Galt", "Holm", "Ilves", "Jarre"];
/** 320 invented people, so each has a handful of statements (as in a real corpus) */
const PEOPLE = FIRST.flatMap((f) => LAST.map((l) => `${f} ${l}`));
const THINGS = ["bridge", "library", "harbour wall", "tram line", "school roof", "flood barrier"];

export interface Article {
  id: string;
  title: string;
  text: string;
}

export function article(i: number, salt = ""): Article {
  const a = PEOPLE[i % PEOPLE.length]!;
  const b = PEOPLE[(i * 7 + 3) % PEOPLE.length]!;
  const thing = THINGS[i % THINGS.length]!;
  const text = [
    `\u201CWe will finish the ${thing} by spring ${2030 + (i % 7)},\u201D said ${a} on Monday${salt}.`,
    `${b} said the ${thing} would cost ${i + 3} million, far more than planned.`,
    `Work on the ${thing} is reportedly behind schedule, according to people familiar with article ${i}${salt}.`,
  ].join("\n\n");
  return { id: `a${i}${salt}`, title: `The ${thing}, part ${i}${salt}`, text };
}

export function corpus(n: number, salt = ""): Article[] {
  return Array.from({ length: n }, (_, i) => article(i, salt));
}

export function jsonl(articles: Article[]): string {
  return articles.map((a) => JSON.stringify(a)).join("\n") + "\n";
}
