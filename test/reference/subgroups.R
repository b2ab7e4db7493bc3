# Fixture for the subgroup analyses and the target population (src/analysis/subgroup-effects.ts,
# src/stats/ancova-interaction.ts, src/stats/risk-difference-heterogeneity.ts,
# src/trial/population-filter.ts) on test/fixtures/subgroups/trial.csv with the plan
# test/fixtures/subgroups/plan.json.
# Run from the repository root:  Rscript test/reference/subgroups.R
# Needs jsonlite, metafor and survey (Debian: r-cran-jsonlite, r-cran-metafor, r-cran-survey).
suppressPackageStartupMessages({ library(jsonlite); library(metafor) })

raw <- read.csv("test/fixtures/subgroups/trial.csv", stringsAsFactors = FALSE, na.strings = "")
base <- raw[raw$time == "baseline", c("id", "arm", "country", "age", "recruited_by", "symptom_weeks", "pain", "med_use")]
names(base)[names(base) == "pain"] <- "pain0"
fu <- raw[raw$time == "3m", c("id", "pain", "med_use")]
names(fu) <- c("id", "pain3", "med3")
d <- merge(base, fu, by = "id", all.x = TRUE)
d <- d[order(d$id), ]
d$arm01 <- as.integer(d$arm == "app")
d$country <- factor(d$country)

conf <- 0.95
level_fit <- function(dl, covs) {
  f <- if (covs) pain3 ~ arm01 + pain0 + country else pain3 ~ arm01 + pain0
  fit <- lm(f, data = dl)
  s <- coef(summary(fit)); ci <- confint(fit, level = conf)
  list(n = list(intervention = sum(dl$arm01 == 1), control = sum(dl$arm01 == 0)),
       difference = s["arm01", 1], se = s["arm01", 2], df = fit$df.residual,
       ciLower = ci["arm01", 1], ciUpper = ci["arm01", 2], pValue = s["arm01", 4])
}

# sg: a factor (levels in plan order, NA = left out); covs: whether country is in the model.
continuous_case <- function(name, sg, covs) {
  dl <- d[!is.na(d$pain0) & !is.na(d$pain3), ]
  g <- sg[!is.na(d$pain0) & !is.na(d$pain3)]
  keep <- !is.na(g)
  dl <- dl[keep, ]; dl$sg <- droplevels(g[keep])
  levels_out <- lapply(levels(dl$sg), function(l) c(list(level = l), level_fit(dl[dl$sg == l, ], covs)))
  f0 <- if (covs) pain3 ~ arm01 + sg + pain0 + country else pain3 ~ arm01 + sg + pain0
  f1 <- if (covs) pain3 ~ arm01 * sg + pain0 + country else pain3 ~ arm01 * sg + pain0
  a <- anova(lm(f0, data = dl), lm(f1, data = dl))
  list(subgroup = name, outcome = "pain", method = "ancova", missing = sum(!keep), levels = levels_out,
       interaction = list(statistic = a$F[2], df1 = a$Df[2], df2 = a$Res.Df[2], pValue = a[["Pr(>F)"]][2]))
}

binary_case <- function(name, outcome, sg, event, has) {
  g <- sg[has]; ev <- event[has]; arm <- d$arm01[has]
  keep <- !is.na(g)
  g <- droplevels(g[keep]); ev <- ev[keep]; arm <- arm[keep]
  x1 <- tapply(ev[arm == 1], g[arm == 1], sum); n1 <- tapply(ev[arm == 1], g[arm == 1], length)
  x2 <- tapply(ev[arm == 0], g[arm == 0], sum); n2 <- tapply(ev[arm == 0], g[arm == 0], length)
  fe <- rma(measure = "RD", ai = x1, n1i = n1, ci = x2, n2i = n2, method = "FE")
  list(subgroup = name, outcome = outcome, method = "risk-difference", missing = sum(!keep),
       levels = lapply(levels(g), function(l) list(level = l, n = list(intervention = n1[[l]], control = n2[[l]]),
                                                   difference = x1[[l]] / n1[[l]] - x2[[l]] / n2[[l]])),
       interaction = list(statistic = fe$QE, df1 = fe$k - 1, pValue = fe$QEp))
}

