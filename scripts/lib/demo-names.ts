import type { Prng } from './prng';

/** One demo customer's identity and billing address (no ids: the caller assigns those). */
export interface CustomerProfile {
  name: string;
  email: string | null;
  addressLine1: string;
  addressLine2: string | null;
  city: string;
  region: string | null;
  postalCode: string;
  country: string;
  currency: 'USD' | 'CAD' | 'GBP';
}

export const PREFIXES = [
  'Northgate',
  'Harbor Point',
  'Blue Ridge',
  'Summit',
  'Pinecrest',
  'Riverside',
  'Ironwood',
  'Lakeshore',
  'Redstone',
  'Silver Creek',
  'Oakmont',
  'Granite',
  'Westfield',
  'Eastbrook',
  'Maple Grove',
  'Cedar Hill',
  'Crescent',
  'Keystone',
  'Bayview',
  'Highland',
  'Sterling',
  'Liberty',
  'Pioneer',
  'Horizon',
  'Evergreen',
  'Copperline',
  'Stonebridge',
  'Fairview',
  'Brightwater',
  'Union Square',
  'Meridian',
  'Parkside',
  'Foxhollow',
];
export const INDUSTRIES = [
  'Property Management',
  'Dental Group',
  'Logistics',
  'Self Storage',
  'Medical Center',
  'Auto Body',
  'Bakery',
  'Hardware',
  'Realty',
  'Veterinary Clinic',
  'Apartments',
  'Brewing Company',
  'Family Pharmacy',
  'Fitness',
  'Charter School',
  'Credit Union',
  'Jewelers',
  'Warehouse',
  'Cold Storage',
  'Construction',
  'Data Center',
  'Hotel',
  'Law Offices',
  'Marina',
  'Outfitters',
  'Plumbing Supply',
  'Church',
  'Market',
  'Dealership',
];
export const SUFFIXES = ['LLC', 'Inc.', 'Co.', 'Corp.', 'LP', 'Group', 'Partners', 'Holdings LLC', 'Ltd.'];
export const SURNAMES = [
  'Harper',
  'Vance',
  'Okafor',
  'Nguyen',
  'Castillo',
  'Brennan',
  'Whitaker',
  'Lindqvist',
  'Patel',
  'Moreau',
  "O'Brien",
  'Kowalski',
  'Hoffman',
  'Delgado',
  'Sato',
  'Fitzgerald',
  'Abernathy',
  'Reyes',
  'Goldberg',
  'Ivanova',
  'Mbeki',
  'Larsen',
  'Chen',
  'Santos',
  'McAllister',
  'Rosenthal',
  'Haddad',
  'Oyelaran',
  'Bianchi',
  'Novak',
];
export const STREETS = [
  'Main',
  'Oak',
  'Maple',
  'Washington',
  'Lake',
  'Hill',
  'Park',
  'Pine',
  'Elm',
  'Cedar',
  'Sunset',
  'Lincoln',
  'Jackson',
  'Franklin',
  'Highland',
  'Market',
  'Church',
  'Spring',
  'River',
  'Mill',
  'Commerce',
  'Industrial',
];
export const STREET_TYPES = ['St', 'Ave', 'Blvd', 'Rd', 'Dr', 'Way', 'Pkwy', 'Ln'];
export const US_CITIES: [string, string, string][] = [
  ['Boston', 'MA', '021'],
  ['Cambridge', 'MA', '021'],
  ['Worcester', 'MA', '016'],
  ['Providence', 'RI', '029'],
  ['Chicago', 'IL', '606'],
  ['Evanston', 'IL', '602'],
  ['Milwaukee', 'WI', '532'],
  ['Gary', 'IN', '464'],
  ['Denver', 'CO', '802'],
  ['Boulder', 'CO', '803'],
  ['Aurora', 'CO', '800'],
  ['Cheyenne', 'WY', '820'],
  ['Miami', 'FL', '331'],
  ['Fort Lauderdale', 'FL', '333'],
  ['Orlando', 'FL', '328'],
  ['Tampa', 'FL', '336'],
  ['Seattle', 'WA', '981'],
  ['Tacoma', 'WA', '984'],
  ['Bellevue', 'WA', '980'],
  ['Portland', 'OR', '972'],
];
const UK_CITIES: [string, string, string][] = [
  ['London', 'Greater London', 'EC1A'],
  ['London', 'Greater London', 'SE1'],
  ['Manchester', 'Greater Manchester', 'M1'],
  ['Leeds', 'West Yorkshire', 'LS1'],
  ['Bristol', 'Bristol', 'BS1'],
  ['Birmingham', 'West Midlands', 'B1'],
];

