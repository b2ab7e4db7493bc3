# Fixture for src/observational/: propensity scores (glm binomial), ATE/ATT/ATO weights, the
# crude and weighted-regression estimates with HC0 sandwich SEs (lm + sandwich::vcovHC), AIPW by
# its formula, SMDs and variance ratios as cobalt defines them (by hand), and E-values by the
# published formulas (VanderWeele & Ding 2017), on the synthetic registry
# test/fixtures/observational/registry-300.csv (hta simulate registry-outcomes --patients 300 --seed 7).
# Run from the repository root:  Rscript test/reference/observational.R
suppressPackageStartupMessages({ library(jsonlite); library(sandwich); library(survey) })

d0 <- read.csv("test/fixtures/observational/registry-300.csv", stringsAsFactors = FALSE)
z <- qnorm(0.975)

evalue_rr <- function(rr) { r <- ifelse(rr < 1, 1 / rr, rr); r + sqrt(r * (r - 1)) }
evalue <- function(rr, lo, hi) {
  ci <- if (lo <= 1 && hi >= 1) 1 else evalue_rr(if (rr > 1) lo else hi)
  list(riskRatio = ifelse(rr < 1, 1 / rr, rr), estimate = evalue_rr(rr), ciLimit = ci)
}
wvar <- function(x, w) { m <- sum(w * x) / sum(w); sum(w) / (sum(w)^2 - sum(w^2)) * sum(w * (x - m)^2) }