setting <- factor(d$recruited_by, levels = c("physio", "chiro", "spine_clinic", "gp"))
age <- cut(d$age, c(-Inf, 40, 60, Inf), right = FALSE, labels = c("<40", "40–<60", "≥60"))
country <- factor(as.character(d$country))
responder <- !is.na(d$pain0) & !is.na(d$pain3) & (d$pain0 - d$pain3 >= 2)
has_pair <- !is.na(d$pain0) & !is.na(d$pain3)
has_med <- !is.na(d$med3)

cases <- list()
for (s in list(list("recruited_by", setting, TRUE), list("age", age, TRUE), list("country", country, FALSE))) {
  cases[[length(cases) + 1]] <- continuous_case(s[[1]], s[[2]], s[[3]])
  cases[[length(cases) + 1]] <- binary_case(s[[1]], "med_use", s[[2]], d$med3 == 1, has_med)
  cases[[length(cases) + 1]] <- binary_case(s[[1]], "pain_resp2", s[[2]], responder, has_pair)
}

# Target population: criteria in sequence; a missing value fails.
flow <- list(); inpop <- rep(TRUE, nrow(d))
crit <- list(list("age", !is.na(d$age) & d$age >= 18), list("symptom_weeks", !is.na(d$symptom_weeks) & d$symptom_weeks > 4),
             list("recruited_by", !is.na(d$recruited_by) & d$recruited_by %in% c("physio", "gp")))
for (c in crit) {
  out <- inpop & !c[[2]]
  flow[[length(flow) + 1]] <- list(column = c[[1]], excluded = list(intervention = sum(out & d$arm01 == 1), control = sum(out & d$arm01 == 0)))
  inpop <- inpop & c[[2]]
}
dt <- d[inpop & has_pair, ]
target <- list(patients = list(intervention = sum(inpop & d$arm01 == 1), control = sum(inpop & d$arm01 == 0)),
               flow = flow, ancova = level_fit(dt, TRUE))


# Transported effect: the analysed patients (baseline and 3m pain, a setting) raked to the
# target margins, then the weighted ANCOVA with a design-based SE.
suppressPackageStartupMessages(library(survey))
dr <- d[has_pair & !is.na(d$recruited_by), ]
dr$setting <- factor(dr$recruited_by, levels = c("physio", "chiro", "spine_clinic", "gp"))
dr$ageband <- cut(dr$age, c(-Inf, 40, 60, Inf), right = FALSE, labels = c("<40", "40–<60", "≥60"))
n <- nrow(dr)
des <- svydesign(ids = ~1, weights = ~1, data = dr)
raked <- rake(des, list(~setting, ~ageband),
              list(data.frame(setting = levels(dr$setting), Freq = c(0.2, 0.1, 0.1, 0.6) * n),
                   data.frame(ageband = levels(dr$ageband), Freq = c(0.3, 0.4, 0.3) * n)),
              control = list(maxit = 1000, epsilon = 1e-13))
fit <- svyglm(pain3 ~ arm01 + pain0 + country, design = raked)
ci <- confint(fit, level = conf)
w <- weights(raked)
transported <- list(n = list(intervention = sum(dr$arm01 == 1), control = sum(dr$arm01 == 0)),
                    excludedMissing = sum(has_pair & is.na(d$recruited_by)),
                    difference = unname(coef(fit)["arm01"]), se = unname(SE(fit)["arm01"]),
                    df = fit$df.residual, ciLower = ci["arm01", 1], ciUpper = ci["arm01", 2],
                    pValue = coef(summary(fit))["arm01", 4],
                    effectiveSampleSize = sum(w)^2 / sum(w^2), min = min(w) / mean(w), max = max(w) / mean(w))

