# Reference for ADaM's derived rows (test/fixtures/adam/adqs-rmdq.csv, made by
# adam-derived-rows-data.R): the RMDQ ANCOVA (AVAL ~ arm + BASE + AGE + SEX, R's lm) at each
# follow-up visit on the observed analysis records only — blank DTYPE and ANL01FL "Y", the filter
# hta's refusal and pivot advice give — and, for contrast, with the LOCF rows read as observed
# (what hta computed before it refused them). Run from the repository root:
#   Rscript test/reference/adam-derived-rows.R > test/reference/adam-derived-rows.json
suppressPackageStartupMessages(library(jsonlite))
adqs <- read.csv("test/fixtures/adam/adqs-rmdq.csv", stringsAsFactors = FALSE)
fit <- function(vis, observed) {
  d <- adqs[adqs$AVISIT == vis & adqs$ANL01FL %in% "Y", ]
  if (observed) d <- d[is.na(d$DTYPE) | d$DTYPE == "", ]
  d$arm <- factor(d$TRT01P, levels = c("Usual care", "Selfback app"))
  f <- lm(AVAL ~ arm + BASE + AGE + SEX, d); ci <- confint(f)[2, ]
  list(visit = vis, observedOnly = observed, nIntervention = sum(d$arm == "Selfback app"), nControl = sum(d$arm == "Usual care"),
       estimate = unname(coef(f)[2]), ciLower = unname(ci[1]), ciUpper = unname(ci[2]), p = summary(f)$coefficients[2, 4])
}
out <- list(
  derivedRows = sum(adqs$DTYPE != "" & !is.na(adqs$DTYPE)),
  firstDerivedLine = which(adqs$DTYPE != "" & !is.na(adqs$DTYPE))[1] + 1,
  ancova = lapply(list(list("Week 12", TRUE), list("Week 39", TRUE), list("Week 39", FALSE)), function(a) fit(a[[1]], a[[2]])),
  versions = list(R = R.version.string))
cat(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), "\n")
