# Fixture for the cost-effectiveness analysis (src/cea/): per-patient AUC QALYs, the SUR
# (systemfit) and OLS (lm) increments with their SEs, and bootstrap percentiles with boot on the
# FIXED resamples hta drew (cea-input.json, written by cea-export.mjs), so the comparison is
# exact; the CEAC points and NMB at the thresholds from the same replicates.
# Run from the repository root:
#   node test/reference/cea-export.mjs && Rscript test/reference/cea.R
suppressPackageStartupMessages({ library(systemfit); library(boot); library(jsonlite) })
inp <- fromJSON("test/reference/cea-input.json", simplifyVector = TRUE)
years <- inp$years
U <- inp$utilities                      # n × visits, NA = missing
if (is.list(U)) U <- do.call(rbind, lapply(U, function(r) sapply(r, function(x) if (is.null(x)) NA else x)))

auc <- function(u, observed_only) {
  k <- length(u)
  if (is.na(u[1]) || is.na(u[k])) return(NA)
  if (!observed_only && anyNA(u)) return(NA)
  ok <- which(!is.na(u))
  sum(diff(years[ok]) * (head(u[ok], -1) + tail(u[ok], -1)) / 2)
}
qaly_impute <- apply(U, 1, auc, observed_only = FALSE)
qaly_observed <- apply(U, 1, auc, observed_only = TRUE)

rows <- inp$complete + 1
d <- data.frame(arm = inp$arm[rows], u0 = U[rows, 1], cost = inp$cost[rows], qaly = qaly_impute[rows], female = inp$female[rows])
stopifnot(!anyNA(d))

lc <- lm(cost ~ arm + u0 + female, data = d)
le <- lm(qaly ~ arm + u0 + female, data = d)
sur <- systemfit(list(cost = cost ~ arm + u0 + female, qaly = qaly ~ arm + u0 + female), method = "SUR", data = d)
V <- vcov(sur)
se <- sqrt(diag(V))

# boot on hta's resamples: the statistic ignores boot's own indices and takes the next fixed set
# (the first call, boot's t0, is the original data).
idx <- inp$bootstrap$indexSets
if (is.list(idx)) idx <- do.call(rbind, idx)
call <- 0
incr <- function(data, i) {
  j <- if (call == 0) seq_len(nrow(data)) else idx[call, ] + 1
  call <<- call + 1
  s <- data[j, ]
  c(coef(lm(cost ~ arm + u0 + female, data = s))[["arm"]], coef(lm(qaly ~ arm + u0 + female, data = s))[["arm"]])
}
B <- nrow(idx)
b <- boot(d, incr, R = B)
stopifnot(call == B + 1)
perc <- function(index) boot.ci(b, conf = 0.95, type = "perc", index = index)$percent[4:5]
nmb_perc <- function(l) {
  t <- l * b$t[, 2] - b$t[, 1]
  bb <- b; bb$t <- matrix(t, ncol = 1); bb$t0 <- l * b$t0[2] - b$t0[1]
  boot.ci(bb, conf = 0.95, type = "perc")$percent[4:5]
}
ceac <- sapply(inp$wtp, function(l) mean(l * b$t[, 2] - b$t[, 1] > 0))

out <- list(
  versions = list(R = as.character(getRversion()), systemfit = as.character(packageVersion("systemfit")), boot = as.character(packageVersion("boot"))),
  qalyImpute = qaly_impute, qalyObserved = qaly_observed,
  lm = list(cost = list(estimate = coef(lc)[["arm"]], se = summary(lc)$coefficients["arm", 2]),
            qaly = list(estimate = coef(le)[["arm"]], se = summary(le)$coefficients["arm", 2])),
  sur = list(cost = list(estimate = coef(sur)[["cost_arm"]], se = se[["cost_arm"]]),
             qaly = list(estimate = coef(sur)[["qaly_arm"]], se = se[["qaly_arm"]]),
             covariance = V["cost_arm", "qaly_arm"]),
  bootstrap = list(cost = as.vector(b$t[, 1]), qaly = as.vector(b$t[, 2]), costPercentile = perc(1), qalyPercentile = perc(2)),
  ceac = ceac,
  nmb = lapply(inp$thresholds, function(l) list(threshold = l, estimate = l * b$t0[2] - b$t0[1], percentile = nmb_perc(l), probability = mean(l * b$t[, 2] - b$t[, 1] > 0)))
)
writeLines(toJSON(out, digits = NA, auto_unbox = TRUE, na = "null"), "test/reference/cea.json")
cat("wrote test/reference/cea.json\n")
