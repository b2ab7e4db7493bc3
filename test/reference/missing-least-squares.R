# Fixture for src/stats/missing/least-squares.ts: R's longley (= NIST Longley) lm fit.
# Run from the repository root:  Rscript test/reference/missing-least-squares.R
suppressPackageStartupMessages(library(jsonlite))
fit <- lm(Employed ~ ., data = longley)
X <- model.matrix(fit)
write_json(list(generatedBy = "test/reference/missing-least-squares.R",
                x = unname(split(X, row(X))), y = longley$Employed,
                coefficients = unname(coef(fit)),
                covUnscaled = unname(summary(fit)$cov.unscaled), rss = sum(resid(fit)^2)),
           "test/reference/missing-least-squares.json", digits = NA)
