# Fixture for src/stats/missing/chained-equations.ts (+ mice-pmm.ts, mice-norm.ts, mi-ancova.ts):
# mice with pmm and norm on a simulated wide trial data set with monotone MAR dropout, then
# ANCOVA per completed data set and pool(). RNG streams differ from R, so the TypeScript test
# compares behaviour (pooled estimate within a fraction of its SE), not draws.
# Run from the repository root:  Rscript test/reference/missing-mice.R
suppressPackageStartupMessages({ library(mice); library(jsonlite); library(MASS) })

set.seed(4242)
n <- 300
arm <- rbinom(n, 1, 0.5)
sex <- rbinom(n, 1, 0.5)
baseline <- round(rnorm(n, 12, 4), 1)
Sigma <- 9 * (0.3 * diag(4) + 0.7 * 0.8^abs(outer(1:4, 1:4, "-")))
effect <- c(-1, -2, -2.5, -3)
mu <- sapply(1:4, function(t) 11 - 0.5 * t + 0.6 * (baseline - 12) + effect[t] * arm + 0.7 * sex)
Y <- mu + mvrnorm(n, rep(0, 4), Sigma)
full <- Y
for (i in seq_len(n)) {
  for (t in 2:4) {
    if (runif(1) < plogis(-2.6 + 0.15 * (Y[i, t - 1] - 10))) { Y[i, t:4] <- NA; break }
  }
}
d <- data.frame(arm, sex, baseline, y_6w = Y[, 1], y_3m = Y[, 2], y_6m = Y[, 3], y_9m = Y[, 4])

pooled_ancova <- function(imp) {
  fit <- with(imp, lm(y_9m ~ arm + baseline + sex))
  s <- summary(pool(fit), conf.int = TRUE)
  p <- pool(fit)$pooled
  list(estimate = s$estimate[2], se = s$std.error[2], df = s$df[2], fmi = p$fmi[2], pValue = s$p.value[2])
}

meth <- c(arm = "", sex = "", baseline = "", y_6w = "pmm", y_3m = "pmm", y_6m = "pmm", y_9m = "pmm")
imp_pmm <- mice(d, m = 200, maxit = 5, method = meth, visitSequence = "monotone", seed = 11, print = FALSE)
imp_norm <- mice(d, m = 200, maxit = 5, method = sub("pmm", "norm", meth), visitSequence = "monotone",
                 seed = 12, print = FALSE)
complete_fit <- summary(lm(full[, 4] ~ arm + baseline + sex))$coefficients

write_json(list(
  generatedBy = "test/reference/missing-mice.R", mice = as.character(packageVersion("mice")),
  data = d, trueEffect9m = effect[4],
  missing = as.list(colSums(is.na(d))),
  completeDataEstimate = complete_fit["arm", "Estimate"], completeDataSe = complete_fit["arm", "Std. Error"],
  ccEstimate = coef(lm(y_9m ~ arm + baseline + sex, d))[["arm"]],
  pmm = pooled_ancova(imp_pmm), norm = pooled_ancova(imp_norm), m = 200, maxit = 5
), "test/reference/missing-mice.json", digits = NA, auto_unbox = TRUE, dataframe = "columns", na = "null")
