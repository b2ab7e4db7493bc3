# Fixture for src/stats/missing/mice-polyreg.ts, R mice's "polyreg" imputation of a categorical
# value of k > 2 levels (its default for an unordered factor of more than two levels):
#  - the augmented weighted multinomial fit (mice:::augment + nnet::multinom, as polyreg calls it):
#    the fitted probabilities of the missing rows (nnet's BFGS stops at reltol 1e-8: compared to 1e-4);
#  - the imputations, drawn 4000 times: per missing row and level the share, with its Monte Carlo
#    SE √(p(1 − p)/4000). The test's tolerance is 4 × the combined SE of R's share and hta's.
# Run from the repository root:  Rscript test/reference/mice-polyreg.R   (a few seconds)
# Needs jsonlite, mice and nnet (Debian: r-cran-jsonlite, r-cran-mice, r-cran-nnet).
suppressPackageStartupMessages({ library(jsonlite); library(mice); library(nnet) })
set.seed(2027)
n <- 80
x1 <- round(rnorm(n, 50, 10)); x2 <- rbinom(n, 1, 0.5); x3 <- round(rnorm(n, 5, 2), 1)
eta2 <- -2 + 0.04 * x1 + 0.7 * x2; eta3 <- -1 - 0.02 * x1 + 0.3 * x3
p <- cbind(1, exp(eta2), exp(eta3)); p <- p / rowSums(p)
y <- apply(p, 1, function(r) sample(0:2, 1, prob = r)); y[c(2, 9, 17, 30, 44, 58, 71)] <- NA
x <- cbind(x1, x2, x3)
ry <- !is.na(y); wy <- !ry
aug <- mice:::augment(y, ry, x, wy)
xy <- cbind.data.frame(y = as.factor(aug$y), x = aug$x)
fit <- nnet::multinom(formula(xy), data = xy[aug$ry, , drop = FALSE], weights = aug$w[aug$ry], maxit = 100, trace = FALSE, MaxNWts = 1500)
post <- predict(fit, xy[aug$wy, , drop = FALSE], type = "probs")
draws <- 4000
set.seed(1)
imp <- replicate(draws, as.integer(as.character(mice.impute.polyreg(factor(y), ry, x))))
share <- t(sapply(seq_len(sum(wy)), function(i) sapply(0:2, function(l) mean(imp[i, ] == l))))
writeLines(toJSON(list(generatedBy = "test/reference/mice-polyreg.R", R = R.version.string, mice = as.character(packageVersion("mice")),
  nnet = as.character(packageVersion("nnet")), y = y, x = unname(lapply(1:3, function(j) x[, j])), probabilities = unname(post), draws = draws,
  share = unname(share), shareSe = unname(sqrt(share * (1 - share) / draws))), auto_unbox = TRUE, digits = NA, pretty = TRUE, na = "null"), "test/reference/mice-polyreg.json")
