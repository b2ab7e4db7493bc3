# Fixture for weight truncation under ATT (plan "estimand": "ATT", "truncate": 0.9): the cap is
# the 0.9 quantile of the non-users' weights e/(1 − e) only — the users' weights are 1 and are not
# capped, as R WeightIt's trim() leaves the focal group alone — taken as hta takes every published
# quantile: the mean of the k = 5 (suppression threshold) sorted weights nearest R's type-7
# position (docs/observational.md, step 2; WeightIt is not needed: the rule is written out here).
# R's plain quantiles (type 7, and type 3 as WeightIt's trim() takes them) are kept beside it, and
# the old cap (the window over all weights, users' 1s included) to show what changed.
# Data: test/fixtures/observational/registry-att-600.csv, made by
#   set.seed(8); n <- 600; age <- round(rnorm(n, 50, 12)); sex <- sample(c("K","M"), n, TRUE)
#   referrer <- sample(c("gp","hospital","physio"), n, TRUE, prob=c(.6,.25,.15))
#   rb <- pmin(24, pmax(0, round(rnorm(n, 12, 5))))
#   lp <- -0.3 - 0.12*(age-50) + 0.5*(sex=="K") + 1.2*(referrer=="gp") - 0.1*(rb-12); a <- rbinom(n, 1, plogis(lp))
#   r3 <- pmin(24, pmax(0, round(rb*0.7 + 0.05*(age-50) - 2*a + rnorm(n,0,3))))
#   data.frame(id=sprintf("Q%04d",1:n), app=ifelse(a==1,"Ja","Nej"), age, sex, referrer, rmdq_baseline=rb, rmdq_3m=r3)
# Run from the repository root:  Rscript test/reference/observational-truncation-att.R
suppressPackageStartupMessages({ library(jsonlite); library(sandwich) })
d <- read.csv("test/fixtures/observational/registry-att-600.csv", stringsAsFactors = FALSE)
d$a <- as.numeric(d$app == "Ja"); d$sex <- factor(d$sex); d$referrer <- factor(d$referrer)
q <- 0.9; k <- 5
e <- fitted(glm(a ~ age + sex + referrer + rmdq_baseline, family = binomial, data = d, control = glm.control(epsilon = 1e-14, maxit = 100)))
w <- ifelse(d$a == 1, 1, e / (1 - e))
window <- function(v) {
  s <- sort(v); n <- length(s); h <- (n - 1) * q
  start <- min(max(floor(h - (k - 1) / 2 + 0.5), 0), n - k)  # 0-based; JS Math.round, as src/observational/score-quantiles.ts
  mean(s[(start + 1):(start + k)])
}
w0 <- w[d$a == 0]
cap <- window(w0)
wt <- ifelse(d$a == 1, w, pmin(w, cap))
m <- lm(rmdq_3m ~ a + rmdq_baseline + age + sex + referrer, data = d, weights = wt)
ess <- function(v) sum(v)^2 / sum(v^2)
out <- list(
  source = "test/reference/observational-truncation-att.R", truncate = q,
  n = list(exposed = sum(d$a), unexposed = sum(1 - d$a)),
  cap = cap, quantileType7 = unname(quantile(w0, q, type = 7)), quantileType3 = unname(quantile(w0, q, type = 3)),
  capOverAllWeights = window(w), truncated = sum(w0 > cap),
  ess = list(exposed = ess(wt[d$a == 1]), unexposed = ess(wt[d$a == 0])),
  weightedRegression = list(estimate = coef(m)[["a"]], se = sqrt(vcovHC(m, type = "HC0")["a", "a"]))
)
write_json(out, "test/reference/observational-truncation-att.json", auto_unbox = TRUE, digits = NA, pretty = TRUE)
cat("wrote test/reference/observational-truncation-att.json\n")