/** Customers whose names or addresses exercise non-ASCII text (PDF fonts, sorting, search). */
const INTERNATIONAL: Omit<CustomerProfile, 'email' | 'addressLine2' | 'currency'>[] = [
  { name: 'Łódź Sp. z o.o.', addressLine1: 'ul. Piotrkowska 104', city: 'Łódź', region: null, postalCode: '90-926', country: 'PL' },
  { name: 'Ёлка ООО', addressLine1: 'ул. Тверская, д. 7', city: 'Москва', region: null, postalCode: '125009', country: 'RU' },
  { name: 'Müller & Söhne GmbH', addressLine1: 'Königstraße 12', city: 'Stuttgart', region: 'BW', postalCode: '70173', country: 'DE' },
  { name: 'Société Générale de Sûreté SARL', addressLine1: '18 rue de la Paix', city: 'Paris', region: null, postalCode: '75002', country: 'FR' },
  { name: 'Ελληνική Ασφάλεια Α.Ε.', addressLine1: 'Λεωφόρος Κηφισίας 44', city: 'Αθήνα', region: null, postalCode: '11526', country: 'GR' },
  { name: 'Čokoládovna Brno s.r.o.', addressLine1: 'Údolní 53', city: 'Brno', region: null, postalCode: '602 00', country: 'CZ' },
  { name: 'Ångström Fastigheter AB', addressLine1: 'Drottninggatan 9', city: 'Göteborg', region: null, postalCode: '411 14', country: 'SE' },
];

/** Canadian customers, billed in CAD so the currency filter has something to show. */
const CANADIAN: Omit<CustomerProfile, 'email' | 'addressLine2'>[] = [
  {
    name: 'Maple Leaf Cold Storage Ltd.',
    addressLine1: '220 Bay St',
    city: 'Toronto',
    region: 'ON',
    postalCode: 'M5J 2W4',
    country: 'CA',
    currency: 'CAD',
  },
  {
    name: 'Pacific Rim Marine Inc.',
    addressLine1: '1055 W Hastings St',
    city: 'Vancouver',
    region: 'BC',
    postalCode: 'V6E 2E9',
    country: 'CA',
    currency: 'CAD',
  },
  {
    name: 'Boulangerie Sainte-Thérèse Inc.',
    addressLine1: '4200 boul. Saint-Laurent',
    city: 'Montréal',
    region: 'QC',
    postalCode: 'H2W 2R2',
    country: 'CA',
    currency: 'CAD',
  },
  {
    name: 'Prairie Grain Logistics Corp.',
    addressLine1: '333 7 Ave SW',
    city: 'Calgary',
    region: 'AB',
    postalCode: 'T2P 2Z1',
    country: 'CA',
    currency: 'CAD',
  },
];

function emailFor(name: string, index: number): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[łŁ]/g, 'l')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/g, '');
  return `ap@${slug || `customer-${index}`}.example`;
}

function companyName(rng: Prng): string {
  switch (rng.int(0, 3)) {
    case 0:
      return `${rng.pick(PREFIXES)} ${rng.pick(INDUSTRIES)}`;
    case 1:
      return `${rng.pick(PREFIXES)} ${rng.pick(INDUSTRIES)} ${rng.pick(SUFFIXES)}`;
    case 2:
      return `${rng.pick(SURNAMES)} & ${rng.pick(SURNAMES)} ${rng.pick(SUFFIXES)}`;
    default:
      return `${rng.pick(SURNAMES)} ${rng.pick(INDUSTRIES)}`;
  }
}

/**
 * `count` customers with unique names: `specials` first (international and, for US companies, Canadian
 * customers), then generated ones. `market` picks the address style of the generated ones.
 */
export function makeCustomerProfiles(rng: Prng, count: number, market: 'us' | 'uk', withSpecials: boolean): CustomerProfile[] {
  const profiles: CustomerProfile[] = [];
  const names = new Set<string>();
  const base = market === 'us' ? 'USD' : 'GBP';
  const specials = withSpecials ? [...INTERNATIONAL.map((s) => ({ ...s, currency: base }) as const), ...(market === 'us' ? CANADIAN : [])] : [];
  for (const s of specials) {
    names.add(s.name);
    profiles.push({ ...s, email: emailFor(s.name, profiles.length + 1), addressLine2: null });
  }
  const cities = market === 'us' ? US_CITIES : UK_CITIES;
  while (profiles.length < count) {
    const name = companyName(rng);
    if (names.has(name)) continue;
    names.add(name);
    const [city, region, postalPrefix] = rng.pick(cities);
    const street = `${rng.int(1, 9899)} ${rng.pick(STREETS)} ${rng.pick(STREET_TYPES)}`;
    profiles.push({
      name,
      // A few customers have no email address on file, which statement e-mailing must handle.
      email: rng.chance(0.04) ? null : emailFor(name, profiles.length + 1),
      addressLine1: market === 'us' ? street : street.replace(/ (St|Ave|Blvd|Rd|Dr|Way|Pkwy|Ln)$/, ' Road'),
      addressLine2: rng.chance(0.2) ? `Suite ${rng.int(100, 950)}` : null,
      city,
      region,
      postalCode: market === 'us' ? `${postalPrefix}${String(rng.int(0, 99)).padStart(2, '0')}` : `${postalPrefix} ${rng.int(1, 9)}AA`,
      country: market === 'us' ? 'US' : 'GB',
      currency: base,
    });
  }
  return profiles;
}
