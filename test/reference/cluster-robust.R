# Fixture for cluster-robust.ts and the cluster-randomised ANCOVA (ancova.ts with clusters):
# lm() with sandwich::vcovCL(fit, cluster = ~g, type = "HC1") (CR1: G/(G-1) * (N-1)/(N-K)),
# and the t interval on G - 1 df computed here from that covariance (lmtest is not needed).
# Run from the repository root:  Rscript test/reference/cluster-robust.R
suppressPackageStartupMessages({ library(jsonlite); library(sandwich) })

set.seed(20261204)
# A cluster-randomised trial: 14 practices of 3 to 25 patients, 7 per arm; practice effects
# (ICC about 0.3) shared by baseline and follow-up; a categorical and a numeric covariate.
G <- 14
size <- sample(3:25, G, replace = TRUE)
g <- rep(sprintf("praksis%02d", seq_len(G)), size)
arm <- rep(rep(c(1, 0), length.out = G), size)
u <- rep(rnorm(G, 0, 1.2), size)
n <- length(g)
sex <- sample(c("K", "M"), n, replace = TRUE)
age <- round(rnorm(n, 50, 15))
baseline <- round(pmin(10, pmax(0, 6 + u + rnorm(n, 0, 1.5))))
followUp <- 0.5 * baseline + 2 - 0.7 * arm + u + 0.01 * age + 0.3 * (sex == "M") + rnorm(n, 0, 1.5)
event <- as.numeric(followUp < 4)

robust <- function(fit, conf) {
  V <- vcovCL(fit, cluster = ~g, type = "HC1")
  df <- length(unique(g)) - 1
  est <- coef(fit); se <- sqrt(diag(V)); q <- qt(1 - (1 - conf) / 2, df)
  lapply(names(est), function(term) list(
    term = term, estimate = unname(est[term]), se = unname(se[term]),
    statistic = unname(est[term] / se[term]), pValue = 2 * pt(-abs(unname(est[term] / se[term])), df),
    ciLower = unname(est[term] - q * se[term]), ciUpper = unname(est[term] + q * se[term])))
}

d <- data.frame(g = g, arm = arm, baseline = baseline, followUp = followUp, sex = factor(sex, levels = c("K", "M")), age = age, event = event)
cases <- list()
for (conf in c(0.95, 0.9)) {
  cases[[length(cases) + 1]] <- list(label = "ancova", confLevel = conf, formula = "followUp ~ arm + baseline + sex + age",
    df = G - 1, coefficients = robust(lm(followUp ~ arm + baseline + sex + age, data = d), conf))
  cases[[length(cases) + 1]] <- list(label = "difference", confLevel = conf, formula = "followUp ~ arm",
    df = G - 1, coefficients = robust(lm(followUp ~ arm, data = d), conf))
  cases[[length(cases) + 1]] <- list(label = "risk difference", confLevel = conf, formula = "event ~ arm",
    df = G - 1, coefficients = robust(lm(event ~ arm, data = d), conf))
}
out <- list(
  generated_by = "test/reference/cluster-robust.R",
  r_version = R.version.string, sandwich_version = as.character(packageVersion("sandwich")),
  data = list(cluster = g, arm = arm, baseline = baseline, followUp = followUp, sex = sex, age = age, event = event),
  cases = cases)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), "test/reference/cluster-robust.json")
