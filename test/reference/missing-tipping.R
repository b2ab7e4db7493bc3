# Fixture for src/stats/missing/tipping-point.ts (and mi-ancova.ts): delta adjustment of the
# imputed intervention-arm outcomes in completed mice data sets, ANCOVA per data set, pool().
# The completed data sets are written out so the TypeScript test re-analyses exactly these.
# Run from the repository root:  Rscript test/reference/missing-tipping.R
suppressPackageStartupMessages({ library(mice); library(jsonlite) })

set.seed(77)
n <- 150
arm <- rbinom(n, 1, 0.5)
sex <- rbinom(n, 1, 0.5)
baseline <- round(rnorm(n, 12, 4), 1)
y_3m <- 10 + 0.6 * (baseline - 12) - 1.5 * arm + 0.5 * sex + rnorm(n, 0, 3)
y_9m <- 4 + 0.6 * y_3m - 2.2 * arm + rnorm(n, 0, 3)
drop3 <- runif(n) < 0.08
y_3m[drop3] <- NA
y_9m[drop3 | runif(n) < plogis(-2 + 0.1 * (ifelse(is.na(y_3m), 10, y_3m) - 10))] <- NA
d <- data.frame(arm, sex, baseline, y_3m, y_9m)
imp <- mice(d, m = 5, maxit = 5, seed = 3, print = FALSE)
mask <- is.na(d$y_9m)
deltas <- seq(0, 6, by = 0.5)

rows <- lapply(deltas, function(delta) {
  fits <- lapply(seq_len(imp$m), function(l) {
    cd <- complete(imp, l)
    shift <- mask & cd$arm == 1
    cd$y_9m[shift] <- cd$y_9m[shift] + delta   # lower is better: +delta is unfavourable
    lm(y_9m ~ arm + baseline + sex, data = cd)
  })
  s <- summary(pool(as.mira(fits)), conf.int = TRUE)
  list(delta = delta, estimate = s$estimate[2], se = s$std.error[2], df = s$df[2],
       ciLower = s[2, "2.5 %"], ciUpper = s[2, "97.5 %"], pValue = s$p.value[2])
})
p <- sapply(rows, `[[`, "pValue")
write_json(list(
  generatedBy = "test/reference/missing-tipping.R", mice = as.character(packageVersion("mice")),
  completed = lapply(seq_len(imp$m), function(l) as.list(complete(imp, l))),
  imputed = mask, deltas = deltas, rows = rows,
  tippingDeltaGrid = if (p[1] < 0.05 && any(p >= 0.05)) deltas[which(p >= 0.05)[1]] else NULL
), "test/reference/missing-tipping.json", digits = NA, auto_unbox = TRUE)
