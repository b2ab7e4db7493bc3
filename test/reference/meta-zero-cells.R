# Fixture for src/stats/meta/*: a constructed set of six 2x2 tables with zero cells
# (one study with no events in the intervention arm, one with no events in either arm,
# one with all patients having events in one arm), analysed with escalc(add = 1/2,
# to = "only0") and rma.mh (whose Q uses escalc with drop00 = TRUE and whose MH
# estimate uses the uncorrected counts), as documented in ?escalc and ?rma.mh.
# Also a set whose PM root lies beyond metafor's default tau2.max (solved with a wider bracket).
# Run from the repository root:  Rscript test/reference/meta-zero-cells.R
source("test/reference/meta-common.R")
tables <- data.frame(
  label = c("A", "B", "C", "D", "E", "F"),
  ai  = c(0, 3, 0, 12, 5, 10),
  n1i = c(25, 40, 30, 60, 50, 10),
  ci  = c(4, 7, 0, 15, 9, 8),
  n2i = c(25, 38, 30, 61, 52, 12))

effects <- lapply(c("RR", "OR", "RD"), function(m) {
  e <- escalc(measure = m, ai = ai, n1i = n1i, ci = ci, n2i = n2i, data = tables)
  list(measure = m, yi = unname(as.numeric(e$yi)), vi = unname(as.numeric(e$vi)))
})
fits <- list()
for (m in c("RR", "OR", "RD")) {
  e <- escalc(measure = m, ai = ai, n1i = n1i, ci = ci, n2i = n2i, data = tables)
  fits <- c(fits, fit_grid(paste("zero-cells", m), e$yi, e$vi))
}
mh <- lapply(c("RR", "OR", "RD"), function(m)
  mh_case(paste("zero-cells MH", m), tables$ai, tables$n1i, tables$ci, tables$n2i, m))

# PM beyond the default bracket: metafor stops with "Value of 'tau2.max' too low";
# the root itself is unique (Q(tau2) is decreasing), so solve it with a tight tolerance.
wide <- list(yi = c(0, 0.1, -0.1, 0.05, 400), vi = c(0.01, 0.02, 0.015, 0.01, 0.02))
Qf <- function(t2) { w <- 1 / (wide$vi + t2); mu <- sum(w * wide$yi) / sum(w); sum(w * (wide$yi - mu)^2) - (length(wide$yi) - 1) }
wide$tau2 <- uniroot(Qf, c(0, 1e7), tol = 1e-12)$root
wide$metaforError <- tryCatch({ rma(wide$yi, wide$vi, method = "PM"); "" }, error = function(e) conditionMessage(e))

write_fixture(list(tables = tables, effects = effects, fits = fits, mantelHaenszel = mh,
                   pmWide = wide), "test/reference/meta-zero-cells.json")
