# Fixture for wilson-interval.ts, proportion-difference.ts, risk-ratio.ts and odds-ratio.ts.
#   Wilson:   prop.test(x, n, correct = FALSE)$conf.int
#   Newcombe: method 10 built from the per-arm prop.test Wilson limits (no base-R function);
#             test: prop.test(c(x1, x2), c(n1, n2), correct = FALSE)
#   RR / OR:  metafor::escalc(measure = "RR" / "OR") (add = 1/2, to = "only0"), summary() CI
# Run from the repository root:  Rscript test/reference/binary.R
suppressPackageStartupMessages({ library(metafor); library(jsonlite) })

wilson <- function(x, n, conf) suppressWarnings(prop.test(x, n, correct = FALSE, conf.level = conf)$conf.int[1:2])

wilson_cases <- list()
for (xn in list(c(0, 10), c(1, 10), c(7, 10), c(10, 10), c(56, 70), c(48, 80), c(1, 1), c(0, 1),
                c(3, 250), c(249, 250))) {
  for (conf in c(0.95, 0.9, 0.99)) {
    ci <- wilson(xn[1], xn[2], conf)
    wilson_cases[[length(wilson_cases) + 1]] <- list(x = xn[1], n = xn[2], confLevel = conf, lower = ci[1], upper = ci[2])
  }
}

ratio <- function(measure, x1, n1, x2, n2, conf) {
  es <- escalc(measure = measure, ai = x1, n1i = n1, ci = x2, n2i = n2)
  s <- summary(es, level = conf * 100)
  list(logRatio = es$yi[1], logVariance = es$vi[1], logCiLower = s$ci.lb[1], logCiUpper = s$ci.ub[1],
       statistic = s$zi[1], pValue = s$pval[1])
}

# Newcombe (1998) Table II examples (a)-(h), plus trial-sized tables.
tables <- list(c(56, 70, 48, 80), c(9, 10, 3, 10), c(6, 7, 2, 7), c(5, 56, 0, 29), c(0, 10, 0, 20),
               c(0, 10, 0, 10), c(10, 10, 0, 20), c(10, 10, 0, 10),
               c(33, 61, 21, 60), c(12, 148, 25, 152), c(40, 40, 38, 40),
               # No contrast (prop.test: NaN, so no p on an effect row) beside one event in one arm.
               c(0, 30, 0, 30), c(30, 30, 30, 30), c(1, 30, 0, 30))
binary_cases <- list()
for (tb in tables) {
  for (conf in c(0.95, 0.9)) {
    x1 <- tb[1]; n1 <- tb[2]; x2 <- tb[3]; n2 <- tb[4]
    p1 <- x1 / n1; p2 <- x2 / n2
    w1 <- wilson(x1, n1, conf); w2 <- wilson(x2, n2, conf)
    rd <- p1 - p2
    pt <- suppressWarnings(prop.test(c(x1, x2), c(n1, n2), correct = FALSE))
    binary_cases[[length(binary_cases) + 1]] <- list(
      x1 = x1, n1 = n1, x2 = x2, n2 = n2, confLevel = conf,
      difference = rd,
      ciLower = rd - sqrt((p1 - w1[1])^2 + (w2[2] - p2)^2),
      ciUpper = rd + sqrt((w1[2] - p1)^2 + (p2 - w2[1])^2),
      statistic = unname(pt$statistic), pValue = pt$p.value,
      rr = ratio("RR", x1, n1, x2, n2, conf), or = ratio("OR", x1, n1, x2, n2, conf))
  }
}

write_json(list(generatedBy = "test/reference/binary.R", r = R.version.string,
                metafor = as.character(packageVersion("metafor")),
                wilson = wilson_cases, binary = binary_cases),
           "test/reference/binary.json", digits = NA, auto_unbox = TRUE, pretty = TRUE)
