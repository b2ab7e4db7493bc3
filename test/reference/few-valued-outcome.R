# Fixture for test/observational/few-valued-outcome-disclosure.test.ts: a 0/1/2 outcome (work
# status) of 200 app users and 120 non-users, the crude difference with its HC0 sandwich SE (as
# hta's crude row), the E-value's risk ratio exp(0.91·d/sd) with sd the pooled SD at follow-up
# (EValue::evalues.MD's approximation), and every pair of tables over 0/1/2 that fits them: the
# attack of docs/observational.md, "Small counts", rule 6, done independently of hta — once with
# the risk ratio at full precision, once at the 2 decimals hta publishes.
# The identity the attack rests on: HC0's SE² = SS1/n1² + SS0/n0² (SS: a group's sum of squares).
# Run from the repository root:  Rscript test/reference/few-valued-outcome.R
suppressPackageStartupMessages({ library(jsonlite); library(sandwich) })
tables_fitting <- function(n1, n0, d, se, rr, tol_rr) {
  g <- expand.grid(b = 0:n1, c = 0:n1); g <- g[g$b + g$c <= n1, ]
  s1 <- g$b + 2 * g$c; ss1 <- g$b + 4 * g$c - s1^2 / n1
  s0 <- (s1 / n1 - d) * n0; ss0 <- (se^2 - ss1 / n1^2) * n0^2
  S0 <- round(s0); Q0 <- ss0 + S0^2 / n0; c0 <- (round(Q0) - S0) / 2; b0 <- S0 - 2 * c0
  ok <- abs(s0 - S0) < 1e-6 & ss0 > -1e-6 & abs(Q0 - round(Q0)) < 1e-6 & c0 == round(c0) & b0 >= 0 & c0 >= 0 & b0 + c0 <= n0
  sd <- sqrt((ss1 + ss0) / (n1 + n0 - 2))
  ok <- ok & !is.na(sd) & abs(exp(0.91 * abs(d) / sd) - rr) <= tol_rr
  lapply(which(ok), function(i) list(users = c(n1 - g$b[i] - g$c[i], g$b[i], g$c[i]), nonUsers = c(n0 - b0[i] - c0[i], b0[i], c0[i])))
}
case <- function(users, nonUsers) {
  y <- c(rep(0:2, users), rep(0:2, nonUsers)); a <- c(rep(1, sum(users)), rep(0, sum(nonUsers)))
  fit <- lm(y ~ a)
  d <- coef(fit)[["a"]]; se <- sqrt(vcovHC(fit, type = "HC0")["a", "a"])
  ss <- sapply(c(1, 0), function(g) sum((y[a == g] - mean(y[a == g]))^2))
  sd <- sqrt(sum(ss) / (length(y) - 2)); rr <- exp(0.91 * d / sd); if (rr < 1) rr <- 1 / rr
  n1 <- sum(users); n0 <- sum(nonUsers)
  list(users = users, nonUsers = nonUsers, difference = d, se = se, seFromSumsOfSquares = sqrt(ss[1] / n1^2 + ss[2] / n0^2),
       riskRatio = rr, eValue = rr + sqrt(rr * (rr - 1)),
       tablesFull = tables_fitting(n1, n0, d, se, rr, rr * 1e-12),
       tablesPublished = tables_fitting(n1, n0, d, se, round(rr, 2), 0.005))
}
out <- list(source = "test/reference/few-valued-outcome.R",
            cases = list(case(c(0, 3, 197), c(30, 40, 50)), case(c(3, 60, 137), c(30, 40, 50)), case(c(0, 60, 140), c(30, 40, 50))))
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), "test/reference/few-valued-outcome.json")
