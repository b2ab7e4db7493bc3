# Fixture for src/meta/shared-control.ts: a three-arm trial (Kim 2024: app A, app B, one usual-care
# arm) beside three two-arm trials, RMDQ at 3 months (test/fixtures/meta-typed/three1.csv). The two
# app arms combined into one (Cochrane Handbook v6, Table 6.5.a, §23.3.4), then MD pooled by
# metafor (REML, z); and the same rows pooled with the control counted twice, for contrast.
# Run from the repository root:  Rscript test/reference/meta-shared-control.R
source("test/reference/meta-common.R")
d <- read.csv("test/fixtures/meta-typed/three1.csv", check.names = FALSE)
kim <- d[d$study == "Kim 2024", ]
n1 <- kim$n_intervention[1]; m1 <- kim$mean_intervention[1]; s1 <- kim$sd_intervention[1]
n2 <- kim$n_intervention[2]; m2 <- kim$mean_intervention[2]; s2 <- kim$sd_intervention[2]
N <- n1 + n2
M <- (n1 * m1 + n2 * m2) / N
S <- sqrt(((n1 - 1) * s1^2 + (n2 - 1) * s2^2 + n1 * n2 / N * (m1 - m2)^2) / (N - 1))
comb <- rbind(d[d$study != "Kim 2024", ], data.frame(study = "Kim 2024", outcome = "rmdq", time = "3m",
  n_intervention = N, mean_intervention = M, sd_intervention = S,
  n_control = kim$n_control[1], mean_control = kim$mean_control[1], sd_control = kim$sd_control[1], check.names = FALSE))
es <- escalc("MD", m1i = mean_intervention, sd1i = sd_intervention, n1i = n_intervention,
             m2i = mean_control, sd2i = sd_control, n2i = n_control, data = comb)
res <- rma(yi, vi, data = es, method = "REML")
twice <- escalc("MD", m1i = mean_intervention, sd1i = sd_intervention, n1i = n_intervention,
                m2i = mean_control, sd2i = sd_control, n2i = n_control, data = d)
res2 <- rma(yi, vi, data = twice, method = "REML")
out <- list(
  combined = list(n = N, mean = M, sd = S),
  studies = as.character(comb$study),
  pooled = list(estimate = unname(c(res$beta)), ciLower = res$ci.lb, ciUpper = res$ci.ub, tau2 = res$tau2,
                weights = unname(weights(res)), nTotal = sum(comb$n_intervention + comb$n_control)),
  controlTwice = list(estimate = unname(c(res2$beta)), ciLower = res2$ci.lb, ciUpper = res2$ci.ub,
                      weights = unname(weights(res2)), nTotal = sum(d$n_intervention + d$n_control))
)
writeLines(toJSON(out, digits = NA, auto_unbox = TRUE, pretty = TRUE), "test/reference/meta-shared-control.json")
