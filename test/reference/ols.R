# Fixture for ols.ts: NIST StRD Longley (R's `longley` is the NIST data set),
# lm(Employed ~ ., longley), plus the NIST certified values for cross-checking.
# Run from the repository root:  Rscript test/reference/ols.R
suppressPackageStartupMessages(library(jsonlite))

fit <- lm(Employed ~ ., data = longley)
s <- coef(summary(fit))
X <- model.matrix(fit)

# NIST StRD certified values (itl.nist.gov/div898/strd/lls/data/Longley.shtml), order: intercept,
# GNP deflator, GNP, unemployed, armed forces, population, year. R's `longley` is the same data in
# other units: Employed and GNP and Population in thousands (/1000), Unemployed and Armed.Forces
# /10. Hence beta_R = beta_NIST * c_x / 1000 with c_x the factor R divided x by (1 for the
# intercept and year and GNP deflator), sigma_R = sigma_NIST / 1000.
c_x <- c(1, 1, 1000, 10, 10, 1000, 1)
nist_estimate <- c(-3482258.63459582, 15.0618722713733, -0.358191792925910E-01,
                   -2.02022980381683, -1.03322686717359, -0.511041056535807E-01, 1829.15146461355)
nist_se <- c(890420.383607373, 84.9149257747669, 0.334910077722432E-01, 0.488399681651699,
             0.214274163161675, 0.226073200069370, 455.478499142212)
nist <- list(estimate = nist_estimate * c_x / 1000, se = nist_se * c_x / 1000,
             sigma = 304.854073561965 / 1000)
stopifnot(all(abs(nist$estimate / coef(fit) - 1) < 1e-9))

write_json(list(
  generatedBy = "test/reference/ols.R", r = R.version.string,
  names = colnames(X), X = unname(X), y = longley$Employed,
  estimate = unname(s[, 1]), se = unname(s[, 2]), statistic = unname(s[, 3]), pValue = unname(s[, 4]),
  ciLower = unname(confint(fit)[, 1]), ciUpper = unname(confint(fit)[, 2]),
  df = fit$df.residual, sigma = summary(fit)$sigma, nist = nist),
  "test/reference/ols.json", digits = NA, auto_unbox = TRUE, pretty = TRUE)
