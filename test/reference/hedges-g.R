# Fixture for hedges-g.ts: metafor::escalc(measure = "SMD") (vtype "LS", the default) and
# summary(escalc(...)) for the normal CI, from patient-level data sets and from arm summaries.
# Run from the repository root:  Rscript test/reference/hedges-g.R
suppressPackageStartupMessages({ library(metafor); library(jsonlite) })
source("test/reference/trial-datasets.R")

smd <- function(m1, sd1, n1, m2, sd2, n2, conf) {
  es <- escalc(measure = "SMD", m1i = m1, sd1i = sd1, n1i = n1, m2i = m2, sd2i = sd2, n2i = n2)
  s <- summary(es, level = conf * 100)
  mi <- n1 + n2 - 2
  list(g = es$yi[1], variance = es$vi[1], se = s$sei[1], ciLower = s$ci.lb[1], ciUpper = s$ci.ub[1],
       statistic = s$zi[1], pValue = s$pval[1],
       correction = metafor:::.cmicalc(mi),
       d = (m1 - m2) / sqrt(((n1 - 1) * sd1^2 + (n2 - 1) * sd2^2) / mi))
}

cases <- list()
for (s in trial_datasets()) {
  v <- arm_values(s)
  for (conf in c(0.95, 0.9)) {
    cases[[length(cases) + 1]] <- c(
      list(label = s$label, confLevel = conf, intervention = v$y1, control = v$y0),
      smd(mean(v$y1), sd(v$y1), length(v$y1), mean(v$y0), sd(v$y0), length(v$y0), conf))
  }
}

summaries <- list(
  list(label = "n 10/10, means 12/10, SD 2/2", n1 = 10, m1 = 12, sd1 = 2, n2 = 10, m2 = 10, sd2 = 2),
  list(label = "n 3/3 (m = 4, strong correction)", n1 = 3, m1 = 5, sd1 = 1, n2 = 3, m2 = 4, sd2 = 1.5),
  list(label = "n 250/240, harm", n1 = 250, m1 = 31.2, sd1 = 9.8, n2 = 240, m2 = 33.9, sd2 = 10.4),
  list(label = "n 2/40, very unequal", n1 = 2, m1 = 7, sd1 = 0.5, n2 = 40, m2 = 6, sd2 = 2.5))
summary_cases <- lapply(summaries, function(x)
  c(x, list(confLevel = 0.95), smd(x$m1, x$sd1, x$n1, x$m2, x$sd2, x$n2, 0.95)))

write_json(list(generatedBy = "test/reference/hedges-g.R", metafor = as.character(packageVersion("metafor")),
                cases = cases, summaries = summary_cases),
           "test/reference/hedges-g.json", digits = NA, auto_unbox = TRUE, pretty = TRUE)