# Binary outcomes and responders transported: the patients with a value (and the margins) raked
# the same way, then the weighted linear probability model svyglm(event ~ arm) (gaussian): its arm
# coefficient is the weighted risk difference.
transport_binary <- function(has, event) {
  keep <- has & !is.na(d$recruited_by) & !is.na(d$age)
  db <- d[keep, ]
  db$event <- as.numeric(event[keep])
  db$setting <- factor(db$recruited_by, levels = c("physio", "chiro", "spine_clinic", "gp"))
  db$ageband <- cut(db$age, c(-Inf, 40, 60, Inf), right = FALSE, labels = c("<40", "40–<60", "≥60"))
  nb <- nrow(db)
  rb <- rake(svydesign(ids = ~1, weights = ~1, data = db), list(~setting, ~ageband),
             list(data.frame(setting = levels(db$setting), Freq = c(0.2, 0.1, 0.1, 0.6) * nb),
                  data.frame(ageband = levels(db$ageband), Freq = c(0.3, 0.4, 0.3) * nb)),
             control = list(maxit = 1000, epsilon = 1e-13))
  fb <- svyglm(event ~ arm01, design = rb, family = gaussian())
  cb <- confint(fb, level = conf)
  wb <- weights(rb)
  list(n = list(intervention = sum(db$arm01 == 1), control = sum(db$arm01 == 0)),
       excludedMissing = sum(has & !keep),
       difference = unname(coef(fb)["arm01"]), se = unname(SE(fb)["arm01"]), df = fb$df.residual,
       ciLower = cb["arm01", 1], ciUpper = cb["arm01", 2], pValue = coef(summary(fb))["arm01", 4],
       effectiveSampleSize = sum(wb)^2 / sum(wb^2), min = min(wb) / mean(wb), max = max(wb) / mean(wb))
}
transportedBinary <- list(med_use = transport_binary(has_med, d$med3 == 1),
                          pain_resp2 = transport_binary(has_pair, responder))

# Inverse odds of trial membership from the target sample (test/fixtures/subgroups/target-sample.csv):
# glm of membership on age, symptom_weeks and country over every randomised trial patient with
# those values and every complete target row; trial weights p/(1 - p); then svyglm with fixed
# weights (svydesign(ids = ~1, weights = ~w)).
ts <- read.csv("test/fixtures/subgroups/target-sample.csv", stringsAsFactors = FALSE, na.strings = "")
ts_excluded <- sum(!complete.cases(ts))
ts <- ts[complete.cases(ts), ]
tr <- d[!is.na(d$age) & !is.na(d$symptom_weeks) & !is.na(d$country), ]
stacked <- rbind(data.frame(target = 0, age = tr$age, symptom_weeks = tr$symptom_weeks, country = as.character(tr$country)),
                 data.frame(target = 1, age = ts$alder, symptom_weeks = ts$symptom_weeks, country = ts$country))
stacked$country <- factor(stacked$country)
mem <- glm(target ~ age + symptom_weeks + country, family = binomial, data = stacked, control = glm.control(epsilon = 1e-14, maxit = 100))
p_tr <- fitted(mem)[seq_len(nrow(tr))]
tr$w <- p_tr / (1 - p_tr)
iow_fit <- function(dd, f) {
  dd$w <- dd$w / mean(dd$w)
  des <- svydesign(ids = ~1, weights = ~w, data = dd)
  fit <- svyglm(f, design = des)
  ci <- confint(fit, level = conf)
  list(n = list(intervention = sum(dd$arm01 == 1), control = sum(dd$arm01 == 0)),
       difference = unname(coef(fit)["arm01"]), se = unname(SE(fit)["arm01"]), df = fit$df.residual,
       ciLower = ci["arm01", 1], ciUpper = ci["arm01", 2], pValue = coef(summary(fit))["arm01", 4],
       effectiveSampleSize = sum(dd$w)^2 / sum(dd$w^2), min = min(dd$w), max = max(dd$w))
}
tr_pair <- tr[!is.na(tr$pain0) & !is.na(tr$pain3), ]
tr_med <- tr[!is.na(tr$med3), ]
tr_med$event <- as.numeric(tr_med$med3 == 1)
tr_pair$event <- as.numeric(tr_pair$pain0 - tr_pair$pain3 >= 2)
inverseOdds <- list(
  rows = nrow(ts), excludedMissing = ts_excluded, trialPatients = nrow(tr),
  coefficients = as.list(coef(mem)),
  pain = c(iow_fit(tr_pair, pain3 ~ arm01 + pain0 + country), list(excludedMissing = sum(has_pair) - nrow(tr_pair))),
  med_use = iow_fit(tr_med, event ~ arm01),
  pain_resp2 = iow_fit(tr_pair, event ~ arm01))

writeLines(toJSON(list(confLevel = conf, cases = cases, target = target, transported = transported, transportedBinary = transportedBinary, inverseOdds = inverseOdds), auto_unbox = TRUE, digits = NA, pretty = TRUE),
           "test/reference/subgroups.json")
