# Fixture for src/stats/missing/rubin-rules.ts: mice::pool() on per-imputation lm fits.
# Run from the repository root:  Rscript test/reference/missing-rubin.R
suppressPackageStartupMessages({ library(mice); library(jsonlite) })

case_from_fit <- function(label, fit, dfcom = NULL) {
  pooled <- if (is.null(dfcom)) pool(fit) else pool(fit, dfcom = dfcom)
  s <- summary(pooled, conf.int = TRUE, conf.level = 0.95)
  terms <- names(coef(fit$analyses[[1]]))
  lapply(seq_along(terms), function(j) {
    est <- sapply(fit$analyses, function(f) coef(f)[j])
    v <- sapply(fit$analyses, function(f) diag(vcov(f))[j])
    pr <- pooled$pooled[j, ]
    list(
      label = paste(label, terms[j]),
      estimates = unname(est), variances = unname(v),
      dfComplete = pr$dfcom,
      estimate = pr$estimate, within = pr$ubar, between = pr$b, total = pr$t,
      df = pr$df, riv = pr$riv, lambda = pr$lambda, fmi = pr$fmi,
      se = s$std.error[j], statistic = s$statistic[j], pValue = s$p.value[j],
      ciLower = s[j, "2.5 %"], ciUpper = s[j, "97.5 %"]
    )
  })
}

cases <- list()
imp1 <- mice(nhanes, m = 5, seed = 1, print = FALSE)
cases <- c(cases, case_from_fit("nhanes m=5 chl ~ age + bmi:", with(imp1, lm(chl ~ age + bmi))))

set.seed(20261127)
n <- 200
x <- rnorm(n); z <- rbinom(n, 1, 0.5)
y <- 1 + 0.5 * x - 0.8 * z + rnorm(n)
x[sample(n, 60)] <- NA
y[sample(n, 50)] <- NA
imp2 <- mice(data.frame(y, x, z), m = 20, seed = 7, print = FALSE)
cases <- c(cases, case_from_fit("simulated m=20 y ~ x + z:", with(imp2, lm(y ~ x + z))))

# Large-sample limit: dfcom = Inf gives the classical Rubin (1987) df.
fit3 <- with(imp2, lm(y ~ x + z))
cases <- c(cases, case_from_fit("simulated m=20 dfcom=Inf:", fit3, dfcom = Inf))

write_json(list(generatedBy = "test/reference/missing-rubin.R",
                mice = as.character(packageVersion("mice")), cases = cases),
           "test/reference/missing-rubin.json", digits = NA, auto_unbox = TRUE, pretty = TRUE)
