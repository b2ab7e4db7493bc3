# Fixture for src/stats/meta/*: BCG vaccine trials (Colditz et al. 1994, JAMA 271:698-702),
# metafor's dat.bcg, analysed as in metafor's help pages (?dat.bcg, ?rma.uni, ?rma.mh)
# and Viechtbauer (2010), J Stat Softw 36(3), doi:10.18637/jss.v036.i03.
# Run from the repository root:  Rscript test/reference/meta-bcg.R
source("test/reference/meta-common.R")
d <- dat.bcg

effects <- lapply(c("RR", "OR", "RD"), function(m) {
  e <- escalc(measure = m, ai = tpos, bi = tneg, ci = cpos, di = cneg, data = d)
  list(measure = m, yi = unname(as.numeric(e$yi)), vi = unname(as.numeric(e$vi)))
})

fits <- list()
for (m in c("RR", "OR", "RD")) {
  e <- escalc(measure = m, ai = tpos, bi = tneg, ci = cpos, di = cneg, data = d)
  fits <- c(fits, fit_grid(paste("bcg", m), e$yi, e$vi))
}
# A 90% level, to check confLevel is honoured everywhere.
e <- escalc(measure = "RR", ai = tpos, bi = tneg, ci = cpos, di = cneg, data = d)
fits <- c(fits, list(fit_case("bcg RR REML knha level 90", e$yi, e$vi, "REML", "knha", level = 90),
                     fit_case("bcg RR DL z level 90", e$yi, e$vi, "DL", "z", level = 90)))

mh <- lapply(c("RR", "OR", "RD"), function(m)
  mh_case(paste("bcg MH", m), d$tpos, d$tpos + d$tneg, d$cpos, d$cpos + d$cneg, m))

# Subgroups by allocation (random / alternate / systematic): separate tau^2 per subgroup,
# test for subgroup differences = FE Q on the subgroup estimates with their squared SEs.
subgroups <- list()
for (m in c("DL", "REML")) for (test in c("z", "knha")) {
  per <- lapply(split(seq_len(nrow(d)), d$alloc), function(ix) {
    r <- rma(e$yi[ix], e$vi[ix], method = m, test = test)
    list(group = as.character(d$alloc[ix[1]]), k = r$k, estimate = unname(c(r$beta)), se = r$se,
         ciLower = r$ci.lb, ciUpper = r$ci.ub, tau2 = r$tau2)
  })
  est <- sapply(per, `[[`, "estimate"); se <- sapply(per, `[[`, "se")
  between <- rma(est, sei = se, method = "FE")
  subgroups <- c(subgroups, list(list(
    label = paste("bcg RR by alloc", m, test), method = m, test = test,
    yi = unname(as.numeric(e$yi)), vi = unname(as.numeric(e$vi)), group = as.character(d$alloc),
    groups = unname(per), qBetween = between$QE, dfBetween = length(per) - 1, pBetween = between$QEp,
    i2Between = between$I2)))
}

# Probability that a new study's true effect lies beyond a threshold, from the predictive
# distribution that predict() uses for its PI: normal for test = "z", t(k - 1) for "knha".
beyond <- list()
for (test in c("z", "knha")) {
  r <- rma(e$yi, e$vi, method = "REML", test = test)
  s <- sqrt(r$se^2 + r$tau2)
  for (thr in c(log(0.8), log(1), log(0.5))) {
    z <- (thr - c(r$beta)) / s
    below <- if (test == "knha") pt(z, df = r$k - 1) else pnorm(z)
    beyond <- c(beyond, list(list(label = paste("bcg RR REML", test, "threshold", signif(exp(thr), 3)),
      test = test, threshold = thr, below = below, above = 1 - below)))
  }
}

write_fixture(list(effects = effects, fits = fits, mantelHaenszel = mh, subgroups = subgroups,
                   beyond = beyond), "test/reference/meta-bcg.json")
