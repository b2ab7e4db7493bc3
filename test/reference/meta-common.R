# Shared helpers for the meta-analysis fixtures (test/reference/meta-*.R).
# Sourced by meta-bcg.R, meta-normand1999.R and meta-zero-cells.R; writes nothing itself.
suppressPackageStartupMessages({ library(metafor); library(jsonlite) })

na_null <- function(x) if (length(x) == 0 || is.null(x) || is.na(x)) NULL else unname(x)

# One rma.uni fit as plain numbers, plus predict() and weights().
fit_case <- function(label, yi, vi, method, test = "z", level = 95) {
  res <- rma(yi, vi, method = method, test = test, level = level)
  pr <- predict(res)
  list(
    label = label, yi = unname(as.numeric(yi)), vi = unname(as.numeric(vi)),
    method = method, test = test, confLevel = level / 100,
    estimate = unname(c(res$beta)), se = res$se, ciLower = res$ci.lb, ciUpper = res$ci.ub,
    statistic = res$zval, pValue = res$pval, df = na_null(res$ddf),
    tau2 = res$tau2, tau2Se = na_null(res$se.tau2),
    q = res$QE, qPValue = res$QEp, i2 = res$I2, h2 = res$H2,
    weights = unname(weights(res)),
    piLower = pr$pi.lb, piUpper = pr$pi.ub
  )
}

# The standard grid: FE, DL, REML, PM, each with test = "z" and "knha" (FE only "z").
fit_grid <- function(prefix, yi, vi) {
  out <- list(fit_case(paste(prefix, "FE"), yi, vi, "FE"))
  for (m in c("DL", "REML", "PM")) {
    out <- c(out, list(fit_case(paste(prefix, m, "z"), yi, vi, m, "z"),
                       fit_case(paste(prefix, m, "knha"), yi, vi, m, "knha")))
  }
  out
}

mh_case <- function(label, ai, n1i, ci, n2i, measure) {
  res <- rma.mh(ai = ai, n1i = n1i, ci = ci, n2i = n2i, measure = measure)
  list(
    label = label, measure = measure,
    eventsIntervention = ai, nIntervention = n1i, eventsControl = ci, nControl = n2i,
    estimate = unname(c(res$beta)), se = res$se, ciLower = res$ci.lb, ciUpper = res$ci.ub,
    statistic = res$zval, pValue = res$pval,
    q = res$QE, qPValue = res$QEp, i2 = res$I2, h2 = res$H2, kPooled = res$k.yi
  )
}

write_fixture <- function(x, path) {
  write_json(c(list(generatedBy = sub("json$", "R", path),
                    metafor = as.character(packageVersion("metafor"))), x),
             path, digits = NA, auto_unbox = TRUE, pretty = TRUE, null = "null", na = "null")
}
