/** A leading region part: «обл. Свердловская», «Пермский край», «респ. Татарстан» and the like. */
const REGION = /^[^,]*(?:^|\s)(?:обл\.?|область|край|респ\.?|республика)(?:\s[^,]*)?,\s*/iu;

/**
 * The address as a results list shows it: without the region, which every house of one
 * registry extract shares and which pushes the house number to a third line on a phone. The
 * house page always shows the full address.
 */
export function shortAddress(address: string): string {
  const short = address.replace(REGION, '').trim();

  return short === '' ? address : short;
}
