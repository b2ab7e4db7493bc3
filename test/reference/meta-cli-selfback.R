# Fixture for test/cli/meta.test.ts: the published selfBACK rows of
# data/published/selfback-studies.csv, fitted with metafor as `hta meta` should fit them.
# SE from each published 95% CI: (upper - lower) / (2 qnorm(0.975)).
# Run from the repository root:  Rscript test/reference/meta-cli-selfback.R
source("test/reference/meta-common.R")
d <- read.csv("data/published/selfback-studies.csv", stringsAsFactors = FALSE)
d$sei <- (d$ci_upper - d$ci_lower) / (2 * qnorm(0.975))

one_fit <- function(res, prefix) {
  list(estimate = unname(c(res$beta)), se = res$se, ciLower = res$ci.lb, ciUpper = res$ci.ub,
       statistic = res$zval, pValue = res$pval, tau2 = res$tau2,
       q = na_null(res$QE), qPValue = na_null(res$QEp), i2 = na_null(res$I2), h2 = na_null(res$H2),
       weights = unname(weights(res)))
}

groups <- list()
for (key in unique(paste(d$outcome, d$time))) {
  g <- d[paste(d$outcome, d$time) == key, ]
  fe <- rma(g$difference, sei = g$sei, method = "FE")
  out <- list(outcome = g$outcome[1], time = g$time[1], k = nrow(g),
              fixed = one_fit(fe))
  for (m in c("REML", "DL", "PM")) {
    re <- rma(g$difference, sei = g$sei, method = m)
    fit <- one_fit(re)
    if (nrow(g) > 1) {
      pr <- predict(re)
      fit$piLower <- pr$pi.lb; fit$piUpper <- pr$pi.ub
      # HKSJ (metafor test = "knha") and its predict() PI on t(k - 1).
      kh <- rma(g$difference, sei = g$sei, method = m, test = "knha")
      pk <- predict(kh)
      fit$hksj <- list(estimate = unname(c(kh$beta)), se = kh$se, ciLower = kh$ci.lb, ciUpper = kh$ci.ub,
                       pValue = kh$pval, df = kh$ddf, piLower = pk$pi.lb, piUpper = pk$pi.ub)
    }
    out[[m]] <- fit
  }
  # Test for subgroup differences: FE Q across the subgroup estimates (each subgroup here has one
  # study, so its estimate and SE are the study's) = rma(est_g, sei = se_g, method = "FE")$QE.
  if (length(unique(g$subgroup)) > 1) {
    sub <- lapply(unique(g$subgroup), function(s) rma(g$difference[g$subgroup == s], sei = g$sei[g$subgroup == s], method = "REML"))
    between <- rma(sapply(sub, function(r) c(r$beta)), sei = sapply(sub, function(r) r$se), method = "FE")
    out$subgroupTest <- list(groups = unique(g$subgroup), q = between$QE, df = between$k - 1, pValue = between$QEp, i2 = between$I2)
  }
  groups[[length(groups) + 1]] <- out
}

# Share of the REML predictive distribution beyond the PSEQ MCID (5.5 points, higher is better):
# P(theta_new > 5.5) with theta_new ~ N(mu, se^2 + tau^2) (metafor's predict() rule for test "z").
pseq <- d[d$outcome == "pseq", ]
re <- rma(pseq$difference, sei = pseq$sei, method = "REML")
probabilityBeyondMcid <- list(outcome = "pseq", time = "9m", mcid = 5.5,
  probability = pnorm(5.5, c(re$beta), sqrt(re$se^2 + re$tau2), lower.tail = FALSE))

write_fixture(list(groups = groups, probabilityBeyondMcid = probabilityBeyondMcid),
              "test/reference/meta-cli-selfback.json")
