/**
 * Capability categories for roll-ups (air defence, fighters, long-range strike, ISR/intelligence,
 * space, land, naval), read from the KB's weapon category or from the name of a depended-on
 * capability ("intelligence sharing", "satellite communications", "spare parts").
 */
export const CAPABILITIES = [
  'air defence',
  'fighters',
  'long-range strike',
  'ISR/intelligence',
  'space',
  'land systems',
  'naval',
  'sustainment',
  'other',
] as const;

export type Capability = (typeof CAPABILITIES)[number];

const BY_KB_CATEGORY: readonly (readonly [RegExp, Capability])[] = [
  [/satellite|anti-satellite|space/i, 'space'],
  [/SAM|MANPADS|surface-to-air|anti-aircraft|air defen[cs]e|counter-drone|laser/i, 'air defence'],
  [/fighter|attack aircraft|air-to-air/i, 'fighters'],
  [
    /cruise missile|ballistic missile|MLRS|hypersonic|air-to-surface|bomber|guided bomb|rocket/i,
    'long-range strike',
  ],
  [/drone|AEW|reconnaissance|electronic warfare|radar|maritime patrol/i, 'ISR/intelligence'],
  [
    /frigate|submarine|destroyer|corvette|carrier|cruiser|amphibious|torpedo|naval|surface vessel|anti-ship|coastal/i,
    'naval',
  ],
  [
    /MBT|tank|IFV|APC|howitzer|MRAP|anti-tank|rifle|armoured|self-propelled|artillery|loitering|mortar/i,
    'land systems',
  ],
];

const BY_CAPABILITY_NAME: readonly (readonly [RegExp, Capability])[] = [
  [/intelligence|surveillance|reconnaissance|\bISR\b|targeting data/i, 'ISR/intelligence'],
  [/satellite|starlink|satcom|space/i, 'space'],
  [
    /spare|parts|maintenance|software|updates|ammunition|munitions|logistics|refuel/i,
    'sustainment',
  ],
  [/air defen[cs]e|missile defen[cs]e/i, 'air defence'],
];

export const capabilityOfCategory = (category: string | undefined): Capability =>
  (category && BY_KB_CATEGORY.find(([re]) => re.test(category))?.[1]) || 'other';

/** For a system named in text without a KB category ("intelligence sharing", "Starlink terminals"). */
export const capabilityOfName = (name: string): Capability =>
  BY_CAPABILITY_NAME.find(([re]) => re.test(name))?.[1] ?? 'other';
