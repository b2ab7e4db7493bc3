# Fixture for welch-difference.ts, pooled-t-difference.ts and change-difference.ts:
# R t.test(var.equal = FALSE / TRUE) on follow-up values and on change scores.
# Run from the repository root:  Rscript test/reference/two-sample-t.R
suppressPackageStartupMessages(library(jsonlite))
source("test/reference/trial-datasets.R")

t_result <- function(tt) list(
  difference = unname(tt$estimate[1] - tt$estimate[2]), se = tt$stderr,
  df = unname(tt$parameter), ciLower = tt$conf.int[1], ciUpper = tt$conf.int[2],
  statistic = unname(tt$statistic), pValue = tt$p.value)

cases <- list()
for (s in trial_datasets()) {
  v <- arm_values(s)
  for (conf in c(0.95, 0.9)) {
    case <- list(label = s$label, confLevel = conf, intervention = v$y1, control = v$y0,
                 welch = t_result(t.test(v$y1, v$y0, var.equal = FALSE, conf.level = conf)),
                 pooled = t_result(t.test(v$y1, v$y0, var.equal = TRUE, conf.level = conf)))
    if (!is.null(s$baseline)) {
      b1 <- s$baseline[s$arm == 1]; b0 <- s$baseline[s$arm == 0]
      case$baseline <- list(intervention = b1, control = b0)
      case$change <- t_result(t.test(v$y1 - b1, v$y0 - b0, var.equal = FALSE, conf.level = conf))
    }
    cases[[length(cases) + 1]] <- case
  }
}

write_json(list(generatedBy = "test/reference/two-sample-t.R", r = R.version.string, cases = cases),
           "test/reference/two-sample-t.json", digits = NA, auto_unbox = TRUE, pretty = TRUE)
