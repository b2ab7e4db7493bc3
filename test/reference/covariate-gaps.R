# Fixture for three analyses on test/fixtures/covariate-gaps/trial.csv with the plan
# test/fixtures/covariate-gaps/plan.json (data: test/reference/covariate-gaps-data.R):
#  - multiple imputation with a missing numeric covariate (src/trial/outcome-wide.ts imputationWide,
#    src/analysis/missing-data-effects.ts): R mice on all 120 randomised patients, `alder`
#    imputed by PMM with the follow-ups, ANCOVA pooled by Rubin's rules. MI has noise: mice is run
#    over 30 seeds and the mean and SD over seeds of each pooled number are stored;
#  - the subgroup `alder` cut at 45 and 60 with `alder` also a covariate (src/analysis/subgroup-effects.ts):
#    the covariate stays in the models, = anova(lm(y ~ arm + g + b + alder + koen + region),
#    lm(y ~ arm * g + b + alder + koen + region));
#  - the responder subgroups' Cochran Q (src/stats/risk-difference-heterogeneity.ts) with
#    metafor's default zero-cell correction (escalc add = 1/2, to = "only0").
# Run from the repository root:  Rscript test/reference/covariate-gaps.R   (about 3 minutes)
# Needs jsonlite, mice and metafor (Debian: r-cran-jsonlite, r-cran-mice, r-cran-metafor).
suppressPackageStartupMessages({ library(jsonlite); library(mice); library(metafor) })

d <- read.csv("test/fixtures/covariate-gaps/trial.csv", stringsAsFactors = FALSE, na.strings = "")
times <- c("3m", "6m", "12m")

# --- Multiple imputation: every randomised patient, the missing ages imputed (PMM, mice's default
# predictor matrix: every other column), region and sex dummy-coded as hta codes them.
w <- data.frame(treated = as.numeric(d$gruppe == "App"), baseline = d$nrs_baseline, alder = d$alder,
  koenM = as.numeric(d$koen == "M"), regionOe = as.numeric(d$region == "Oe"), regionSyd = as.numeric(d$region == "Syd"),
  y_3m = d$nrs_3m, y_6m = d$nrs_6m, y_12m = d$nrs_12m)
seeds <- 1:30
per_seed <- lapply(seeds, function(s) {
  imp <- mice(w, m = 20, method = "pmm", seed = s, printFlag = FALSE)
  sapply(times, function(t) {
    # A call, not a formula object: evaluated inside with(), the formula then sees each completed data set.
    f <- str2lang(paste0("y_", t, " ~ treated + baseline + alder + koenM + regionOe + regionSyd"))
    p <- summary(pool(eval(bquote(with(imp, lm(.(f)))))), conf.int = TRUE); r <- p[p$term == "treated", ]
    c(estimate = r$estimate, se = r$std.error, ciLower = r$`2.5 %`, ciUpper = r$`97.5 %`, pValue = r$p.value)
  })
})
mi <- lapply(setNames(times, times), function(t) {
  x <- sapply(per_seed, function(m) m[, t])
  list(mean = as.list(rowMeans(x)), sdOverSeeds = as.list(apply(x, 1, sd)))
})
miOut <- list(seeds = length(seeds), m = 20, patients = list(intervention = sum(w$treated == 1), control = sum(w$treated == 0)),
  missingAlder = sum(is.na(d$alder)),
  imputedIntervention12m = sum(is.na(d$nrs_12m) & d$gruppe == "App"), byTime = mi)

# --- Subgroups. Complete cases for the model's covariates, as hta's ANCOVA.
d$arm <- factor(ifelse(d$gruppe == "App", "I", "C"), levels = c("C", "I"))
d$ageg <- cut(d$alder, c(-Inf, 45, 60, Inf), right = FALSE, labels = c("<45", "45–<60", "≥60"))
sub <- list()
for (t in times) {
  dd <- data.frame(y = d[[paste0("nrs_", t)]], b = d$nrs_baseline, arm = d$arm, alder = d$alder, koen = d$koen, region = d$region, g = d$ageg)
  dc <- na.omit(dd)
  m0 <- lm(y ~ arm + g + b + alder + koen + region, dc); m1 <- lm(y ~ arm * g + b + alder + koen + region, dc)
  a <- anova(m0, m1)
  lev <- lapply(setNames(levels(dc$g), levels(dc$g)), function(l) {
    s <- dc[dc$g == l, ]; mm <- lm(y ~ arm + b + alder + koen + region, s)
    list(difference = unname(coef(mm)["armI"]), se = unname(coef(summary(mm))["armI", 2]))
  })
  sub[[t]] <- list(statistic = a$F[2], df1 = a$Df[2], df2 = a$Res.Df[2], pValue = a$`Pr(>F)`[2], levels = lev)
}

# --- Responder Q by region, metafor's default correction (and without it, for the record).
q <- list()
for (rule in c("nrs30", "nrs2")) for (t in times) {
  dr <- data.frame(y = d[[paste0("nrs_", t)]], b = d$nrs_baseline, arm = d$arm, g = d$region)
  dr <- dr[!is.na(dr$y), ]
  dr$r <- if (rule == "nrs30") ifelse(dr$b > 0, (dr$b - dr$y) / dr$b >= 0.3, FALSE) else (dr$b - dr$y) >= 2
  lv <- sort(unique(dr$g))
  tab <- do.call(rbind, lapply(lv, function(l) { s <- dr[dr$g == l, ]; c(sum(s$r[s$arm == "I"]), sum(s$arm == "I"), sum(s$r[s$arm == "C"]), sum(s$arm == "C")) }))
  f <- rma(measure = "RD", ai = tab[, 1], n1i = tab[, 2], ci = tab[, 3], n2i = tab[, 4], method = "FE")
  q[[paste(rule, t)]] <- list(outcome = rule, time = t, statistic = f$QE, df = f$k - 1, pValue = f$QEp,
    uncorrected = tryCatch(rma(measure = "RD", ai = tab[, 1], n1i = tab[, 2], ci = tab[, 3], n2i = tab[, 4], method = "FE", add = 0)$QE, error = function(e) NULL))
}

# Small tables with zero cells (no events, all events) beside ordinary ones: corrected as metafor's default.
zero_cases <- list(
  list(ai = c(0, 2), n1i = c(5, 5), ci = c(0, 1), n2i = c(4, 4)),
  list(ai = c(5, 2, 1), n1i = c(5, 9, 1), ci = c(4, 3, 1), n2i = c(4, 8, 3)),
  list(ai = c(3, 7), n1i = c(10, 12), ci = c(5, 2), n2i = c(11, 9)))
zeroCells <- lapply(zero_cases, function(z) {
  f <- rma(measure = "RD", ai = z$ai, n1i = z$n1i, ci = z$ci, n2i = z$n2i, method = "FE")
  c(z, list(statistic = f$QE, df = f$k - 1, pValue = f$QEp, pooled = c(f$beta)))
})

out <- list(generatedBy = "test/reference/covariate-gaps.R", R = R.version.string, mice = as.character(packageVersion("mice")),
  metafor = as.character(packageVersion("metafor")), mi = miOut, subgroupAlderCuts = sub, responderQByRegion = unname(q), zeroCells = zeroCells)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE, null = "null"), "test/reference/covariate-gaps.json")
