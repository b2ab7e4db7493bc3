# Fixture for "notApplicableCodes" in multiple imputation (src/trial/outcome-wide.ts applicableAt,
# src/analysis/analyze-trial.ts): a work outcome that does not apply to patients not working
# (retired, unemployed) at a visit is imputed, per visit, only among the patients to whom it
# applies there, and the imputation model holds no other visit where a kept patient's outcome does
# not apply (docs/plan-trial.md#not-applicable). mice (pmm) on exactly those rows and columns,
# ANCOVA per completed data set, pool(). RNG streams differ from R, so the TypeScript test compares
# behaviour (n exactly; pooled estimate within a fraction of its SE).
# Run from the repository root:  Rscript test/reference/missing-mice-not-applicable.R
suppressPackageStartupMessages({ library(mice); library(jsonlite) })

set.seed(919)
n <- 240
arm <- rep(c(1, 0), n / 2)
age <- sample(25:70, n, replace = TRUE)
baseline <- sample(2:10, n, replace = TRUE)
# Not working: at baseline for some; more leave work by 3 months, and by 9 months (never return).
na_base <- runif(n) < 0.15
na_3m <- na_base | runif(n) < 0.15
na_9m <- na_3m | runif(n) < 0.15
y3 <- pmin(10, pmax(0, round(2 + 0.6 * baseline + 1.2 * arm + rnorm(n, 0, 1.6))))
y9 <- pmin(10, pmax(0, round(1 + 0.5 * baseline + 0.5 * y3 + 1.5 * arm + rnorm(n, 0, 1.6))))
# MAR dropout among those it applies to: more likely with a low 3-month score.
miss3 <- runif(n) < 0.12
miss9 <- miss3 | runif(n) < plogis(-2 + 0.25 * (5 - y3))
y3[miss3] <- NA
y9[miss9] <- NA
# Cells as the export writes them: a score, empty (missing) or "Ikke i arbejde" (does not apply).
cell <- function(y, na) ifelse(na, "Ikke i arbejde", ifelse(is.na(y), "", as.character(y)))
export <- data.frame(id = seq_len(n), arm = arm, age = age,
                     wai_baseline = ifelse(na_base, "Ikke i arbejde", as.character(baseline)),
                     wai_3m = cell(y3, na_3m), wai_9m = cell(y9, na_9m))

pooled_at <- function(time) {
  keep <- !na_base & !(if (time == "3m") na_3m else na_9m)
  d <- data.frame(arm = arm, age = age, baseline = baseline, y_3m = y3, y_9m = y9)[keep, ]
  # Another visit enters the model only if the outcome applies there to every kept patient.
  other <- if (time == "3m") "y_9m" else "y_3m"
  other_na <- (if (time == "3m") na_9m else na_3m)[keep]
  if (any(other_na)) d[[other]] <- NULL
  outcome <- paste0("y_", time)
  meth <- ifelse(names(d) %in% c("y_3m", "y_9m"), "pmm", "")
  imp <- mice(d, m = 200, maxit = 5, method = meth, seed = 7, print = FALSE)
  fit <- with(imp, lm(as.formula(paste(outcome, "~ arm + baseline + age"))))
  s <- summary(pool(fit), conf.int = TRUE)
  list(columns = names(d), n = list(intervention = sum(d$arm == 1), control = sum(d$arm == 0)),
       missing = sum(is.na(d[[outcome]])), estimate = s$estimate[2], se = s$std.error[2])
}

write_json(list(
  generatedBy = "test/reference/missing-mice-not-applicable.R", mice = as.character(packageVersion("mice")),
  export = export, m = 200,
  notApplicable = list(baseline = sum(na_base), `3m` = sum(na_3m), `9m` = sum(na_9m)),
  at3m = pooled_at("3m"), at9m = pooled_at("9m")
), "test/reference/missing-mice-not-applicable.json", digits = NA, auto_unbox = TRUE, dataframe = "rows", na = "null")
