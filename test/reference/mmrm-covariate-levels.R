# Reference for MMRM with a categorical covariate one level of which only patients never seen after
# baseline hold (test/fixtures/mmrm-levels/trial.csv: koen "X"). R's gls fits the rows with an
# observed outcome, where that level does not occur, so the factor has the levels K and M there.
# nlme::gls, unstructured covariance (corSymm + varIdent), REML; emmeans Satterthwaite df.
# Run from the repository root:  Rscript test/reference/mmrm-covariate-levels.R
suppressPackageStartupMessages({ library(nlme); library(emmeans); library(jsonlite) })
w <- read.csv("test/fixtures/mmrm-levels/trial.csv", stringsAsFactors = FALSE)
times <- c("3m", "12m")
d <- do.call(rbind, lapply(seq_along(times), function(k) data.frame(
  id = w$id, arm = w$arm, koen = w$koen, baseline = w$nrs_baseline, t = k,
  time = times[k], y = w[[paste0("nrs_", times[k])]])))
d <- d[order(d$id, d$t), ]
cc <- d[!is.na(d$y), ]
cc$time <- factor(cc$time, levels = times)
cc$armf <- factor(cc$arm, levels = c(0, 1))
cc$koen <- factor(cc$koen)  # the levels the fitted rows hold: K, M
fit <- gls(y ~ armf * time + baseline * time + koen, data = cc,
           correlation = corSymm(form = ~ t | id), weights = varIdent(form = ~ 1 | time), method = "REML",
           control = glsControl(maxIter = 200, msMaxIter = 500, tolerance = 1e-10, msTol = 1e-12))
emm <- emmeans(fit, ~ armf | time, mode = "satterthwaite", data = cc)
con <- summary(contrast(emm, "revpairwise"), infer = c(TRUE, TRUE), level = 0.95)
# emmeans has only its approximate Satterthwaite df for gls; the exact one from numDeriv (as
# test/reference/missing-mmrm.R), with the interval and p from it.
source("test/reference/satterthwaite-numderiv.R")
f <- y ~ armf * time + baseline * time + koen
X <- model.matrix(f, cc)
out <- list(
  levels = levels(cc$koen), nPatients = length(unique(cc$id)), nObservations = nrow(cc),
  contrasts = mmrm_contrasts(fit, cc, X, con, times, "armf1"),
  versions = mmrm_versions())
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), "test/reference/mmrm-covariate-levels.json")
