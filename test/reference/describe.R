# Fixture for describe.ts: n, mean, sd, quantile(type = 7), min, max.
# Run from the repository root:  Rscript test/reference/describe.R
suppressPackageStartupMessages(library(jsonlite))

one <- function(label, x) {
  q <- unname(quantile(x, c(0.25, 0.5, 0.75), type = 7))
  list(label = label, values = I(x), n = length(x), mean = mean(x), sd = if (length(x) > 1) sd(x) else NULL,
       median = q[2], q1 = q[1], q3 = q[3], min = min(x), max = max(x))
}
set.seed(3)
cases <- list(
  one("1..4", c(1, 2, 3, 4)),
  one("single value", 7.5),
  one("sleep$extra", sleep$extra),
  one("ToothGrowth$len", ToothGrowth$len),
  one("precip (named, 70 values)", unname(precip)),
  one("unsorted with ties", c(5, 3, 3, 9, 1, 3, 8, 8)),
  one("offset 1e8", 1e8 + c(0.5, 1.5, 2.5, 4.5, 7.5)),
  one("simulated 37", round(rnorm(37, 20, 6), 2)))

write_json(list(generatedBy = "test/reference/describe.R", r = R.version.string, cases = cases),
           "test/reference/describe.json", digits = NA, auto_unbox = TRUE, pretty = TRUE, null = "null")
