# Fixture for the Monte Carlo error of the cost-effectiveness point estimates
# (src/cea/monte-carlo-error.ts, src/stats/missing/rubin-rules.ts rubinMonteCarlo): lm of cost and
# of QALY on arm and baseline utility in each of hta's completed data sets (cea-mcse-input.json),
# pooled by mice::pool — its b (between-imputation variance) gives MCSE = sqrt(b / m) (White,
# Royston & Wood 2011, Stat Med 30:377-399), its fmi the fraction of missing information.
# Run from the repository root:
#   node test/reference/cea-mcse-export.mjs && Rscript test/reference/cea-mcse.R
suppressPackageStartupMessages({ library(mice); library(jsonlite) })
inp <- fromJSON("test/reference/cea-mcse-input.json", simplifyVector = TRUE, simplifyDataFrame = FALSE)
arm <- inp$arm
pooled <- function(case, outcome) {
  fits <- lapply(case$datasets, function(d) {
    df <- data.frame(y = unlist(d[[outcome]]), arm = arm, u0 = unlist(d$u0))
    lm(y ~ arm + u0, data = df)
  })
  p <- pool(as.mira(fits))$pooled
  r <- p[p$term == "arm", ]
  list(estimate = r$estimate, ubar = r$ubar, b = r$b, t = r$t, dfcom = r$dfcom, fmi = r$fmi, m = r$m,
       se = sqrt(r$t), mcse = sqrt(r$b / r$m))
}
out <- list(
  generatedBy = "test/reference/cea-mcse.R",
  versions = list(R = as.character(getRversion()), mice = as.character(packageVersion("mice"))),
  cases = lapply(inp$cases, function(case) list(perspective = case$perspective, m = case$m, seed = case$seed,
    cost = pooled(case, "cost"), qaly = pooled(case, "qaly")))
)
write_json(out, "test/reference/cea-mcse.json", digits = NA, auto_unbox = TRUE, pretty = TRUE)
cat("wrote test/reference/cea-mcse.json\n")
