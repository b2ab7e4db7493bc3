# IQWiG General Methods 6's ad hoc variance correction of the Hartung–Knapp interval, as R meta's
# settings.meta("IQWiG6") applies it (metagen, adhoc.hakn.ci = "IQWiG6"): with Paule–Mandel τ²
# and the HK interval, when the HK CI is narrower than the classic DerSimonian–Laird z CI, the SE
# is the classic √(1/Σw) (the same PM weights), the t(k − 1) quantile kept. R meta is not needed:
# computed here by hand from metafor 3.8 fits. rmdq (Q < df, s² < 1): corrected; pain
# (heterogeneous): HK already wider, unchanged (= metafor knha).
# Run: Rscript test/reference/meta-iqwig6.R > test/reference/meta-iqwig6.json
suppressMessages(library(metafor))
d <- read.csv("test/reference/meta-iqwig6.csv", fileEncoding = "UTF-8")
out <- list()
for (o in c("rmdq", "pain")) {
  e <- escalc("MD", m1i = mean_intervention, sd1i = sd_intervention, n1i = n_intervention,
              m2i = mean_control, sd2i = sd_control, n2i = n_control, data = d[d$outcome == o, ])
  hk <- rma(yi, vi, data = e, method = "PM", test = "knha")
  dl <- rma(yi, vi, data = e, method = "DL")
  k <- hk$k
  width.hk <- hk$ci.ub - hk$ci.lb
  width.dl <- dl$ci.ub - dl$ci.lb
  corrected <- width.hk < width.dl
  se <- if (corrected) sqrt(1 / sum(1 / (e$vi + hk$tau2))) else hk$se
  crit <- qt(0.975, k - 1)
  fe <- rma(yi, vi, data = e, method = "EE")
  out[[o]] <- list(estimate = hk$b[1], se = se, ciLower = hk$b[1] - crit * se, ciUpper = hk$b[1] + crit * se,
                   corrected = corrected, knhaLower = hk$ci.lb, knhaUpper = hk$ci.ub, tau2 = hk$tau2,
                   # the PI as metafor's predict() gives it for a knha fit, with the SE the CI uses
                   piLower = hk$b[1] - crit * sqrt(se^2 + hk$tau2), piUpper = hk$b[1] + crit * sqrt(se^2 + hk$tau2),
                   fixedLower = fe$ci.lb, fixedUpper = fe$ci.ub)
}
cat(jsonlite::toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), "\n")
