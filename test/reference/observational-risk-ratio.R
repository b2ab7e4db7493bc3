# Reference for the relative and absolute effects of a registry's yes/no outcome
# (docs/observational.md, "Relative and absolute effects of yes/no outcomes";
# src/observational/marginal-risks.ts): per estimand (ATE, ATT, ATO) the weighted regression's and
# AIPW's adjusted risks with and without the exposure, their (co)variances, the risk ratio and its
# log-scale delta-method 95% CI, on test/fixtures/observational/opioid-registry.csv.
#
# Weighted regression: lm(y ~ a + confounders, weights = w) with sandwich::vcovHC(type = "HC0") —
# the model and SE hta's risk difference is documented to equal (reproduced here first: `rd`,
# `rdSe`) — then g-computation: the mean prediction with a set to 1 and to 0 over the estimand's
# population (all patients for ATE, the exposed for ATT, weighted by the overlap weights for ATO:
# WeightIt's est_effect / marginaleffects::avg_predictions with wts), and the delta method by hand
# with that vcov: Cov(mu_a, mu_b) = c_a' V c_b, Var(log RR) = g' V g, g = c1/mu1 - c0/mu0.
# AIPW (ATE, ATT): each arm's augmented mean and the (co)variances of their influence functions.
# The data were made here (set.seed(29)) and written to the fixture once; the script reads the fixture.
# Run from the repository root:  Rscript test/reference/observational-risk-ratio.R
suppressPackageStartupMessages({ library(jsonlite); library(sandwich) })
fixture <- "test/fixtures/observational/opioid-registry.csv"
if (!file.exists(fixture)) {
  set.seed(29); n <- 600
  age <- round(rnorm(n, 55, 12)); sex <- sample(c("K", "M"), n, TRUE)
  henviser <- sample(c("gp", "hospital", "physio"), n, TRUE, prob = c(0.5, 0.3, 0.2))
  a <- rbinom(n, 1, plogis(0.3 - 0.03 * (age - 55) + 0.4 * (sex == "K") - 0.6 * (henviser == "hospital")))
  ev <- rbinom(n, 1, plogis(-1.2 - 0.5 * a + 0.03 * (age - 55) + 0.5 * (henviser == "hospital")))
  d <- data.frame(id = sprintf("R%03d", 1:n), app = ifelse(a == 1, "Ja", "Nej"), age, sex, henviser, opioid_3m = ifelse(ev == 1, "Ja", "Nej"))
  write.csv(d, fixture, row.names = FALSE)
}
d <- read.csv(fixture, stringsAsFactors = FALSE)
d$a <- as.numeric(d$app == "Ja"); d$y <- as.numeric(d$opioid_3m == "Ja")
d$sex <- factor(d$sex, levels = sort(unique(d$sex))); d$henviser <- factor(d$henviser, levels = sort(unique(d$henviser)))
a <- d$a; y <- d$y; n <- nrow(d)
e <- fitted(glm(a ~ age + sex + henviser, family = binomial, data = d, control = glm.control(epsilon = 1e-14, maxit = 100)))
z <- qnorm(0.975)
rr <- function(mu1, mu0, v11, v00, v10) {
  se <- sqrt(v11 / mu1^2 + v00 / mu0^2 - 2 * v10 / (mu1 * mu0))
  list(estimate = mu1 / mu0, ciLower = exp(log(mu1 / mu0) - z * se), ciUpper = exp(log(mu1 / mu0) + z * se), seLog = se)
}
out <- list(source = "test/reference/observational-risk-ratio.R", n = list(exposed = sum(a), unexposed = sum(1 - a)), estimands = list())
for (estimand in c("ATE", "ATT", "ATO")) {
  w <- switch(estimand, ATE = ifelse(a == 1, 1 / e, 1 / (1 - e)), ATT = ifelse(a == 1, 1, e / (1 - e)), ATO = ifelse(a == 1, 1 - e, e))
  fit <- lm(y ~ a + age + sex + henviser, data = d, weights = w)
  V <- vcovHC(fit, type = "HC0")
  s <- switch(estimand, ATE = rep(1, n), ATT = a, ATO = w)
  X1 <- model.matrix(fit); X1[, "a"] <- 1
  X0 <- X1; X0[, "a"] <- 0
  c1 <- colSums(s * X1) / sum(s); c0 <- colSums(s * X0) / sum(s)
  mu1 <- sum(c1 * coef(fit)); mu0 <- sum(c0 * coef(fit))
  v11 <- drop(t(c1) %*% V %*% c1); v00 <- drop(t(c0) %*% V %*% c0); v10 <- drop(t(c1) %*% V %*% c0)
  rows <- list(list(method = "weighted-regression", rd = coef(fit)[["a"]], rdSe = sqrt(V["a", "a"]),
                    risks = list(exposed = mu1, unexposed = mu0, varExposed = v11, varUnexposed = v00, covariance = v10),
                    riskRatio = rr(mu1, mu0, v11, v00, v10)))
  if (estimand != "ATO") {
    f <- y ~ age + sex + henviser
    m0 <- predict(lm(f, data = d[a == 0, ]), newdata = d)
    if (estimand == "ATE") {
      m1 <- predict(lm(f, data = d[a == 1, ]), newdata = d)
      t1 <- m1 + a * (y - m1) / e; t0 <- m0 + (1 - a) * (y - m0) / (1 - e)
      mu1 <- mean(t1); mu0 <- mean(t0)
      p1 <- t1 - mu1; p0 <- t0 - mu0
      psi <- t1 - t0; rdSe <- sqrt(sum((psi - mean(psi))^2)) / n
      v11 <- sum(p1^2) / n^2; v00 <- sum(p0^2) / n^2; v10 <- sum(p1 * p0) / n^2
    } else {
      n1 <- sum(a); odds <- e / (1 - e)
      t1 <- a * y; t0 <- ifelse(a == 1, m0, odds * (y - m0))
      mu1 <- sum(t1) / n1; mu0 <- sum(t0) / n1
      p1 <- (t1 - a * mu1) * n / n1; p0 <- (t0 - a * mu0) * n / n1
      v11 <- sum(p1^2) / n^2; v00 <- sum(p0^2) / n^2; v10 <- sum(p1 * p0) / n^2
      tau <- mu1 - mu0
      r <- y - m0
      phi <- (ifelse(a == 1, r - tau, -odds * r)) * n / n1; rdSe <- sqrt(sum(phi^2)) / n
    }
    rows[[2]] <- list(method = "aipw", rd = mu1 - mu0, rdSe = rdSe,
                      risks = list(exposed = mu1, unexposed = mu0, varExposed = v11, varUnexposed = v00, covariance = v10),
                      riskRatio = rr(mu1, mu0, v11, v00, v10))
  }
  out$estimands[[estimand]] <- rows
}
write_json(out, "test/reference/observational-risk-ratio.json", auto_unbox = TRUE, digits = NA, pretty = TRUE)
cat("wrote test/reference/observational-risk-ratio.json\n")
