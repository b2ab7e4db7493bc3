# Fixture for multiple imputation with a missing baseline score and missing categorical
# covariates (two levels and three), and the Monte Carlo error of the pooled numbers (src/trial/outcome-wide.ts
# imputationWide, src/stats/missing/chained-equations.ts, src/stats/missing/mice-logreg.ts, mice-polyreg.ts,
# src/analysis/missing-data-effects.ts; docs/plan-trial.md#multiple-imputation).
# Data: test/fixtures/covariate-gaps/trial.csv (test/reference/covariate-gaps-data.R) with the
# baseline score emptied for P021–P026, the sex (`koen`, K/M) for P031–P036 and the region
# (Nord/Oe/Syd) for P041–P046; written to test/fixtures/mi-gaps/trial.csv. R mice's defaults
# impute them: the baseline by PMM like any numeric column, sex (a two-level factor) by "logreg",
# region (three levels) by "polyreg"; every one of the 120 randomised patients
# is analysed (ANCOVA on each completed data set, pooled by Rubin's rules).
# MI has noise: mice is run over 30 seeds, and the mean and SD over seeds of each pooled number
# are stored. Per seed also the Monte Carlo error (White, Royston & Wood 2011, Stat Med 30:377–399,
# section 7): of the estimate √(B/m), of the CI limits by the jackknife over imputations (each
# imputation left out in turn, pool.scalar on the other m − 1). The MCSE of the estimate is what
# the SD of the estimate over seeds estimates: both are stored, to be compared. For an exact check
# of the arithmetic, seed 1's per-imputation estimates and variances at 12m with their MCSEs.
# The test's tolerance is 3.5 × the SD over seeds (one hta run is one draw from that spread).
# Run from the repository root:  Rscript test/reference/mi-gaps.R   (about 5 minutes)
# Needs jsonlite and mice (Debian: r-cran-jsonlite, r-cran-mice).
suppressPackageStartupMessages({ library(jsonlite); library(mice) })

d <- read.csv("test/fixtures/covariate-gaps/trial.csv", stringsAsFactors = FALSE, na.strings = "")
d$nrs_baseline[d$id %in% sprintf("P%03d", 21:26)] <- NA
d$koen[d$id %in% sprintf("P%03d", 31:36)] <- NA
d$region[d$id %in% sprintf("P%03d", 41:46)] <- NA
write.csv(d, "test/fixtures/mi-gaps/trial.csv", row.names = FALSE, na = "")
times <- c("3m", "6m", "12m")

# Sex and region factors (levels sorted, as hta codes them), so that mice picks "logreg" and "polyreg".
w <- data.frame(treated = as.numeric(d$gruppe == "App"), baseline = d$nrs_baseline, alder = d$alder,
  koen = factor(d$koen, levels = c("K", "M")), region = factor(d$region, levels = c("Nord", "Oe", "Syd")),
  y_3m = d$nrs_3m, y_6m = d$nrs_6m, y_12m = d$nrs_12m)
m <- 20
seeds <- 1:30
per_seed <- lapply(seeds, function(s) {
  imp <- mice(w, m = m, seed = s, printFlag = FALSE)
  stopifnot(imp$method[["baseline"]] == "pmm", imp$method[["koen"]] == "logreg", imp$method[["alder"]] == "pmm", imp$method[["region"]] == "polyreg")
  sapply(times, function(t) {
    # A call, not a formula object: evaluated inside with(), the formula then sees each completed data set.
    f <- str2lang(paste0("y_", t, " ~ treated + baseline + alder + koen + region"))
    fit <- eval(bquote(with(imp, lm(.(f)))))
    p <- summary(pool(fit), conf.int = TRUE); r <- p[p$term == "treated", ]
    q <- sapply(fit$analyses, function(a) coef(a)[["treated"]])
    u <- sapply(fit$analyses, function(a) vcov(a)["treated", "treated"])
    k <- length(coef(fit$analyses[[1]])); n <- nrow(w)
    ci <- function(keep) { ps <- pool.scalar(q[keep], u[keep], n = n, k = k); ps$qbar + c(-1, 1) * qt(0.975, ps$df) * sqrt(ps$t) }
    loo <- sapply(seq_len(m), function(i) ci(-i))
    jack <- function(x) sqrt((m - 1) / m * sum((x - mean(x))^2))
    if (s == 1 && t == "12m") exact <<- list(estimates = unname(q), variances = unname(u), dfComplete = n - k,
      mcseEstimate = sqrt(var(q) / m), mcseCiLower = jack(loo[1, ]), mcseCiUpper = jack(loo[2, ]))
    c(estimate = r$estimate, se = r$std.error, ciLower = r$`2.5 %`, ciUpper = r$`97.5 %`, pValue = r$p.value,
      mcseEstimate = sqrt(var(q) / m), mcseCiLower = jack(loo[1, ]), mcseCiUpper = jack(loo[2, ]), fmi = pool(fit)$pooled$fmi[2])
  })
})
mi <- lapply(setNames(times, times), function(t) {
  x <- sapply(per_seed, function(s) s[, t])
  list(mean = as.list(rowMeans(x)), sdOverSeeds = as.list(apply(x, 1, sd)))
})
out <- list(generatedBy = "test/reference/mi-gaps.R", R = R.version.string, mice = as.character(packageVersion("mice")),
  seeds = length(seeds), m = m, patients = list(intervention = sum(w$treated == 1), control = sum(w$treated == 0)),
  imputedBaselines = sum(is.na(d$nrs_baseline)), imputedKoen = sum(is.na(d$koen)), imputedRegion = sum(is.na(d$region)), missingAlder = sum(is.na(d$alder)),
  byTime = mi, exactSeed1At12m = exact)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), "test/reference/mi-gaps.json")
