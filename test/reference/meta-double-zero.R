# The revman5 preset leaves a double-zero study (no events in either arm) out of an RR model, as
# RevMan 5 ("Not estimable") and Cochrane Handbook §10.4.4; the metafor preset keeps it with ½
# added to each cell, as escalc's default drop00 = FALSE. metafor 3.8: rma(DL) and rma.mh on the
# four other studies (revman5), rma(REML) on all five with escalc's default (metafor).
# Run: Rscript test/reference/meta-double-zero.R > test/reference/meta-double-zero.json
suppressMessages(library(metafor))
d <- read.csv("test/reference/meta-double-zero.csv", fileEncoding = "UTF-8")
e <- escalc("RR", ai = events_intervention, n1i = n_intervention, ci = events_control, n2i = n_control, data = d)
kept <- e[!(d$events_intervention == 0 & d$events_control == 0), ]
dl <- rma(yi, vi, data = kept, method = "DL")
mh <- rma.mh(ai = events_intervention, n1i = n_intervention, ci = events_control, n2i = n_control, data = kept, measure = "RR")
all <- rma(yi, vi, data = e, method = "REML")
out <- list(
  revman5 = list(k = dl$k, estimate = dl$b[1], se = dl$se, ciLower = dl$ci.lb, ciUpper = dl$ci.ub, tau2 = dl$tau2,
                 q = dl$QE, qDf = dl$k - 1, i2 = dl$I2, weightsRandom = unname(weights(dl)),
                 mhEstimate = mh$b[1], mhSe = mh$se, weightsFixed = unname(weights(mh))),
  metafor = list(k = all$k, estimate = all$b[1], se = all$se, tau2 = all$tau2))
cat(jsonlite::toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), "\n")