run <- function(outcome, estimand, trim = NULL, truncate = NULL) {
  d <- d0[!is.na(d0$age) & !is.na(d0$rmdq_baseline) & !is.na(d0$rmdq_3m), ]
  d$a <- as.numeric(d$app == "Ja")
  d$sex <- factor(d$sex); d$referrer <- factor(d$referrer)
  d$y <- if (outcome == "rmdq") d$rmdq_3m else as.numeric(d$rmdq_baseline - d$rmdq_3m >= 0.3 * abs(d$rmdq_baseline) - 1e-9 & d$rmdq_baseline != 0)
  ps_fit <- glm(a ~ age + sex + referrer + rmdq_baseline, family = binomial, data = d, control = glm.control(epsilon = 1e-14, maxit = 100))
  coefs <- unname(coef(ps_fit))
  d$e <- fitted(ps_fit)
  n_before <- nrow(d)
  if (!is.null(trim)) d <- d[d$e >= trim & d$e <= 1 - trim, ]
  e <- d$e; a <- d$a
  w <- switch(estimand, ATE = ifelse(a == 1, 1 / e, 1 / (1 - e)), ATT = ifelse(a == 1, 1, e / (1 - e)), ATO = ifelse(a == 1, 1 - e, e))
  # The truncation cap is the mean of the k = 5 (the plan's suppression threshold) sorted weights
  # nearest R's type-7 position, never one patient's weight (docs/observational.md, "Small
  # counts"); R's plain quantile is kept beside it to show how little they differ.
  cap <- NA; quantileCap <- NA
  if (!is.null(truncate)) {
    k <- 5; ws <- sort(w); n <- length(ws); h <- (n - 1) * truncate
    start <- min(max(floor(h - (k - 1) / 2 + 0.5), 0), n - k)  # 0-based; JS Math.round, as src/observational/score-quantiles.ts
    cap <- mean(ws[(start + 1):(start + k)])
    quantileCap <- unname(quantile(w, truncate, type = 7))
    w <- pmin(w, cap)
  }
  d$w <- w
  crude <- lm(y ~ a, data = d)
  wr <- lm(y ~ a + rmdq_baseline + age + sex + referrer, data = d, weights = w)
  crude_se <- sqrt(vcovHC(crude, type = "HC0")["a", "a"])
  wr_se <- sqrt(vcovHC(wr, type = "HC0")["a", "a"])
  est <- list(crude = c(coef(crude)[["a"]], crude_se), wr = c(coef(wr)[["a"]], wr_se))
  # A yes/no outcome's adjusted rows: the ratio of the adjusted (standardised) risks with its
  # log-scale delta-method CI (as test/reference/observational-risk-ratio.R), whose E-value the row
  # carries — the RR the page's yes/no table prints (src/observational/e-value.ts).
  rrs <- list()
  rr_ci <- function(mu1, mu0, v11, v00, v10) {
    se <- sqrt(v11 / mu1^2 + v00 / mu0^2 - 2 * v10 / (mu1 * mu0))
    c(mu1 / mu0, exp(log(mu1 / mu0) - z * se), exp(log(mu1 / mu0) + z * se))
  }
  if (outcome != "rmdq") {
    V <- vcovHC(wr, type = "HC0"); s_ <- switch(estimand, ATE = rep(1, nrow(d)), ATT = d$a, ATO = w)
    X1 <- model.matrix(wr); X1[, "a"] <- 1; X0 <- X1; X0[, "a"] <- 0
    c1 <- colSums(s_ * X1) / sum(s_); c0 <- colSums(s_ * X0) / sum(s_)
    rrs$wr <- rr_ci(sum(c1 * coef(wr)), sum(c0 * coef(wr)), drop(t(c1) %*% V %*% c1), drop(t(c0) %*% V %*% c0), drop(t(c1) %*% V %*% c0))
  }
  # The same model as survey::svyglm with the weights as sampling weights: same estimate; its SE
  # is the HC0 SE times sqrt(n / (n - 1)) (the design-based small-sample factor).
  sv <- svyglm(y ~ a + rmdq_baseline + age + sex + referrer, design = svydesign(ids = ~1, weights = ~w, data = d))
  svy <- list(estimate = coef(sv)[["a"]], se = sqrt(vcov(sv)["a", "a"]))
  if (estimand != "ATO") {
    f <- y ~ rmdq_baseline + age + sex + referrer
    m0 <- predict(lm(f, data = d[d$a == 0, ]), newdata = d)
    m1 <- predict(lm(f, data = d[d$a == 1, ]), newdata = d)
    y <- d$y; n <- nrow(d)
    if (estimand == "ATE") {
      psi <- m1 - m0 + a * (y - m1) / e - (1 - a) * (y - m0) / (1 - e)
      tau <- mean(psi); se <- sqrt(sum((psi - tau)^2)) / n
      t1 <- m1 + a * (y - m1) / e; t0 <- m0 + (1 - a) * (y - m0) / (1 - e)
      p1 <- t1 - mean(t1); p0 <- t0 - mean(t0); mu1 <- mean(t1); mu0 <- mean(t0)
    } else {
      n1 <- sum(a); r <- y - m0; odds <- e / (1 - e)
      tau <- sum(ifelse(a == 1, r, -odds * r)) / n1
      phi <- ifelse(a == 1, r - tau, -odds * r) * n / n1
      se <- sqrt(sum(phi^2)) / n
      t1 <- a * y; t0 <- ifelse(a == 1, m0, odds * (y - m0))
      mu1 <- sum(t1) / n1; mu0 <- sum(t0) / n1
      p1 <- (t1 - a * mu1) * n / n1; p0 <- (t0 - a * mu0) * n / n1
    }
    est$aipw <- c(tau, se)
    if (outcome != "rmdq") rrs$aipw <- rr_ci(mu1, mu0, sum(p1^2) / n^2, sum(p0^2) / n^2, sum(p1 * p0) / n^2)
  }
  # E-values: continuous via d = diff / pooled SD at follow-up; RD via RR = (p0 + RD) / p0 with p0 the weighted control mean.
  sdp <- sqrt((sum((d$y[a == 1] - mean(d$y[a == 1]))^2) + sum((d$y[a == 0] - mean(d$y[a == 0]))^2)) / (nrow(d) - 2))
  p0w <- sum(w[a == 0] * d$y[a == 0]) / sum(w[a == 0])
  p0 <- mean(d$y[a == 0])
  effects <- lapply(names(est), function(m) {
    b <- est[[m]][1]; s <- est[[m]][2]; lo <- b - z * s; hi <- b + z * s
    ev <- if (outcome == "rmdq") evalue(exp(0.91 * b / sdp), exp(0.91 * lo / sdp), exp(0.91 * hi / sdp)) else if (m != "crude") evalue(rrs[[m]][1], rrs[[m]][2], rrs[[m]][3]) else {
      q <- if (m == "crude") p0 else p0w
      evalue((q + b) / q, max((q + lo) / q, 1e-12), max((q + hi) / q, 1e-12))
    }
    list(method = c(crude = "crude", wr = "weighted-regression", aipw = "aipw")[[m]], estimate = b, se = s, ciLower = lo, ciUpper = hi, pValue = 2 * pnorm(-abs(b / s)), eValue = ev)
  })
  # Balance as cobalt (binary = "std"; s.d.denom pooled, or treated for ATT), by hand.
  terms <- list(age = list(x = d$age, bin = FALSE))
  for (lv in levels(d$sex)) terms[[paste0("sex=", lv)]] <- list(x = as.numeric(d$sex == lv), bin = TRUE)
  for (lv in levels(d$referrer)) terms[[paste0("referrer=", lv)]] <- list(x = as.numeric(d$referrer == lv), bin = TRUE)
  terms$baseline <- list(x = d$rmdq_baseline, bin = FALSE)
  balance <- lapply(names(terms), function(t) {
    x <- terms[[t]]$x; bin <- terms[[t]]$bin
    v1 <- if (bin) mean(x[a == 1]) * (1 - mean(x[a == 1])) else var(x[a == 1])
    v0 <- if (bin) mean(x[a == 0]) * (1 - mean(x[a == 0])) else var(x[a == 0])
    s <- if (estimand == "ATT") sqrt(v1) else sqrt((v1 + v0) / 2)
    wm <- function(g) sum(w[a == g] * x[a == g]) / sum(w[a == g])
    list(term = t, smdBefore = (mean(x[a == 1]) - mean(x[a == 0])) / s, smdAfter = (wm(1) - wm(0)) / s,
         varianceRatioBefore = if (bin) NULL else var(x[a == 1]) / var(x[a == 0]),
         varianceRatioAfter = if (bin) NULL else wvar(x[a == 1], w[a == 1]) / wvar(x[a == 0], w[a == 0]))
  })
  ess <- function(v) sum(v)^2 / sum(v^2)
  list(outcome = outcome, estimand = estimand, trim = trim, truncate = truncate,
       n = list(exposed = sum(a), unexposed = sum(1 - a)), trimmed = n_before - nrow(d),
       psCoefficients = coefs, ess = list(exposed = ess(w[a == 1]), unexposed = ess(w[a == 0])), truncatedAt = cap, quantileCap = quantileCap,
       effects = effects, balance = balance, svyglm = svy)
}

cases <- list(
  run("rmdq", "ATE"), run("rmdq", "ATT"), run("rmdq", "ATO"),
  run("rmdq30", "ATE"), run("rmdq", "ATE", trim = 0.3, truncate = 0.95), run("rmdq30", "ATT", trim = 0.3)
)
write_json(list(source = "test/reference/observational.R", cases = cases), "test/reference/observational.json", auto_unbox = TRUE, digits = NA, pretty = TRUE, null = "null", na = "null")
cat("wrote test/reference/observational.json\n")
