import type { KbEntity, KbOffice } from './kb-types.js';
import {
  parseCompanyLine,
  parseEventLine,
  parseGroupDemonymLine,
  parseOfficeLine,
  parseOrganisationLine,
  parsePersonLine,
  parsePlaceLine,
  parseUnitLine,
  parseWeaponLine,
} from './compact-records.js';
import { buildCountryEntities } from './country-entities.js';
import { normalizeAlias } from './normalize-alias.js';
import { COMPANIES_SOURCE, COMPANY_LINES } from './data/companies.js';
import { EVENT_LINES, EVENTS_SOURCE } from './data/events.js';
import { COUNTRY_EXTRAS_SOURCE, GROUP_DEMONYM_LINES } from './data/country-extras.js';
import { OFFICES_SOURCE, OFFICE_LINES } from './data/offices.js';
import { ORGANISATIONS_SOURCE, ORGANISATION_LINES } from './data/organisations.js';
import { PEOPLE_LINES, PEOPLE_SOURCE } from './data/people.js';
import { PLACES_SOURCE, PLACE_LINES } from './data/places.js';
import { UNITS_SOURCE, UNIT_LINES } from './data/units.js';
import { AIRCRAFT_LINES, AIRCRAFT_SOURCE } from './data/weapons-aircraft.js';
import { LAND_NAVAL_LINES, LAND_NAVAL_SOURCE } from './data/weapons-land-naval.js';
import { MISSILE_LINES, MISSILES_SOURCE } from './data/weapons-missiles.js';

export interface ShippedData {
  readonly entities: KbEntity[];
  readonly offices: KbOffice[];
}

/** Everything the product ships, parsed from the data modules (throws on a malformed line). */
export const shippedData = (): ShippedData => {
  const places = PLACE_LINES.map((l) => parsePlaceLine(l, PLACES_SOURCE));
  const placeNames = new Set<string>();
  for (const p of places) for (const n of [p.name, ...p.aliases]) placeNames.add(normalizeAlias(n));
  const geo = buildCountryEntities((name) => placeNames.has(normalizeAlias(name)));
  const entities: KbEntity[] = [
    ...geo.countries,
    ...geo.demonyms,
    ...GROUP_DEMONYM_LINES.map((l) => parseGroupDemonymLine(l, COUNTRY_EXTRAS_SOURCE)),
    ...places,
    ...geo.capitals,
    ...ORGANISATION_LINES.map((l) => parseOrganisationLine(l, ORGANISATIONS_SOURCE)),
    ...COMPANY_LINES.map((l) => parseCompanyLine(l, COMPANIES_SOURCE)),
    ...AIRCRAFT_LINES.map((l) => parseWeaponLine(l, AIRCRAFT_SOURCE)),
    ...MISSILE_LINES.map((l) => parseWeaponLine(l, MISSILES_SOURCE)),
    ...LAND_NAVAL_LINES.map((l) => parseWeaponLine(l, LAND_NAVAL_SOURCE)),
    ...PEOPLE_LINES.map((l) => parsePersonLine(l, PEOPLE_SOURCE)),
    ...UNIT_LINES.map((l) => parseUnitLine(l, UNITS_SOURCE)),
    ...EVENT_LINES.map((l) => parseEventLine(l, EVENTS_SOURCE)),
  ];
  const offices = OFFICE_LINES.map((l) => parseOfficeLine(l, OFFICES_SOURCE));
  return { entities, offices };
};
