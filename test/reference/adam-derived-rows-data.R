# Fixture for ADaM's derived rows (docs/plan-trial.md#adam-derived-rows): a one-parameter ADaM
# BDS dataset (ADQS, PARAMCD RMDQ) of 80 patients, baseline, Week 12 and Week 39, where the
# patients who missed Week 39 have a derived Week 39 row carrying their Week 12 value forward
# (DTYPE "LOCF", ANL01FL "Y"), as ADaM adds them; a few unscheduled rows (ANL01FL blank).
# Writes test/fixtures/adam/adqs-rmdq.csv. Run from the repository root:
#   Rscript test/reference/adam-derived-rows-data.R
set.seed(2023)
n <- 80
usub <- sprintf("SB01-%03d-%04d", rep(1:2, each = n / 2), rep(1:(n / 2), 2))
arm <- sample(rep(c("Selfback app", "Usual care"), each = n / 2))
age <- round(rnorm(n, 48, 12)); sex <- sample(c("F", "M"), n, TRUE, prob = c(.55, .45))
bl <- round(pmin(24, pmax(0, rnorm(n, 12, 4))))
eff <- ifelse(arm == "Selfback app", -2.5, 0)
w12 <- round(pmin(24, pmax(0, bl * 0.6 + 2 + eff + rnorm(n, 0, 3.5))))
w39 <- round(pmin(24, pmax(0, bl * 0.5 + 2 + eff * 1.2 + rnorm(n, 0, 4))))
drop12 <- sample(n, 5); drop39 <- c(drop12, sample(setdiff(1:n, drop12), 11))
w12[drop12] <- NA; w39[drop39] <- NA
uns <- sample(n, 8)
row <- function(i, aval, av, avn, ablfl, anl, dtype) data.frame(STUDYID = "SB01", USUBJID = usub[i], TRT01P = arm[i],
  AGE = age[i], SEX = sex[i], PARAMCD = "RMDQ", AVAL = aval, BASE = bl[i], ABLFL = ablfl, AVISIT = av, AVISITN = avn,
  DTYPE = dtype, ANL01FL = anl, stringsAsFactors = FALSE)
rows <- list()
for (i in 1:n) {
  rows[[length(rows) + 1]] <- row(i, bl[i], "Baseline", 0, "Y", "Y", "")
  if (i %in% uns) rows[[length(rows) + 1]] <- row(i, round(bl[i] * 0.8), "Unscheduled 1.01", 1.01, "", "", "")
  if (!is.na(w12[i])) rows[[length(rows) + 1]] <- row(i, w12[i], "Week 12", 12, "", "Y", "")
  if (!is.na(w39[i])) rows[[length(rows) + 1]] <- row(i, w39[i], "Week 39", 39, "", "Y", "")
  else if (!is.na(w12[i])) rows[[length(rows) + 1]] <- row(i, w12[i], "Week 39", 39, "", "Y", "LOCF")
}
dir.create("test/fixtures/adam", showWarnings = FALSE)
write.csv(do.call(rbind, rows), "test/fixtures/adam/adqs-rmdq.csv", row.names = FALSE, na = "")
