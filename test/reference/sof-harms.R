# Fixture for src/report/sof-harm-rows.ts: the plan's adverse events as summary-of-findings rows
# (docs/report-trial.md#harms-in-the-summary-of-findings). Patients with >= 1 event of a kind over
# the patients randomised, 30 per arm (the export built in test/report/sof-harms.test.ts):
#   any 12/30 vs 6/30, serious 4/30 vs 2/30, related 3/30 vs 0/30 (a zero cell).
# The risk ratio and its log-scale Wald (Katz) interval from metafor::escalc(measure = "RR")
# (add = 1/2 to every cell when one is zero, its default); the control risk per 1,000 and the
# absolute effect per 1,000 as GRADE derives it, 1000 * (min(1, CR * RR) - CR) with the RR's
# limits; with a zero cell the observed risk difference with Newcombe's hybrid score interval
# (method 10), from each arm's Wilson interval as prop.test(correct = FALSE) gives it.
# Run from the repository root:  Rscript test/reference/sof-harms.R
suppressPackageStartupMessages({ library(jsonlite); library(metafor) })

newcombe <- function(x1, n1, x2, n2, conf = 0.95) {
  w1 <- prop.test(x1, n1, conf.level = conf, correct = FALSE)$conf.int
  w2 <- prop.test(x2, n2, conf.level = conf, correct = FALSE)$conf.int
  p1 <- x1 / n1; p2 <- x2 / n2; d <- p1 - p2
  c(d, d - sqrt((p1 - w1[1])^2 + (w2[2] - p2)^2), d + sqrt((w1[2] - p1)^2 + (p2 - w2[1])^2))
}

row <- function(kind, x1, n1, x2, n2) {
  es <- escalc(measure = "RR", ai = x1, n1i = n1, ci = x2, n2i = n2)
  s <- summary(es)
  rr <- exp(c(s$yi, s$ci.lb, s$ci.ub))
  cr <- x2 / n2
  zero <- any(c(x1, n1 - x1, x2, n2 - x2) == 0)
  abs <- if (zero) 1000 * newcombe(x1, n1, x2, n2) else 1000 * (pmin(1, cr * rr) - cr)
  list(kind = kind, events = c(x1, x2), n = c(n1, n2), rr = rr[1], rrLower = rr[2], rrUpper = rr[3],
       controlPer1000 = 1000 * cr, per1000 = abs[1], per1000Lower = abs[2], per1000Upper = abs[3], zeroCell = zero)
}

rows <- list(row("any", 12, 30, 6, 30), row("serious", 4, 30, 2, 30), row("related", 3, 30, 0, 30))
writeLines(toJSON(list(generator = "test/reference/sof-harms.R", metafor = as.character(packageVersion("metafor")), rows = rows),
                  auto_unbox = TRUE, digits = NA, pretty = TRUE), "test/reference/sof-harms.json")
