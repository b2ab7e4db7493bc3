# Writes test/fixtures/ignored-visit/redcap.csv: a REDCap longitudinal export (one row per record
# and event) of 80 randomised patients, RMDQ at baseline, 3 and 9 months, and for about a third an
# unscheduled `6_weeks_arm_1` visit that the analysis plan leaves out ("ignoreTimepoints").
# The data of test/reference/mmrm-ignored-visit.R.
# Run from the repository root:  Rscript test/reference/mmrm-ignored-visit-data.R
set.seed(22)
n <- 80
arm <- sample(rep(c(1, 2), n / 2))
age <- round(rnorm(n, 48, 12))
b <- pmin(24, pmax(0, round(rnorm(n, 13, 4))))
u <- rnorm(n, 0, 2.5)
tr <- as.integer(arm == 1)
mk <- function(shift, eff, sd) pmin(24, pmax(0, round(2 + 0.6 * b + 0.03 * (age - 48) + shift - eff * tr + u + rnorm(n, 0, sd))))
y6w <- mk(-1, 1, 2.5); y3 <- mk(-2, 2, 2.5); y9 <- mk(-2.5, 2.5, 3)
m3 <- runif(n) < 0.15
m9 <- runif(n) < plogis(-1.5 + 0.2 * (y3 - 8))
has6w <- runif(n) < 0.35
rows <- list()
for (i in 1:n) {
  rows[[length(rows) + 1]] <- data.frame(record_id = i, redcap_event_name = "baseline_arm_1", randomisering = arm[i], alder = age[i], rmdq = b[i])
  if (has6w[i]) rows[[length(rows) + 1]] <- data.frame(record_id = i, redcap_event_name = "6_weeks_arm_1", randomisering = NA, alder = NA, rmdq = y6w[i])
  rows[[length(rows) + 1]] <- data.frame(record_id = i, redcap_event_name = "3_months_arm_1", randomisering = NA, alder = NA, rmdq = if (m3[i]) NA else y3[i])
  rows[[length(rows) + 1]] <- data.frame(record_id = i, redcap_event_name = "9_months_arm_1", randomisering = NA, alder = NA, rmdq = if (m9[i]) NA else y9[i])
}
write.csv(do.call(rbind, rows), "test/fixtures/ignored-visit/redcap.csv", row.names = FALSE, na = "", quote = FALSE)
