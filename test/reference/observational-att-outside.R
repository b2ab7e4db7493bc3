# Fixture for ATT with a confounder level only non-users have (referrer "chiro": 6 non-users, no
# user): not a positivity violation for the effect among the users. R's glm on every patient
# drives those non-users' scores to 0 (a warning, a coefficient near −20) and their ATT weights
# e/(1 − e) with them; hta takes the limit: the propensity model and the weighted regression are
# fitted without them, their score is 0, and AIPW's control outcome model keeps them (its
# indicator of "chiro" included), as R's fit on every patient does. Both are written here: the
# limit, exactly as hta computes it, and R's fit on every patient, which agrees to ~1e-7.
# Data: test/fixtures/observational/registry-att-outside.csv (a registry with a "chiro" level given
# to non-users only). Run from the repository root:  Rscript test/reference/observational-att-outside.R
suppressPackageStartupMessages({ library(jsonlite); library(sandwich) })
d <- read.csv("test/fixtures/observational/registry-att-outside.csv", stringsAsFactors = FALSE)
d <- d[complete.cases(d[, c("age", "sex", "referrer", "rmdq_baseline", "rmdq_3m")]), ]
d$a <- as.numeric(d$app == "Ja"); d$y <- d$rmdq_3m; d$sex <- factor(d$sex); d$referrer <- factor(d$referrer)
out <- d$referrer == "chiro"
stopifnot(sum(d$a[out]) == 0)
att <- function(e, fit_rows) {
  w <- ifelse(d$a == 1, 1, e / (1 - e))
  di <- d[fit_rows, ]; di$referrer <- droplevels(di$referrer); di$w <- w[fit_rows]
  wr <- lm(y ~ a + rmdq_baseline + age + sex + referrer, data = di, weights = w)
  m0 <- predict(lm(y ~ rmdq_baseline + age + sex + referrer, data = d[d$a == 0, ]), newdata = d)
  a <- d$a; n1 <- sum(a); r <- d$y - m0; odds <- e / (1 - e); n <- nrow(d)
  tau <- sum(ifelse(a == 1, r, -odds * r)) / n1
  phi <- ifelse(a == 1, r - tau, -odds * r) * n / n1
  list(n = list(exposed = sum(a), unexposed = sum(1 - a)), outsideUnexposed = sum(out),
       essUnexposed = sum(w[a == 0])^2 / sum(w[a == 0]^2),
       weightedRegression = list(estimate = coef(wr)[["a"]], se = sqrt(vcovHC(wr, type = "HC0")["a", "a"])),
       aipw = list(estimate = tau, se = sqrt(sum(phi^2)) / n))
}
# The limit (hta): fitted without the outside non-users, their score 0.
di <- d[!out, ]; di$referrer <- droplevels(di$referrer)
e <- numeric(nrow(d)); e[!out] <- fitted(glm(a ~ age + sex + referrer + rmdq_baseline, family = binomial, data = di, control = glm.control(epsilon = 1e-14, maxit = 100)))
limit <- att(e, !out)
# R on every patient: glm separates "chiro" (fitted probabilities numerically 0), weights ~0.
ef <- suppressWarnings(fitted(glm(a ~ age + sex + referrer + rmdq_baseline, family = binomial, data = d)))
full <- att(ef, rep(TRUE, nrow(d)))
write_json(list(source = "test/reference/observational-att-outside.R", limit = limit, everyPatient = full),
           "test/reference/observational-att-outside.json", auto_unbox = TRUE, digits = NA, pretty = TRUE)
cat("wrote test/reference/observational-att-outside.json\n")
