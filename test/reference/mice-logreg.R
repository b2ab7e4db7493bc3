# Fixture for src/stats/missing/mice-logreg.ts, R mice's "logreg" imputation of a 0/1 column:
#  - the augmented weighted logistic fit (mice:::augment + glm.fit, quasibinomial): β̂ and
#    summary.glm's cov.unscaled, which are deterministic (compared to 1e-6);
#  - the imputations, which are random: mice.impute.logreg drawn 4000 times; per missing row the
#    share of 1s and its Monte Carlo SE √(p(1 − p)/4000). The test's tolerance is 4 × the combined
#    SE of R's share and hta's (each 4000 draws).
# Three cases: an ordinary one, one where a predictor separates the observed 0s from the 1s
# (the augmentation is what keeps the fit finite there), and the same with one missing row, where
# mice:::augment does not augment: glm.fit then runs off ("fitted probabilities numerically 0 or
# 1 occurred"), with a huge cov.unscaled, and the draws are 0 or 1 at random.
# Run from the repository root:  Rscript test/reference/mice-logreg.R   (a few seconds)
# Needs jsonlite and mice (Debian: r-cran-jsonlite, r-cran-mice).
suppressPackageStartupMessages({ library(jsonlite); library(mice) })
set.seed(2026)
case <- function(y, x) {
  ry <- !is.na(y); wy <- !ry
  aug <- mice:::augment(y, ry, x, wy)
  xa <- cbind(1, as.matrix(aug$x))
  fit <- glm.fit(x = xa[aug$ry, , drop = FALSE], y = aug$y[aug$ry], family = quasibinomial(link = logit), weights = aug$w[aug$ry])
  s <- summary.glm(fit)
  draws <- 4000
  set.seed(1)
  imp <- replicate(draws, mice.impute.logreg(y, ry, x))
  share <- rowMeans(matrix(imp, nrow = sum(!ry))) # (mice returns a one-column matrix per draw)
  list(y = y, x = unname(lapply(seq_len(ncol(x)), function(j) x[, j])), beta = unname(coef(fit)), covUnscaled = unname(c(t(s$cov.unscaled))),
    draws = draws, share = I(share), shareSe = I(sqrt(share * (1 - share) / draws)))
}
n <- 60
x1 <- round(rnorm(n, 50, 10)); x2 <- rbinom(n, 1, 0.5); x3 <- round(rnorm(n, 5, 2), 1)
y <- rbinom(n, 1, plogis(-4 + 0.07 * x1 + 0.8 * x2)); y[c(3, 8, 15, 22, 40, 51)] <- NA
ordinary <- case(y, cbind(x1, x2, x3))
z <- c(0, 0, 0, 0, 1, 1, 1, 1, NA, NA); xs <- c(1, 2, 3, 4, 6, 7, 8, 9, 2.5, 8.5)
separated <- case(z, cbind(xs))
z1 <- c(0, 0, 0, 0, 1, 1, 1, 1, NA); xs1 <- c(1, 2, 3, 4, 6, 7, 8, 9, 8.5)
separatedOneMissing <- suppressWarnings(case(z1, cbind(xs1)))
writeLines(toJSON(list(generatedBy = "test/reference/mice-logreg.R", R = R.version.string, mice = as.character(packageVersion("mice")),
  ordinary = ordinary, separated = separated, separatedOneMissing = separatedOneMissing), auto_unbox = TRUE, digits = NA, pretty = TRUE), "test/reference/mice-logreg.json")
