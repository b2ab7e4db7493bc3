# Reference for an MMRM whose plan leaves an unscheduled visit out ("ignoreTimepoints":
# ["6_weeks_arm_1"], test/fixtures/ignored-visit/redcap.csv): R's gls on the scheduled follow-ups
# (3 and 9 months) only, adjusted for baseline × visit and age. nlme::gls, unstructured covariance
# (corSymm + varIdent), REML; Satterthwaite df from numDeriv (satterthwaite-numderiv.R).
# Run from the repository root:  Rscript test/reference/mmrm-ignored-visit.R
suppressPackageStartupMessages({ library(nlme); library(emmeans); library(jsonlite) })
d <- read.csv("test/fixtures/ignored-visit/redcap.csv", stringsAsFactors = FALSE)
base <- d[d$redcap_event_name == "baseline_arm_1", c("record_id", "randomisering", "alder", "rmdq")]
names(base) <- c("id", "arm", "alder", "baseline")
times <- c("3m", "9m")
events <- c("3_months_arm_1", "9_months_arm_1")
long <- do.call(rbind, lapply(seq_along(times), function(k) {
  f <- d[d$redcap_event_name == events[k], c("record_id", "rmdq")]
  m <- merge(base, f, by.x = "id", by.y = "record_id")
  data.frame(m[, c("id", "arm", "alder", "baseline")], t = k, time = times[k], y = m$rmdq)
}))
cc <- long[!is.na(long$y), ]
cc <- cc[order(cc$id, cc$t), ]
cc$time <- factor(cc$time, levels = times)
cc$armf <- factor(ifelse(cc$arm == 1, "I", "C"), levels = c("C", "I"))
fit <- gls(y ~ armf * time + baseline * time + alder, data = cc,
           correlation = corSymm(form = ~ t | id), weights = varIdent(form = ~ 1 | time), method = "REML",
           control = glsControl(maxIter = 200, msMaxIter = 500, tolerance = 1e-10, msTol = 1e-12))
con <- summary(contrast(emmeans(fit, ~ armf | time, mode = "satterthwaite", data = cc), "revpairwise"), infer = c(TRUE, TRUE), level = 0.95)
source("test/reference/satterthwaite-numderiv.R")
X <- model.matrix(y ~ armf * time + baseline * time + alder, cc)
out <- list(
  nPatients = length(unique(cc$id)), nObservations = nrow(cc),
  ignoredRows = sum(d$redcap_event_name == "6_weeks_arm_1"),
  contrasts = mmrm_contrasts(fit, cc, X, con, times, "armfI"),
  versions = mmrm_versions())
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), "test/reference/mmrm-ignored-visit.json")
