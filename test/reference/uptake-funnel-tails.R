# Reference values for the clinic funnel's verdicts (src/uptake/clinic-funnel.ts `funnelVerdict`):
# a clinic with r activations of n referrals is above the 95% (99.8%) limits when
# P(X >= r | n, theta) < 0.025 (0.001), below when P(X <= r | n, theta) < 0.025 (0.001),
# X ~ Binomial(n, theta): the exact one-sided tails (pbinom; binom.test's one-sided p-values
# agree, checked below). Spiegelhalter's interpolated limits (uptake-funnel.R) are the drawn
# lines only: (r_p - alpha)/n is below 1 whenever the 0.975 quantile is n, so comparing the rate
# with it flags every 100% clinic (and every 0% one below), e.g. 8 of 8 at theta = 0.7115:
# P(8 of 8) = 0.066, not even outside 95%.
# Run from the repo root: Rscript test/reference/uptake-funnel-tails.R -> test/reference/uptake-funnel-tails.json
library(jsonlite)

verdict <- function(r, n, theta, level) {
  upper <- pbinom(r - 1, n, theta, lower.tail = FALSE)  # P(X >= r)
  lower <- pbinom(r, n, theta)                          # P(X <= r)
  if (upper < level) "above" else if (lower < level) "below" else "none"
}
cases <- list()
for (theta in c(0.7115384615384616, 0.65, 0.3, 0.05, 0.5)) for (n in c(1, 3, 8, 20, 57, 100)) {
  for (r in unique(c(0, 1, round(n * theta), n - 1, n))) {
    if (r < 0 || r > n) next
    upper <- pbinom(r - 1, n, theta, lower.tail = FALSE)
    lower <- pbinom(r, n, theta)
    # binom.test's one-sided p-values are the same tails.
    stopifnot(isTRUE(all.equal(upper, binom.test(r, n, theta, alternative = "greater")$p.value)))
    stopifnot(isTRUE(all.equal(lower, binom.test(r, n, theta, alternative = "less")$p.value)))
    cases[[length(cases) + 1]] <- list(theta = theta, n = n, r = r, upperTail = upper, lowerTail = lower,
      outside95 = verdict(r, n, theta, 0.025), outside998 = verdict(r, n, theta, 0.001))
  }
}
out <- list(generatedBy = "test/reference/uptake-funnel-tails.R", r = R.version.string, cases = cases)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), "test/reference/uptake-funnel-tails.json")
