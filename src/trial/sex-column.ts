/**
 * A sex column by name, in one place: plan init drafts it as a covariate and calls a third code
 * of it (`Koen` 1/2/9) "a third sex", and Table 1 writes its codes in words (F/K → Female/Kvinde).
 * English `sex`/`gender`, Danish `køn`, Swedish `kön`, Norwegian `kjønn`, as written or as
 * plan init's name key spells them without ø/ö (`koen`, `kon`, `kjoenn`, `kjonn`).
 */
export const SEX_COLUMN = /^(sex|gender|køn|kön|kon|koen|kjønn|kjoenn|kjonn)$/i;
