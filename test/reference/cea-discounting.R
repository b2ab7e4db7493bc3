# Reference for discounting after the first year (src/cea/discounting.ts,
# docs/plan-cea.md#discounting): annual step discounting d(t) = (1 + r)^-floor(t), t in years.
#   QALY_i = integral over follow-up of u_i(t) d(t) dt, u_i linear between visits (stats::integrate
#            on each year's piece, independent of hta's split trapezoids);
#   cost_i = price * arm_i + sum over items and periods of units * unit cost * (mean of d over
#            the period: units spread evenly over it, again by integrate);
# then lm(cost ~ arm + u0) and lm(qaly ~ arm + u0) for the incremental cost and QALYs.
# Run from the repository root:
#   node test/reference/cea-discounting-export.mjs && Rscript test/reference/cea-discounting.R
suppressPackageStartupMessages(library(jsonlite))
inp <- fromJSON("test/reference/cea-discounting-input.json", simplifyVector = FALSE)
# integrate() over a step function, piece by piece between year boundaries (each piece smooth);
# f(t, y) is the integrand on year y's piece.
integrate_pieces <- function(f, a, b) {
  inner <- if (floor(b) >= ceiling(a)) seq(ceiling(a), floor(b)) else numeric(0)
  cuts <- sort(unique(c(a, b, inner[inner > a & inner < b])))
  s <- 0
  for (k in seq_len(length(cuts) - 1)) {
    lo <- cuts[k]; hi <- cuts[k + 1]
    y <- floor((lo + hi) / 2)
    s <- s + integrate(function(t) f(t, y), lo, hi, rel.tol = 1e-12, abs.tol = 0)$value
  }
  s
}
cases <- lapply(inp$cases, function(cs) {
  ty <- unlist(cs$visitYears)
  rq <- cs$rates$qalys; rc <- cs$rates$costs
  n <- length(cs$arm)
  qaly <- sapply(seq_len(n), function(i) {
    u <- unlist(cs$utilities[[i]])
    ui <- approxfun(ty, u)
    integrate_pieces(function(t, y) ui(t) * (1 + rq)^(-y), ty[1], ty[length(ty)])
  })
  ends <- unlist(cs$periodEndYears)
  starts <- c(0, ends[-length(ends)])
  weight <- sapply(seq_along(ends), function(k) integrate_pieces(function(t, y) rep((1 + rc)^(-y), length(t)), starts[k], ends[k]) / (ends[k] - starts[k]))
  cost <- cs$price * unlist(cs$arm)
  for (item in names(cs$units)) {
    units <- cs$units[[item]]
    cost <- cost + sapply(seq_len(n), function(i) sum(unlist(units[[i]]) * cs$unitCosts[[item]] * weight))
  }
  u0 <- sapply(cs$utilities, function(u) unlist(u)[1])
  arm <- unlist(cs$arm)
  fc <- lm(cost ~ arm + u0); fq <- lm(qaly ~ arm + u0)
  list(name = cs$name, periodWeights = weight, qaly = qaly, cost = cost,
       incrementalCost = unname(coef(fc)["arm"]), incrementalQaly = unname(coef(fq)["arm"]),
       seCost = unname(sqrt(diag(vcov(fc)))["arm"]), seQaly = unname(sqrt(diag(vcov(fq)))["arm"]))
})
out <- list(generatedBy = "test/reference/cea-discounting.R", versions = list(R = as.character(getRversion())), cases = cases)
write_json(out, "test/reference/cea-discounting.json", digits = NA, auto_unbox = TRUE, pretty = TRUE)
cat("wrote test/reference/cea-discounting.json\n")
