# Fixture for src/report/sof-absolute-effect.ts: the summary of findings' absolute effect of a
# yes/no outcome, derived as GRADE does (Cochrane Handbook v6, chapter 14: Schünemann et al.,
# "Completing 'Summary of findings' tables and grading the certainty of the evidence", §14.1.5;
# GRADEpro) from the control-group risk CR and the risk ratio with its 95% CI:
#   risk with intervention = min(1, CR * RR), per 1,000 = 1000 * (that - CR); the CI the same from
#   the RR's limits.
# Computed independently of the TypeScript formulas: the RR and its Wald interval on the log
# scale come from a log-binomial GLM fitted to the counts (its MLE is the ratio of the observed
# risks and its Wald SE sqrt(1/a - 1/n1 + 1/c - 1/n2)), confint.default() for the interval.
# With a zero cell (no events, or only events, in an arm) the GLM has no finite estimate; the row
# then shows the observed risk difference with Newcombe's hybrid score interval (method 10),
# built here from each arm's Wilson interval as prop.test(x, n, correct = FALSE) gives it.
# Run from the repository root:  Rscript test/reference/sof-absolute.R
suppressPackageStartupMessages(library(jsonlite))

rr_glm <- function(x1, n1, x2, n2, conf = 0.95) {
  d <- data.frame(arm = factor(c("control", "intervention"), levels = c("control", "intervention")),
                  x = c(x2, x1), n = c(n2, n1))
  # A tight tolerance so the fit agrees to 1e-9; the deviance stops changing at machine precision
  # first, which glm reports as "did not converge".
  fit <- suppressWarnings(glm(cbind(x, n - x) ~ arm, family = binomial(link = "log"), data = d,
                              control = glm.control(epsilon = 1e-15, maxit = 200)))
  ci <- confint.default(fit, "armintervention", level = conf)
  c(rr = exp(unname(coef(fit)["armintervention"])), lower = exp(ci[1]), upper = exp(ci[2]))
}

newcombe <- function(x1, n1, x2, n2, conf = 0.95) {
  w1 <- prop.test(x1, n1, conf.level = conf, correct = FALSE)$conf.int
  w2 <- prop.test(x2, n2, conf.level = conf, correct = FALSE)$conf.int
  p1 <- x1 / n1; p2 <- x2 / n2; d <- p1 - p2
  c(rd = d,
    lower = d - sqrt((p1 - w1[1])^2 + (w2[2] - p2)^2),
    upper = d + sqrt((w1[2] - p1)^2 + (p2 - w2[1])^2))
}

# x1/n1 intervention, x2/n2 control. The first two: medication use at 12 and 3 months of the
# tester's export (test/fixtures/binary-outcomes/rtw.csv), where the Newcombe RD's interval
# excludes 0 (12 months) while the RR's includes 1. 19/30 vs 10/27: back at work at 12 months
# there, whose RR upper limit times the control risk is above 1 (capped). 0/40 vs 6/40 and
# 4/30 vs 0/30: zero cells.
tables <- list(c(11, 30, 17, 27), c(14, 30, 18, 30), c(40, 100, 55, 100), c(33, 61, 21, 60),
               c(5, 56, 1, 29), c(120, 232, 150, 229), c(19, 30, 10, 27), c(28, 30, 20, 30),
               c(0, 40, 6, 40), c(4, 30, 0, 30))
cases <- lapply(tables, function(tb) {
  cr <- tb[3] / tb[4]
  zero <- any(c(tb[1], tb[2] - tb[1], tb[3], tb[4] - tb[3]) == 0)
  if (zero) {
    nc <- newcombe(tb[1], tb[2], tb[3], tb[4])
    return(list(x1 = tb[1], n1 = tb[2], x2 = tb[3], n2 = tb[4], controlRisk = cr, basis = "zero-cell",
                per1000 = 1000 * unname(nc["rd"]), per1000Lower = 1000 * unname(nc["lower"]),
                per1000Upper = 1000 * unname(nc["upper"]), capped = FALSE))
  }
  r <- rr_glm(tb[1], tb[2], tb[3], tb[4])
  risk <- cr * unname(r)
  list(x1 = tb[1], n1 = tb[2], x2 = tb[3], n2 = tb[4], controlRisk = cr, basis = "risk-ratio",
       rr = unname(r[1]), rrLower = unname(r[2]), rrUpper = unname(r[3]),
       per1000 = 1000 * (min(1, risk[1]) - cr),
       per1000Lower = 1000 * (min(1, risk[2]) - cr),
       per1000Upper = 1000 * (min(1, risk[3]) - cr),
       capped = any(risk > 1))
})
out <- list(source = paste("test/reference/sof-absolute.R,", R.version.string), cases = cases)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), "test/reference/sof-absolute.json")
