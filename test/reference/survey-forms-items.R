# Fixture for test/plan/survey-forms-items.test.ts: an MS Forms export whose RMDQ and PSEQ items
# are columns headed by their question (`RMDQ - … (udsagn 1)`, `PSEQ - … (1)`). The scores are
# the item sums (RMDQ: Ja = 1, Nej = 0; PSEQ 0–6), analysed as lm(score ~ arm + baseline + age)
# at each follow-up, as the drafted plan (covariate "Alder") asks.
# Run from the repository root:  Rscript test/reference/survey-forms-items.R
suppressPackageStartupMessages(library(jsonlite))
d <- read.csv2("test/fixtures/exports/survey-forms/ms-forms-items.csv", check.names = FALSE, fileEncoding = "UTF-8-BOM", stringsAsFactors = FALSE)
rmdq <- grep("^RMDQ - ", names(d), value = TRUE)
pseq <- grep("^PSEQ - ", names(d), value = TRUE)
stopifnot(length(rmdq) == 24, length(pseq) == 10)
d$rmdq <- rowSums(sapply(rmdq, function(c) ifelse(d[[c]] == "Ja", 1, 0)))
d$pseq <- rowSums(sapply(pseq, function(c) as.numeric(d[[c]])))
visits <- c("3m" = "3 måneder", "9m" = "9 måneder")
out <- list()
for (o in c("rmdq", "pseq")) {
  b <- d[d$Besøg == "Baseline", c("Deltagernummer", o)]
  names(b)[2] <- "y0"
  for (v in names(visits)) {
    f <- merge(d[d$Besøg == visits[[v]], ], b, by = "Deltagernummer")
    f$trt <- as.numeric(f[["Randomiseret til"]] == "SelfBACK")
    fit <- lm(as.formula(paste(o, "~ trt + y0 + Alder")), data = f)
    ci <- confint(fit)["trt", ]
    out[[length(out) + 1]] <- list(outcome = o, timepoint = v, n = nrow(f), estimate = unname(coef(fit)["trt"]), ciLower = unname(ci[1]), ciUpper = unname(ci[2]))
  }
}
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), "test/reference/survey-forms-items.json")
