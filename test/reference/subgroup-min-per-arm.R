# Fixture for a subgroup's "minPerArm" (src/analysis/subgroup-effects.ts,
# docs/subgroups.md#too-few-patients-in-a-level): the tests for interaction on the levels with at
# least the minimum in each arm only, on test/fixtures/subgroups/trial.csv with the plan
# test/fixtures/subgroups/plan.json and "minPerArm": 7 on recruited_by (gp, 6/5 patients, is left out).
# Run from the repository root:  Rscript test/reference/subgroup-min-per-arm.R
# Needs jsonlite and metafor (Debian: r-cran-jsonlite, r-cran-metafor).
suppressPackageStartupMessages({ library(jsonlite); library(metafor) })

min_per_arm <- 7
raw <- read.csv("test/fixtures/subgroups/trial.csv", stringsAsFactors = FALSE, na.strings = "")
base <- raw[raw$time == "baseline", c("id", "arm", "country", "recruited_by", "pain")]
names(base)[names(base) == "pain"] <- "pain0"
fu <- raw[raw$time == "3m", c("id", "pain", "med_use")]
names(fu) <- c("id", "pain3", "med3")
d <- merge(base, fu, by = "id", all.x = TRUE)
d$arm01 <- as.integer(d$arm == "app")
d$country <- factor(d$country)
d$sg <- factor(d$recruited_by, levels = c("physio", "chiro", "spine_clinic", "gp"))

# The levels with at least min_per_arm patients in each arm among `rows`; the others are left out.
kept_levels <- function(rows) {
  tab <- table(d$sg[rows], d$arm01[rows])
  ok <- rownames(tab)[tab[, "0"] >= min_per_arm & tab[, "1"] >= min_per_arm]
  list(tested = ok, tooFew = setdiff(rownames(tab)[rowSums(tab) > 0], ok))
}

# ANCOVA: complete cases (baseline, 3m, country, a setting), the nested F test on the kept levels.
has_pair <- !is.na(d$pain0) & !is.na(d$pain3) & !is.na(d$country) & !is.na(d$sg)
k <- kept_levels(has_pair)
dl <- d[has_pair & d$sg %in% k$tested, ]
dl$sg <- droplevels(dl$sg)
a <- anova(lm(pain3 ~ arm01 + sg + pain0 + country, data = dl), lm(pain3 ~ arm01 * sg + pain0 + country, data = dl))
ancova <- list(levelsTested = k$tested, levelsTooFew = I(k$tooFew), statistic = a$F[2], df1 = a$Df[2], df2 = a$Res.Df[2], pValue = a[["Pr(>F)"]][2])

# Risk differences: Cochran's Q (metafor FE, default zero-cell correction) on the kept levels.
q_test <- function(has, event) {
  rows <- has & !is.na(d$sg)
  k <- kept_levels(rows)
  keep <- rows & d$sg %in% k$tested
  g <- droplevels(d$sg[keep]); ev <- event[keep]; arm <- d$arm01[keep]
  x1 <- tapply(ev[arm == 1], g[arm == 1], sum); n1 <- tapply(ev[arm == 1], g[arm == 1], length)
  x2 <- tapply(ev[arm == 0], g[arm == 0], sum); n2 <- tapply(ev[arm == 0], g[arm == 0], length)
  fe <- rma(measure = "RD", ai = x1, n1i = n1, ci = x2, n2i = n2, method = "FE")
  list(levelsTested = k$tested, levelsTooFew = I(k$tooFew), statistic = fe$QE, df1 = fe$k - 1, pValue = fe$QEp)
}
pair <- !is.na(d$pain0) & !is.na(d$pain3)
out <- list(
  minPerArm = min_per_arm,
  pain = ancova,
  med_use = q_test(!is.na(d$med3), d$med3 == 1),
  pain_resp2 = q_test(pair, pair & (d$pain0 - d$pain3 >= 2))
)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), "test/reference/subgroup-min-per-arm.json")
