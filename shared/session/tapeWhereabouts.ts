import type { SessionState, Tape, TapeWhereabouts } from './sessionState.ts';
import { describePlace, samePlace, type TapePlace, type TapeWitness } from './tapePlace.ts';

/**
 * One cartridge to one place: `tapeId` is now at `place`. A drive holds one cartridge, so a tape recorded
 * in that drive before is not there any more; unless someone said where it went, its place becomes
 * unknown (last seen in that drive). Registered tapes show the same places as the whereabouts.
 */
export function moveTape(
  state: SessionState,
  tapeId: string,
  place: TapePlace,
  by: TapeWitness,
  at: string,
): SessionState {
  const places: Record<string, TapeWhereabouts> = { ...state.tapePlaces };
  if (place.kind === 'drive') {
    for (const [otherId, other] of Object.entries(places)) {
      if (otherId !== tapeId && samePlace(other.place, place))
        places[otherId] = { place: { kind: 'unknown', lastSeen: describePlace(place) }, by, at };
    }
  }
  places[tapeId] = { place, by, at };
  return withPlaces(state, places);
}

/** The register's tapes, each at the place its whereabouts say. */
function withPlaces(state: SessionState, places: Record<string, TapeWhereabouts>): SessionState {
  let tapes: Record<string, Tape> | null = null;
  for (const tape of Object.values(state.tapes)) {
    const whereabouts = places[tape.id];
    if (!whereabouts || whereabouts === state.tapePlaces[tape.id]) continue;
    tapes ??= { ...state.tapes };
    tapes[tape.id] = { ...tape, place: whereabouts.place, placeSaidBy: whereabouts.by };
  }
  return { ...state, tapePlaces: places, tapes: tapes ?? state.tapes };
}
