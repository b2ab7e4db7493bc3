# Fixture for src/stats/meta/*: stroke-unit trials (Normand 1999, Stat Med 18:321-359,
# doi:10.1002/(SICI)1097-0258(19990215)18:3<321::AID-SIM28>3.0.CO;2-P), metafor's
# dat.normand1999 (length of stay, days), as in ?dat.normand1999 and metafor's
# test_analysis_example_normand1999.r. MD and Hedges' g (escalc "SMD", vtype "LS").
# Run from the repository root:  Rscript test/reference/meta-normand1999.R
source("test/reference/meta-common.R")
d <- dat.normand1999
arms <- lapply(seq_len(nrow(d)), function(i) list(
  label = as.character(d$source[i]),
  n1 = d$n1i[i], m1 = d$m1i[i], sd1 = d$sd1i[i], n2 = d$n2i[i], m2 = d$m2i[i], sd2 = d$sd2i[i]))

md <- escalc("MD", m1i = m1i, sd1i = sd1i, n1i = n1i, m2i = m2i, sd2i = sd2i, n2i = n2i, data = d)
smd <- escalc("SMD", m1i = m1i, sd1i = sd1i, n1i = n1i, m2i = m2i, sd2i = sd2i, n2i = n2i, data = d)

# Hedges' exact small-sample factor J(m) = Gamma(m/2) / (sqrt(m/2) Gamma((m-1)/2)).
ms <- c(2, 3, 4, 5, 10, 28, 100, 1000, 1e5, 1e7)
hedgesJ <- lapply(ms, function(m) list(m = m, j = metafor:::.cmicalc(m)))

fits <- c(fit_grid("normand MD", md$yi, md$vi), fit_grid("normand SMD", smd$yi, smd$vi))

# Single study: metafor reports yi with a z interval from vi and tau^2 = 0.
single <- rma(md$yi[1], md$vi[1], method = "REML")
k1 <- list(yi = md$yi[1], vi = md$vi[1], estimate = unname(c(single$beta)), se = single$se,
           ciLower = single$ci.lb, ciUpper = single$ci.ub, pValue = single$pval)

# Effect from a reported 95% CI on the difference scale (se = width / (2 qnorm(0.975))),
# and from a CI on the ratio scale (logged first).
fromCi <- list(
  list(scale = "identity", estimate = -20, lower = -32.5, upper = -7.5, confLevel = 0.95,
       yi = -20, vi = ((-7.5 - -32.5) / (2 * qnorm(0.975)))^2),
  list(scale = "ratio", estimate = 0.7, lower = 0.5, upper = 0.98, confLevel = 0.95,
       yi = log(0.7), vi = ((log(0.98) - log(0.5)) / (2 * qnorm(0.975)))^2),
  list(scale = "ratio", estimate = 1.3, lower = 1.05, upper = 1.61, confLevel = 0.9,
       yi = log(1.3), vi = ((log(1.61) - log(1.05)) / (2 * qnorm(0.95)))^2))

write_fixture(list(arms = arms,
                   md = list(yi = unname(as.numeric(md$yi)), vi = unname(as.numeric(md$vi))),
                   smd = list(yi = unname(as.numeric(smd$yi)), vi = unname(as.numeric(smd$vi))),
                   hedgesJ = hedgesJ, fits = fits, single = k1, fromCi = fromCi),
              "test/reference/meta-normand1999.json")
