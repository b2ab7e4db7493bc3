/**
 * One trial written two ways (`Sandal 2021`, `Sandal et al. 2021`, `sandal, 2021`) is one trial:
 * pooled as two, it counts twice (docs/input-studies.md, "One trial, one name"). The key folds
 * case, spaces, punctuation and "et al." (Danish "m.fl."); letters and digits stay, so `Ødegård
 * 2024a` and `Ødegård 2024b` remain two.
 */
export function studyKey(name: string): string {
  const words = name
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .split(/\s+/)
    .filter((w) => w !== '');
  const kept: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const pair = `${words[i]} ${words[i + 1] ?? ''}`;
    if (pair === 'et al' || pair === 'm fl') {
      i++;
      continue;
    }
    kept.push(words[i] as string);
  }
  return kept.join('');
}
