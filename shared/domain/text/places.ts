/**
 * The places a suggestion is about, read from its address: the 街道 / 镇 / 乡 it lies in, and within it the 社区 /
 * 村 / 小区, e.g. "示范区幸福街道阳光社区5栋2单元" -> ["幸福街道", "幸福街道阳光社区"]. Province, city and district are
 * dropped (one organisation's addresses share them, and people write them or not), and so is everything below the
 * community (building, unit, room): a place is where many suggestions can meet, never one household. Both levels
 * are kept so a rise spread over a street's communities still shows on the street.
 */
import { normaliseText } from './normalise';

type Level = 'admin' | 'street' | 'community';

/** Address markers, longest first where one is the end of another (社区 before 区, 自治区 before 区). */
const markers: ReadonlyArray<readonly [string, Level]> = [
  ['自治区', 'admin'],
  ['自治州', 'admin'],
  ['居委会', 'community'],
  ['村委会', 'community'],
  ['街道', 'street'],
  ['社区', 'community'],
  ['小区', 'community'],
  ['省', 'admin'],
  ['市', 'admin'],
  ['区', 'admin'],
  ['县', 'admin'],
  ['旗', 'admin'],
  ['镇', 'street'],
  ['乡', 'street'],
  ['村', 'community'],
];

interface Unit {
  text: string;
  level: Level;
}

/** Splits an address into its named units, left to right; stops at the first part that is no unit (a number). */
function unitsOf(address: string): Unit[] {
  const units: Unit[] = [];
  let rest = address.replace(/[\s\p{P}\p{S}]/gu, '');
  for (;;) {
    let found: { at: number; marker: string; level: Level } | undefined;
    // The earliest marker with a name in front of it; at one position, the longest marker.
    for (let at = 1; at < rest.length && !found; at++) {
      for (const [marker, level] of markers) {
        if (rest.startsWith(marker, at)) {
          found = { at, marker, level };
          break;
        }
      }
    }
    if (!found) return units;
    const name = rest.slice(0, found.at);
    // A name is Han characters (幸福, 阳光); digits mean a house number has begun (5号院...).
    if (!/^\p{Script=Han}+$/u.test(name)) return units;
    units.push({ text: name + found.marker, level: found.level });
    rest = rest.slice(found.at + found.marker.length);
  }
}

/** The places of an address (none when it names no street or community). */
export function placesOf(address: string | undefined): string[] {
  if (!address) return [];
  const units = unitsOf(normaliseText(address));
  const street = units.find((u) => u.level === 'street');
  const community = units.find((u) => u.level === 'community');
  if (street && community && units.indexOf(community) > units.indexOf(street)) return [street.text, street.text + community.text];
  if (street) return [street.text];
  if (community) return [community.text];
  return [];
}
