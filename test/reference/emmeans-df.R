# The MMRM's Satterthwaite df: hta (= the numDeriv reference) against emmeans, on a synthetic
# REDCap-like trial of 260 patients with four follow-ups and 11–22 % missing per visit
# (test/fixtures/emmeans-df/wide.csv; y1..y4 = 6 weeks, 3, 6 and 9 months; b0 the baseline).
# Backs docs/plan-trial.md#mmrm-degrees-of-freedom: emmeans' df differ by up to about 9 %, from
# run to run, while the CI limits agree to about 0.0005. Run from the repository root:
#   Rscript test/reference/emmeans-df.R   (writes test/reference/emmeans-df.json)
suppressPackageStartupMessages({ library(nlme); library(emmeans); library(jsonlite) })
source("test/reference/satterthwaite-numderiv.R")
w <- read.csv("test/fixtures/emmeans-df/wide.csv", stringsAsFactors = FALSE, na.strings = "")
w$trt <- factor(ifelse(w$arm == 1, "App", "UC"), levels = c("UC", "App"))
w$koen <- factor(w$koen); w$udd <- factor(w$udd)
L <- do.call(rbind, lapply(1:4, function(j) data.frame(id = w$id, trt = w$trt, b0 = w$b0, alder = w$alder, koen = w$koen, udd = w$udd, t = j, y = w[[paste0("y", j)]])))
cc <- L[complete.cases(L), ]; cc$time <- factor(cc$t); cc <- cc[order(cc$id, cc$t), ]
fit <- gls(y ~ trt * time + b0 * time + alder + koen + udd, data = cc, correlation = corSymm(form = ~ t | id), weights = varIdent(form = ~ 1 | time), method = "REML")
X <- model.matrix(~ trt * time + b0 * time + alder + koen + udd, cc)
full <- names(which(table(cc$id) == 4))[1]
S <- as.matrix(getVarCov(fit, individual = full))
b <- coef(fit); V <- vcov(fit)
Lm <- sapply(1:4, function(j) { l <- setNames(rep(0, length(b)), names(b)); l["trtApp"] <- 1; if (j > 1) l[paste0("trtApp:time", j)] <- 1; l })
est <- as.numeric(t(Lm) %*% b); se <- sqrt(diag(t(Lm) %*% V %*% Lm))
df <- satterthwaite_numderiv(cc, X, S, 1:4, Lm)
runs <- lapply(1:3, function(k) {
  set.seed(k)
  em <- suppressMessages(emmeans(fit, ~ trt | time, mode = "satterthwaite", data = cc))
  s <- as.data.frame(confint(contrast(em, "revpairwise")))
  list(df = s$df, lower = s$lower.CL, upper = s$upper.CL)
})
out <- list(times = c("6w", "3m", "6m", "9m"), patients = length(unique(cc$id)), estimate = est, se = as.numeric(se), dfNumDeriv = as.numeric(df), emmeans = runs)
write_json(out, "test/reference/emmeans-df.json", digits = NA, auto_unbox = TRUE, pretty = TRUE)
print(out$dfNumDeriv); for (r in runs) print(r$df)
