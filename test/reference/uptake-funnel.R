# Reference values for src/uptake/clinic-funnel.ts (funnel limits, Spiegelhalter 2005,
# doi:10.1002/sim.1970, Appendix A.1.1: exact binomial quantile with interpolation) and for
# the Wilson intervals used by the uptake metrics (activation rate, retention, uptake per eligible).
# Run from the repo root: Rscript test/reference/uptake-funnel.R  → test/reference/uptake-funnel.json
library(jsonlite)

exact_limit <- function(p, n, theta) {
  rp <- qbinom(p, n, theta)
  alpha <- (pbinom(rp, n, theta) - p) / dbinom(rp, n, theta)
  (rp - alpha) / n
}
normal_limit <- function(p, n, theta) pmin(1, pmax(0, theta + qnorm(p) * sqrt(theta * (1 - theta) / n)))
probs <- c(lower95 = 0.025, upper95 = 0.975, lower998 = 0.001, upper998 = 0.999)

limits <- list()
for (theta in c(0.65, 0.3, 0.05)) for (n in c(1, 5, 20, 57, 100, 1000, 20000)) for (method in c("exact-binomial", "normal")) {
  f <- if (method == "normal") normal_limit else exact_limit
  row <- list(theta = theta, n = n, method = method)
  for (nm in names(probs)) row[[nm]] <- f(probs[[nm]], n, theta)
  limits[[length(limits) + 1]] <- row
}

# A clinic set with one low and one high outlier.
clinics <- data.frame(
  clinic = c("H001", "H002", "M001", "M002", "S001", "Z001", "N001", "N002"),
  referrals = c(400, 120, 250, 60, 300, 80, 150, 30),
  activations = c(262, 79, 160, 12, 197, 52, 130, 20)
)
theta <- sum(clinics$activations) / sum(clinics$referrals)
# Verdicts by the exact one-sided tails (uptake-funnel-tails.R), not by the interpolated limits.
classify <- function(y, n, level) {
  if (pbinom(y - 1, n, theta, lower.tail = FALSE) < level) "above" else if (pbinom(y, n, theta) < level) "below" else "none"
}
rows <- lapply(seq_len(nrow(clinics)), function(i) {
  n <- clinics$referrals[i]; y <- clinics$activations[i]; rate <- y / n
  l <- sapply(probs, exact_limit, n = n, theta = theta)
  list(clinic = clinics$clinic[i], referrals = n, activations = y, rate = rate,
       lower95 = l[["lower95"]], upper95 = l[["upper95"]], lower998 = l[["lower998"]], upper998 = l[["upper998"]],
       outside95 = classify(y, n, 0.025), outside998 = classify(y, n, 0.001))
})

wilson <- lapply(list(c(6, 8), c(3, 4), c(0, 5), c(5, 5), c(7, 10), c(650, 1000), c(30, 10000), c(1234, 37200), c(41000, 1860000)), function(v) {
  ci <- suppressWarnings(prop.test(v[1], v[2], correct = FALSE)$conf.int)
  list(x = v[1], n = v[2], lower = ci[1], upper = ci[2])
})
out <- list(
  generatedBy = "test/reference/uptake-funnel.R", r = R.version.string,
  limits = limits, clinicSet = list(overallRate = theta, rows = rows), wilson = wilson
)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), "test/reference/uptake-funnel.json")
