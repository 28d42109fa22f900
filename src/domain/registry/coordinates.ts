import { parseDecimal } from './values.js';

export type Coordinates = { latitude: number; longitude: number };

export type CoordinatesIssue = 'invalid' | 'out_of_range' | 'incomplete' | 'placeholder';

export type ParsedCoordinates = { value: Coordinates | null; issue?: CoordinatesIssue };

// When the collector's geocoder could not place an address it wrote the centre of Moscow with
// two decimals; 353 houses of the Sverdlovsk extract carry it. A marker there is worse than none.
const GEOCODER_FALLBACKS: Coordinates[] = [{ latitude: 55.76, longitude: 37.64 }];

/**
 * LAT/LON of a house. Both must be present and in range; 0/0 (an empty geocode) and the known
 * geocoder fallbacks become null, so no house is drawn somewhere it is not.
 */
export function parseCoordinates(
  rawLatitude: string | undefined,
  rawLongitude: string | undefined,
): ParsedCoordinates {
  const latitude = parseDecimal(rawLatitude);
  const longitude = parseDecimal(rawLongitude);

  if (latitude.issue || longitude.issue) {
    return { value: null, issue: 'invalid' };
  }

  if (latitude.value === null && longitude.value === null) {
    return { value: null };
  }

  if (latitude.value === null || longitude.value === null) {
    return { value: null, issue: 'incomplete' };
  }

  if (latitude.value === 0 && longitude.value === 0) {
    return { value: null };
  }

  if (Math.abs(latitude.value) > 90 || Math.abs(longitude.value) > 180) {
    return { value: null, issue: 'out_of_range' };
  }

  const point = { latitude: latitude.value, longitude: longitude.value };

  if (
    GEOCODER_FALLBACKS.some((f) => f.latitude === point.latitude && f.longitude === point.longitude)
  ) {
    return { value: null, issue: 'placeholder' };
  }

  return { value: point };
}
