# Fixture for bootstrap-intervals.ts and bootstrap.ts: boot::boot (stratified by arm) and
# boot.ci(type = c("perc", "bca")) with jackknife influence values L = empinf(type = "jack").
# The TypeScript tests feed R's replicates (b$t) and t0 to bootstrapIntervals(), so R's random
# stream does not need to be reproduced; jackknifeInfluence() is compared with empinf directly.
# Run from the repository root:  Rscript test/reference/bootstrap.R
suppressPackageStartupMessages({ library(boot); library(jsonlite) })
source("test/reference/trial-datasets.R")

mean_diff <- function(d, i) { d <- d[i, ]; mean(d$y[d$arm == 1]) - mean(d$y[d$arm == 0]) }
median_diff <- function(d, i) { d <- d[i, ]; median(d$y[d$arm == 1]) - median(d$y[d$arm == 0]) }

cases <- list()
sets <- trial_datasets()
specs <- list(
  list(set = "sleep", stat = "meanDifference", fun = mean_diff, R = 999, conf = 0.95, seed = 1),
  list(set = "simA", stat = "meanDifference", fun = mean_diff, R = 1999, conf = 0.95, seed = 2),
  list(set = "simC", stat = "meanDifference", fun = mean_diff, R = 500, conf = 0.9, seed = 3),
  list(set = "toothgrowth", stat = "medianDifference", fun = median_diff, R = 1000, conf = 0.95, seed = 4))
for (sp in specs) {
  v <- arm_values(sets[[sp$set]])
  d <- data.frame(arm = c(rep(1, length(v$y1)), rep(0, length(v$y0))), y = c(v$y1, v$y0))
  set.seed(sp$seed)
  b <- boot(d, sp$fun, R = sp$R, strata = d$arm)
  L <- empinf(b, type = "jack")
  ci <- suppressWarnings(boot.ci(b, conf = sp$conf, type = c("perc", "bca"), L = L))
  t <- as.vector(b$t)
  cases[[length(cases) + 1]] <- list(
    label = paste(sets[[sp$set]]$label, sp$stat, "R =", sp$R), statistic = sp$stat,
    intervention = v$y1, control = v$y0, confLevel = sp$conf,
    estimate = b$t0, replicates = t, influence = as.vector(L),
    percentile = list(lower = ci$percent[4], upper = ci$percent[5]),
    bca = list(lower = ci$bca[4], upper = ci$bca[5]),
    biasCorrection = qnorm(sum(t < b$t0) / length(t)),
    acceleration = sum(L^3) / (6 * sum(L^2)^1.5))
}

# Replicate vectors with exact integer positions (R + 1) * alpha, ties, and extreme order
# statistics, to exercise every branch of norm.inter.
set.seed(5)
for (R in c(39, 19, 9)) {
  t <- round(rnorm(R, 1, 2), 1)
  L <- rnorm(12)
  b <- list(t0 = 0.8, t = matrix(t, ncol = 1), R = R, sim = "ordinary", stype = "i")
  class(b) <- "boot"
  perc <- suppressWarnings(boot:::perc.ci(t, conf = 0.95))
  bca <- suppressWarnings(boot:::bca.ci(b, conf = 0.95, L = L))
  cases[[length(cases) + 1]] <- list(
    label = paste("synthetic replicates R =", R), statistic = NULL, confLevel = 0.95,
    estimate = 0.8, replicates = t, influence = L,
    percentile = list(lower = perc[4], upper = perc[5]), bca = list(lower = bca[4], upper = bca[5]),
    biasCorrection = qnorm(sum(t < 0.8) / R), acceleration = sum(L^3) / (6 * sum(L^2)^1.5))
}

write_json(list(generatedBy = "test/reference/bootstrap.R", boot = as.character(packageVersion("boot")), cases = cases),
           "test/reference/bootstrap.json", digits = NA, auto_unbox = TRUE, pretty = TRUE)
