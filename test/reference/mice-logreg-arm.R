# The share of 1s quoted in test/stats/missing/mice-logreg.test.ts ("where the fit runs off"):
# R's mice.impute.logreg, 4000 draws, on one arm's sex column of test/fixtures/mi-logreg-byarm
# (test/fixtures/mi-logreg-byarm/separated-arm.json: hta's design of that step, intercept first,
# column-major). One missing row, so mice:::augment does not augment and glm.fit runs off.
# Run from the repository root:  Rscript test/reference/mice-logreg-arm.R   (needs jsonlite, mice)
suppressPackageStartupMessages({ library(jsonlite); library(mice) })
d <- fromJSON("test/fixtures/mi-logreg-byarm/separated-arm.json")
xo <- matrix(d$xObs$x, nrow = d$xObs$n); xm <- matrix(d$xMis$x, nrow = d$xMis$n)
y <- c(d$yObs, NA); x <- base::rbind(xo, xm)[, -1, drop = FALSE]; ry <- !is.na(y)
fit <- suppressWarnings(glm.fit(xo, d$yObs, family = quasibinomial()))
cat("glm.fit: converged", fit$converged, "iterations", fit$iter, "\nbeta", coef(fit), "\ndiag cov.unscaled", diag(summary.glm(fit)$cov.unscaled), "\n")
set.seed(1); imp <- suppressWarnings(replicate(4000, mice.impute.logreg(y, ry, x)))
cat("share of 1s", mean(imp), "\n")
