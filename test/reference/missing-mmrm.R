# Fixtures for src/stats/missing/mmrm.ts: nlme::gls with unstructured covariance
# (corSymm + varIdent), REML, and emmeans Satterthwaite df for the arm contrast per visit.
# Run from the repository root:  Rscript test/reference/missing-mmrm.R
suppressPackageStartupMessages({ library(nlme); library(emmeans); library(jsonlite); library(MASS) })

simulate <- function(n, seed, times, sds, rho, effect, intermittent, two_covariates, drop_intercept = -3) {
  set.seed(seed)
  T <- length(times)
  R <- outer(seq_len(T), seq_len(T), function(a, b) rho^abs(a - b) * 0.7 + 0.3 * (a == b) + 0.3 * (a != b) * 0.5)
  Sigma <- diag(sds) %*% R %*% diag(sds)
  arm <- rbinom(n, 1, 0.5)
  sex <- rbinom(n, 1, 0.45)
  age <- round(rnorm(n, 45, 11))
  baseline <- round(rnorm(n, 12, 4), 1)
  mu <- sapply(seq_len(T), function(t) 10 - 0.5 * t + 0.6 * (baseline - 12) - effect[t] * arm + 0.8 * sex +
                 (if (two_covariates) 0.04 * (age - 45) else 0))
  y <- mu + mvrnorm(n, rep(0, T), Sigma)
  # monotone MAR dropout driven by the last observed value
  for (i in seq_len(n)) {
    for (t in seq_len(T)) {
      p <- if (t == 1) 0.05 else plogis(drop_intercept + 0.12 * (y[i, t - 1] - 10))
      if (runif(1) < p) { y[i, t:T] <- NA; break }
    }
  }
  if (intermittent) {
    hole <- matrix(runif(n * T) < 0.06, n, T)
    y[hole] <- NA
  }
  baseline[sample(n, 3)] <- NA
  d <- data.frame(id = rep(sprintf("P%03d", seq_len(n)), each = T),
                  time = rep(times, n), t = rep(seq_len(T), n),
                  arm = rep(arm, each = T), baseline = rep(baseline, each = T),
                  sex = rep(sex, each = T), age = rep(age, each = T),
                  y = as.vector(t(y)))
  d
}

source("test/reference/satterthwaite-numderiv.R")

fit_case <- function(label, d, times, covs) {
  d$time <- factor(d$time, levels = times)
  d$armf <- factor(d$arm, levels = c(0, 1))
  f <- as.formula(paste("y ~ armf * time + baseline * time", paste(c("", covs), collapse = " + ")))
  cc <- d[!is.na(d$y) & !is.na(d$baseline), ]
  # The formula is substituted into the call so that emmeans can re-evaluate it.
  fit <- eval(substitute(
    gls(FORMULA, data = cc, correlation = corSymm(form = ~ t | id),
        weights = varIdent(form = ~ 1 | time), method = "REML",
        control = glsControl(maxIter = 200, msMaxIter = 500, tolerance = 1e-10, msTol = 1e-12,
                             natural = FALSE)),
    list(FORMULA = f)))
  full <- names(which(table(cc$id) == length(times)))[1]
  S <- unclass(getVarCov(fit, individual = full))
  emm <- emmeans(fit, ~ armf | time, mode = "satterthwaite", data = cc)
  con <- summary(contrast(emm, "revpairwise"), infer = c(TRUE, TRUE), level = 0.95)
  X <- model.matrix(f, cc)
  df_check <- satterthwaite_numderiv(cc, X, S, times,
                                     L = sapply(times, function(tt) as.numeric(grepl("^armf1", colnames(X)) &
                                       (colnames(X) == "armf1" | colnames(X) == paste0("armf1:time", tt)))))
  list(
    label = label,
    timeLevels = times,
    covariates = I(covs),
    data = list(id = d$id, time = as.character(d$time), treated = d$arm, baseline = d$baseline,
                y = d$y, sex = d$sex, age = d$age),
    nPatients = length(unique(cc$id)), nObservations = nrow(cc),
    coefficients = as.list(coef(fit)),
    se = as.list(sqrt(diag(vcov(fit)))),
    sigma = S, logLik = as.numeric(logLik(fit)),
    contrasts = lapply(seq_len(nrow(con)), function(j) list(
      time = as.character(con$time[j]), estimate = con$estimate[j], se = con$SE[j], df = con$df[j],
      dfNumDeriv = df_check[j],
      ciLower = con$lower.CL[j], ciUpper = con$upper.CL[j], statistic = con$t.ratio[j], pValue = con$p.value[j]))
  )
}

times <- c("6w", "3m", "6m", "9m")
dA <- simulate(120, 101, times, sds = c(3, 3.5, 4, 4.5), rho = 0.7, effect = c(1, 2, 2.5, 3),
               intermittent = FALSE, two_covariates = FALSE)
dB <- simulate(460, 202, times, sds = c(4, 3.5, 5, 4.2), rho = 0.5, effect = c(0.5, 1, 1.5, 1.5),
               intermittent = TRUE, two_covariates = TRUE)
dC <- simulate(48, 303, times, sds = c(2.5, 3, 4, 6), rho = 0.8, effect = c(1, 1, 2, 2),
               intermittent = FALSE, two_covariates = FALSE, drop_intercept = -1.6)
cases <- list(
  fit_case("A: 120 patients, monotone dropout, sex", dA, times, c("sex")),
  fit_case("B: 460 patients, dropout + intermittent, sex + age", dB, times, c("sex", "age")),
  fit_case("C: 48 patients, heavy monotone dropout, sex", dC, times, c("sex"))
)
write_json(list(generatedBy = "test/reference/missing-mmrm.R",
                nlme = as.character(packageVersion("nlme")), emmeans = as.character(packageVersion("emmeans")),
                cases = cases),
           "test/reference/missing-mmrm.json", digits = NA, auto_unbox = TRUE, na = "null")
