# Reference for the Monte Carlo error of what decides an MI verdict (src/stats/missing/mi-monte-carlo.ts
# miMonteCarloErrorWithP, verdictEdges; docs/plan-trial.md#verdict-at-its-edge): from hta's m
# per-imputation estimates and variances (mi-verdict-edge-input.json, written by
# mi-verdict-edge-export.mjs from test/fixtures/mi-verdict-edge/), Rubin's rules by hand
# (Barnard-Rubin df as mice, checked against mice::pool.scalar), then the jackknife over
# imputations of the pooled p and CI limits (White, Royston & Wood 2011, Stat Med 30:377-399, §7):
#   theta_(-i) pooled without imputation i;  MCSE = sqrt((m - 1)/m * sum((theta_(-i) - mean)^2))
# and MCSE of the estimate sqrt(b/m). Run from the repository root:
#   node test/reference/mi-verdict-edge-export.mjs && Rscript test/reference/mi-verdict-edge.R
suppressPackageStartupMessages({ library(jsonlite); library(mice) })
inp <- fromJSON("test/reference/mi-verdict-edge-input.json", simplifyVector = TRUE)
rubin <- function(q, u, dfcom, alpha) {
  m <- length(q); qbar <- mean(q); ubar <- mean(u); b <- var(q); t <- ubar + (1 + 1/m) * b
  lambda <- max((1 + 1/m) * b / t, 1e-4)
  dfold <- (m - 1) / lambda^2
  dfobs <- (dfcom + 1) / (dfcom + 3) * dfcom * (1 - lambda)
  df <- dfold * dfobs / (dfold + dfobs)
  se <- sqrt(t); tq <- qt(1 - alpha / 2, df)
  list(estimate = qbar, b = b, t = t, df = df, p = 2 * pt(-abs(qbar / se), df), lower = qbar - tq * se, upper = qbar + tq * se)
}
jack <- function(x) { m <- length(x); sqrt((m - 1) / m * sum((x - mean(x))^2)) }
cases <- lapply(seq_len(nrow(inp$cases)), function(k) {
  c <- inp$cases[k, ]
  q <- unlist(c$estimates); u <- unlist(c$variances); m <- length(q)
  full <- rubin(q, u, c$dfComplete, c$alpha)
  ps <- pool.scalar(q, u, n = c$dfComplete + 2, k = 2)  # mice: dfcom = n - k
  stopifnot(abs(ps$df - full$df) < 1e-8, abs(ps$qbar - full$estimate) < 1e-12)
  loo <- lapply(seq_len(m), function(i) rubin(q[-i], u[-i], c$dfComplete, c$alpha))
  list(file = c$file, m = m, estimate = full$estimate, df = full$df, pValue = full$p, ciLower = full$lower, ciUpper = full$upper,
       mcse = list(estimate = sqrt(full$b / m),
                   estimateJackknife = jack(sapply(loo, `[[`, "estimate")),
                   pValue = jack(sapply(loo, `[[`, "p")),
                   ciLower = jack(sapply(loo, `[[`, "lower")),
                   ciUpper = jack(sapply(loo, `[[`, "upper"))))
})
out <- list(generatedBy = "test/reference/mi-verdict-edge.R",
            versions = list(R = as.character(getRversion()), mice = as.character(packageVersion("mice"))),
            cases = cases)
write_json(out, "test/reference/mi-verdict-edge.json", digits = NA, auto_unbox = TRUE, pretty = TRUE)
cat("wrote test/reference/mi-verdict-edge.json\n")
