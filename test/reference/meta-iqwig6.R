# IQWiG General Methods 6's ad hoc variance correction of the Hartung–Knapp interval, as R meta's
# settings.meta("IQWiG6") applies it (metagen, adhoc.hakn.ci = "IQWiG6"): with Paule–Mandel τ²
# and the HK interval, when the HK CI is narrower than the classic DerSimonian–Laird z CI, the SE
# is the classic √(1/Σw) (the same PM weights), the t(k − 1) quantile kept. The prediction
# interval is meta's default method.predict = "V" (metagen: ci(TE.random, sqrt(seTE.classic^2 +
# tau2), k − 1)): the classic SE √(1/Σw), whatever SE the CI uses — not metafor's predict(), which
# takes the HK SE. R meta is not needed: computed here by hand from metafor 3.8 fits.
# rmdq (Q < df, s² < 1): corrected; pain (heterogeneous, PM's s² = 1): HK already wider,
# unchanged (= metafor knha); homogeneous (three trials, τ² = 0, s² = 0.23, HK CI still wider
# than DL's): not corrected, so the CI uses the HK SE while the PI uses √(1/Σw), 1/√s² as wide.
# Run: Rscript test/reference/meta-iqwig6.R > test/reference/meta-iqwig6.json
suppressMessages(library(metafor))
iqwig6 <- function(yi, vi) {
  hk <- rma(yi, vi, method = "PM", test = "knha")
  dl <- rma(yi, vi, method = "DL")
  k <- hk$k
  corrected <- (hk$ci.ub - hk$ci.lb) < (dl$ci.ub - dl$ci.lb)
  se.classic <- sqrt(1 / sum(1 / (vi + hk$tau2)))
  se <- if (corrected) se.classic else hk$se
  crit <- qt(0.975, k - 1)
  fe <- rma(yi, vi, method = "EE")
  list(estimate = hk$b[1], se = se, ciLower = hk$b[1] - crit * se, ciUpper = hk$b[1] + crit * se,
       corrected = corrected, knhaLower = hk$ci.lb, knhaUpper = hk$ci.ub, tau2 = hk$tau2,
       # meta's method.predict = "V": the classic SE, t(k − 1)
       piLower = hk$b[1] - crit * sqrt(se.classic^2 + hk$tau2), piUpper = hk$b[1] + crit * sqrt(se.classic^2 + hk$tau2),
       fixedLower = fe$ci.lb, fixedUpper = fe$ci.ub)
}
d <- read.csv("test/reference/meta-iqwig6.csv", fileEncoding = "UTF-8")
out <- list()
for (o in c("rmdq", "pain")) {
  e <- escalc("MD", m1i = mean_intervention, sd1i = sd_intervention, n1i = n_intervention,
              m2i = mean_control, sd2i = sd_control, n2i = n_control, data = d[d$outcome == o, ])
  out[[o]] <- iqwig6(e$yi, e$vi)
}
# Differences with their 95% CIs: SE = (upper − lower) / (2 × 1.959964), as hta reads them.
h <- read.csv("test/reference/meta-iqwig6-homogeneous.csv", fileEncoding = "UTF-8")
out[["homogeneous"]] <- iqwig6(h$difference, ((h$ci_upper - h$ci_lower) / (2 * qnorm(0.975)))^2)
cat(jsonlite::toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), "\n")
