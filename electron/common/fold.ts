/**
 * Loose matching for German text: lower case, umlauts and their two-letter spellings folded
 * alike (ä = ae = a), ß = ss, other diacritics dropped. "Muenchen", "München" and "Munchen" all
 * fold to "munchen"; "Strasse" and "Straße" to "strasse".
 */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/ae|ä/g, 'a')
    .replace(/oe|ö/g, 'o')
    .replace(/ue|ü/g, 'u')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
}
