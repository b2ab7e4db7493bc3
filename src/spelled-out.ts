/**
 * Lower case, Danish and Norwegian letters spelled out (ø → oe), accents dropped: how names are
 * compared (`hta plan init`) and how a name becomes part of a file name (a chart's). NFC first,
 * so a decomposed `å` (`a` + U+030A, as macOS file names and some exports write it) is `aa` too,
 * not `a`: the same name in either Unicode form gives the same text (docs/subgroups.md#report).
 */
export function spelledOut(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '');
}
