# Fixture for multiple imputation with auxiliary variables and imputation by arm
# (src/trial/outcome-wide.ts imputationWide, src/analysis/missing-data-effects.ts imputeOutcome;
# docs/plan-trial.md#multiple-imputation).
# Data: 160 simulated patients written to test/fixtures/mi-aux/trial.csv (wide): the arm, age
# (`alder`, a covariate), the NRS pain score at baseline, 3m and 12m, and two auxiliary variables:
# `sessioner` (number of app sessions, numeric, missing for 6) and `arbejde` (work status ja/nej,
# tied to `sessioner`, missing for 12). The 12m score depends on both, more steeply in the
# intervention arm, and is missing at random given them: in the intervention arm far more often
# with few sessions / no work, in the control arm at random. The effect is strong (R: no auxiliary
# variable −0.50, with them −1.1 to −1.5), so a run that left them out or did not impute by arm
# falls outside the test's windows (the models `none` and `bothNotByArm` below, which the test
# checks hta against too).
# The imputation models, each as R mice (PMM; `arbejde` a two-level factor, so "logreg"):
#   numeric:     mice on (treated, baseline, alder, sessioner, y_3m, y_12m)
#   categorical: mice on (treated, baseline, alder, arbejde, y_3m, y_12m)
#   byArm:       mice on each arm's rows of (baseline, alder, sessioner, arbejde, y_3m, y_12m),
#                then each imputation's two completed arms rbind-ed
# and in each completed data set lm(y ~ treated + baseline + alder) (the auxiliary variables are
# not in the analysis model), pooled by Rubin's rules (pool()).
# MI has noise: mice runs over 10 seeds; the mean and SD over seeds of each pooled number are
# stored. The test's tolerance is 3.5 × the SD over seeds (one hta run is one draw of that spread).
# Run from the repository root:  Rscript test/reference/mi-aux.R   (about 4 minutes)
# Needs jsonlite and mice (Debian: r-cran-jsonlite, r-cran-mice).
suppressPackageStartupMessages({ library(jsonlite); library(mice) })

set.seed(20261205)
n <- 160
treated <- rep(c(1, 0), n / 2)
alder <- round(rnorm(n, 50, 10))
z <- rnorm(n)
sessioner <- round(pmax(0, 10 + 4 * z))
zs <- (sessioner - 10) / 4
arbejde <- ifelse(runif(n) < plogis(3 * zs), "ja", "nej")
clamp <- function(x) pmin(10, pmax(0, round(x)))
latent <- rnorm(n, 0, 1)
y0 <- clamp(6 + latent + rnorm(n, 0, 1))
y3 <- clamp(6 + 0.6 * latent - 1 * treated + rnorm(n, 0, 1.2))
# The 12m score depends on the auxiliary variables, more steeply in the intervention arm (so
# imputing by arm matters) ...
y12 <- clamp(5.5 + 0.5 * latent - 1.2 * treated + (0.4 + 1.2 * treated) * zs + 0.8 * (arbejde == "ja") + rnorm(n, 0, 1))
# ... and is missing at random given them: in the intervention arm far more often for few sessions /
# no work, in the control arm at random. So leaving them out (or not imputing by arm) moves the
# estimate well outside MI noise, which the test checks.
miss12 <- runif(n) < ifelse(treated == 1, plogis(-0.5 - 1.8 * zs + 0.8 * (arbejde == "nej")), plogis(-1.5))
miss3 <- runif(n) < 0.1
y12[miss12] <- NA
y3[miss3] <- NA
sess_obs <- sessioner; sess_obs[sample(n, 6)] <- NA
arb_obs <- arbejde; arb_obs[sample(n, 12)] <- NA
d <- data.frame(id = sprintf("P%03d", 1:n), gruppe = ifelse(treated == 1, "App", "Kontrol"), alder = alder,
  sessioner = sess_obs, arbejde = arb_obs, nrs_baseline = y0, nrs_3m = y3, nrs_12m = y12)
write.csv(d, "test/fixtures/mi-aux/trial.csv", row.names = FALSE, na = "")

w <- data.frame(treated = treated, baseline = d$nrs_baseline, alder = d$alder, sessioner = d$sessioner,
  arbejde = factor(d$arbejde, levels = c("ja", "nej")), y_3m = d$nrs_3m, y_12m = d$nrs_12m)
m <- 20
seeds <- 1:10
pooled <- function(fits) {
  p <- summary(pool(as.mira(fits)), conf.int = TRUE); r <- p[p$term == "treated", ]
  c(estimate = r$estimate, se = r$std.error, ciLower = r$`2.5 %`, ciUpper = r$`97.5 %`)
}
fitAll <- function(data) lm(y_12m ~ treated + baseline + alder, data = data)
models <- list(
  numeric = function(s) {
    imp <- mice(w[, c("treated", "baseline", "alder", "sessioner", "y_3m", "y_12m")], m = m, seed = s, printFlag = FALSE)
    stopifnot(imp$method[["sessioner"]] == "pmm")
    pooled(lapply(1:m, function(l) fitAll(complete(imp, l))))
  },
  categorical = function(s) {
    imp <- mice(w[, c("treated", "baseline", "alder", "arbejde", "y_3m", "y_12m")], m = m, seed = s, printFlag = FALSE)
    stopifnot(imp$method[["arbejde"]] == "logreg")
    pooled(lapply(1:m, function(l) fitAll(complete(imp, l))))
  },
  # Not what hta should give: no auxiliary variable, and both without imputing by arm. The test
  # checks that hta run these ways lands outside the windows above.
  none = function(s) {
    imp <- mice(w[, c("treated", "baseline", "alder", "y_3m", "y_12m")], m = m, seed = s, printFlag = FALSE)
    pooled(lapply(1:m, function(l) fitAll(complete(imp, l))))
  },
  bothNotByArm = function(s) {
    imp <- mice(w[, c("treated", "baseline", "alder", "sessioner", "arbejde", "y_3m", "y_12m")], m = m, seed = s, printFlag = FALSE)
    pooled(lapply(1:m, function(l) fitAll(complete(imp, l))))
  },
  byArm = function(s) {
    cols <- c("baseline", "alder", "sessioner", "arbejde", "y_3m", "y_12m")
    imps <- lapply(c(0, 1), function(a) mice(w[w$treated == a, cols], m = m, seed = s + a, printFlag = FALSE))
    pooled(lapply(1:m, function(l) fitAll(rbind(cbind(treated = 0, complete(imps[[1]], l)), cbind(treated = 1, complete(imps[[2]], l))))))
  }
)
byModel <- lapply(models, function(f) {
  x <- sapply(seeds, f)
  list(mean = as.list(rowMeans(x)), sdOverSeeds = as.list(apply(x, 1, sd)))
})
cc <- summary(lm(y_12m ~ treated + baseline + alder, data = w))$coefficients["treated", ]
out <- list(generatedBy = "test/reference/mi-aux.R", R = R.version.string, mice = as.character(packageVersion("mice")),
  seeds = length(seeds), m = m, patients = list(intervention = sum(treated == 1), control = sum(treated == 0)),
  missingSessioner = sum(is.na(d$sessioner)), missingArbejde = sum(is.na(d$arbejde)), missing12m = sum(is.na(d$nrs_12m)),
  completeCase = list(estimate = cc[["Estimate"]], se = cc[["Std. Error"]]),
  byModel = byModel)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), "test/reference/mi-aux.json")
