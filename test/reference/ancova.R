# Fixture for ancova.ts: lm(followUp ~ arm + baseline [+ country + age]) with confint().
# Run from the repository root:  Rscript test/reference/ancova.R
suppressPackageStartupMessages(library(jsonlite))
source("test/reference/trial-datasets.R")

coef_table <- function(fit, conf) {
  s <- coef(summary(fit)); ci <- confint(fit, level = conf)
  lapply(rownames(s), function(term) list(
    term = term, estimate = s[term, 1], se = s[term, 2], statistic = s[term, 3],
    pValue = s[term, 4], ciLower = ci[term, 1], ciUpper = ci[term, 2]))
}

sets <- trial_datasets()
cases <- list()
add_case <- function(label, d, formula, covariates, conf) {
  fit <- lm(formula, data = d)
  cases[[length(cases) + 1]] <<- list(
    label = label, confLevel = conf, formula = deparse(formula),
    outcome = d$followUp, treated = d$arm, baseline = d$baseline, covariates = covariates,
    df = fit$df.residual, sigma = summary(fit)$sigma, coefficients = coef_table(fit, conf))
}

for (key in c("simA", "simC")) {
  s <- sets[[key]]
  d <- data.frame(arm = s$arm, baseline = s$baseline, followUp = s$followUp)
  for (conf in c(0.95, 0.9)) add_case(s$label, d, followUp ~ arm + baseline, list(), conf)
}

s <- sets$simB
d <- data.frame(arm = s$arm, baseline = s$baseline, followUp = s$followUp,
                country = factor(s$country), age = s$age)
stopifnot(identical(levels(d$country), c("DK", "NO", "SE")))  # reference = first sorted level
covs <- list(list(name = "country", values = s$country), list(name = "age", values = s$age))
for (conf in c(0.95, 0.9)) {
  add_case(s$label, d, followUp ~ arm + baseline + country + age, covs, conf)
  add_case(paste(s$label, "(no covariates)"), d, followUp ~ arm + baseline, list(), conf)
}

write_json(list(generatedBy = "test/reference/ancova.R", r = R.version.string, cases = cases),
           "test/reference/ancova.json", digits = NA, auto_unbox = TRUE, pretty = TRUE)
