# Fixture for src/report/sof-absolute-effect.ts: the summary of findings' absolute effect of a
# yes/no outcome, derived as GRADE does (GRADE handbook 14.1.5; GRADEpro) from the control-group
# risk CR and the risk ratio with its 95% CI:
#   per 1,000 = 1000 * CR * (RR - 1), CI = 1000 * CR * (RR_lower - 1) to 1000 * CR * (RR_upper - 1)
# RR: log-scale Wald (Katz) interval, 0.5 added to every cell when one is 0 (metafor escalc's
# default add = 1/2, to = "only0"), written out in base R.
# Run from the repository root:  Rscript test/reference/sof-absolute.R
suppressPackageStartupMessages(library(jsonlite))

rr_katz <- function(x1, n1, x2, n2, conf = 0.95) {
  cells <- c(x1, n1 - x1, x2, n2 - x2)
  add <- if (any(cells == 0)) 0.5 else 0
  a <- x1 + add; b <- n1 - x1 + add; c <- x2 + add; d <- n2 - x2 + add
  lrr <- log((a / (a + b)) / (c / (c + d)))
  se <- sqrt(1 / a - 1 / (a + b) + 1 / c - 1 / (c + d))
  z <- qnorm(1 - (1 - conf) / 2)
  c(rr = exp(lrr), lower = exp(lrr - z * se), upper = exp(lrr + z * se))
}

# x1/n1 intervention, x2/n2 control. The first two: medication use at 12 and 3 months of the
# tester's export (test/fixtures/binary-outcomes/rtw.csv), where the Newcombe RD's interval
# excludes 0 (12 months) while the RR's includes 1.
tables <- list(c(11, 30, 17, 27), c(14, 30, 18, 30), c(40, 100, 55, 100), c(33, 61, 21, 60),
               c(5, 56, 1, 29), c(0, 40, 6, 40), c(120, 232, 150, 229))
cases <- lapply(tables, function(tb) {
  r <- rr_katz(tb[1], tb[2], tb[3], tb[4])
  cr <- tb[3] / tb[4]
  list(x1 = tb[1], n1 = tb[2], x2 = tb[3], n2 = tb[4], controlRisk = cr,
       rr = unname(r["rr"]), rrLower = unname(r["lower"]), rrUpper = unname(r["upper"]),
       per1000 = 1000 * cr * (unname(r["rr"]) - 1),
       per1000Lower = 1000 * cr * (unname(r["lower"]) - 1),
       per1000Upper = 1000 * cr * (unname(r["upper"]) - 1))
})
out <- list(source = paste("test/reference/sof-absolute.R,", R.version.string), cases = cases)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), "test/reference/sof-absolute.json")
