import { MANUAL } from './manualSections.ts';

export const PLATFORM_IDS = ['ultra5', 'blade100', 'blade150', 'e3000', 'e3500', 'v880'] as const;
export type PlatformId = (typeof PLATFORM_IDS)[number];

export const PLATFORM_NAMES: Readonly<Record<PlatformId, string>> = {
  ultra5: 'Sun Ultra 5',
  blade100: 'Sun Blade 100',
  blade150: 'Sun Blade 150',
  e3000: 'Sun Enterprise 3000',
  e3500: 'Sun Enterprise 3500',
  v880: 'Sun Fire V880',
};

/**
 * The ten supported pairs, as the manual lists them (p. 6). In the mixed pairs the manual
 * names the more powerful platform first.
 */
export const SUPPORTED_PLATFORM_PAIRS: readonly (readonly [PlatformId, PlatformId])[] = [
  ['ultra5', 'ultra5'],
  ['e3000', 'e3000'],
  ['e3500', 'e3000'],
  ['e3500', 'e3500'],
  ['v880', 'v880'],
  ['blade100', 'ultra5'],
  ['blade100', 'blade100'],
  ['blade150', 'blade150'],
  ['blade150', 'blade100'],
  ['v880', 'e3500'],
];

/** Relative power within the families the manual combines (p. 7): V880 > E3500 > E3000, Blade 150 > Blade 100 > Ultra 5. */
const POWER_RANK: Readonly<Record<PlatformId, number>> = {
  ultra5: 1,
  blade100: 2,
  blade150: 3,
  e3000: 4,
  e3500: 5,
  v880: 6,
};

export interface PlatformSpec {
  platform: PlatformId;
  /** Only for the Ultra 5: Series 3 or later is more powerful than Series 1 and 2. */
  ultra5Series?: number;
}

export type PrimaryRecommendation =
  | { supported: false; reason: string }
  | { supported: true; primary: 'first' | 'second' | 'either'; reason: string };

export function isSupportedPlatformPair(a: PlatformId, b: PlatformId): boolean {
  return SUPPORTED_PLATFORM_PAIRS.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
}

/** The manual's rule: if the platforms differ, the more powerful one should be the primary HA server. */
export function recommendPrimary(first: PlatformSpec, second: PlatformSpec): PrimaryRecommendation {
  const a = first.platform;
  const b = second.platform;
  if (!isSupportedPlatformPair(a, b)) {
    return {
      supported: false,
      reason: `${PLATFORM_NAMES[a]} with ${PLATFORM_NAMES[b]} is not a supported CMS HA combination (${MANUAL.supportedPlatforms.section}, p. ${MANUAL.supportedPlatforms.page}).`,
    };
  }
  if (a === b) {
    if (a === 'ultra5') return recommendBetweenUltra5s(first.ultra5Series, second.ultra5Series);
    return {
      supported: true,
      primary: 'either',
      reason: `Both servers are ${PLATFORM_NAMES[a]}: either may be primary.`,
    };
  }
  const primary = POWER_RANK[a] > POWER_RANK[b] ? 'first' : 'second';
  const stronger = primary === 'first' ? a : b;
  return {
    supported: true,
    primary,
    reason: `The more powerful platform, ${PLATFORM_NAMES[stronger]}, should be the primary HA server (${MANUAL.platformRecommendations.section}, p. ${MANUAL.platformRecommendations.page}).`,
  };
}

function recommendBetweenUltra5s(first?: number, second?: number): PrimaryRecommendation {
  const isLate = (series?: number) => series !== undefined && series >= 3;
  const isEarly = (series?: number) => series !== undefined && series < 3;
  if (isLate(first) && isEarly(second)) {
    return {
      supported: true,
      primary: 'first',
      reason: 'The Ultra 5 Series 3 or later should be the primary server.',
    };
  }
  if (isEarly(first) && isLate(second)) {
    return {
      supported: true,
      primary: 'second',
      reason: 'The Ultra 5 Series 3 or later should be the primary server.',
    };
  }
  return {
    supported: true,
    primary: 'either',
    reason:
      'Both servers are Sun Ultra 5: either may be primary, unless one is Series 1 or 2 and the other Series 3 or later (then the later series).',
  };
}
