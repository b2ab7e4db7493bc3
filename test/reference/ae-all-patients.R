# Adverse events from a listing of every patient (test/fixtures/ae-all-patients, synthetic): rows
# with every cell but the id empty, of a patient with no row naming an event, name no event. Per arm, the patients with >= 1
# event (any, serious, related with "Ja" and "Muligvis" counted as related, as the plan's
# columnCodes say) over the patients randomised; risk difference with Newcombe's hybrid score
# interval (method 10) from prop.test's Wilson limits, and prop.test's chi-squared p.
# Run: Rscript test/reference/ae-all-patients.R  (numbers used in test/analysis/ae-all-patients.test.ts)
d <- "test/fixtures/ae-all-patients"
ex <- read.csv2(file.path(d, "export.csv"), colClasses = "character", na.strings = "")
ae <- read.csv2(file.path(d, "ae_listing.csv"), colClasses = "character", na.strings = "")
arm <- tapply(ex$Gruppe, ex$PatientID, function(g) g[1])
n <- c(table(arm)[c("Intervention", "Kontrol")])
empty <- rowSums(!is.na(ae[, names(ae) != "PatientID", drop = FALSE])) == 0
blank <- empty & !(ae$PatientID %in% ae$PatientID[!empty])
cat("rows naming no event:", sum(blank), "\n")
ev <- ae[!blank, ]
cat("events per arm:", tapply(rep(1, nrow(ev)), factor(arm[ev$PatientID], levels = names(n)), sum), "\n")
newcombe <- function(x1, n1, x2, n2) {
  w1 <- prop.test(x1, n1, correct = FALSE)$conf.int
  w2 <- prop.test(x2, n2, correct = FALSE)$conf.int
  p1 <- x1 / n1; p2 <- x2 / n2; d <- p1 - p2
  c(d, d - sqrt((p1 - w1[1])^2 + (w2[2] - p2)^2), d + sqrt((w1[2] - p1)^2 + (p2 - w2[1])^2))
}
row <- function(name, keep) {
  who <- unique(ev$PatientID[keep])
  x <- c(table(factor(arm[who], levels = names(n))))
  p <- suppressWarnings(prop.test(x, n, correct = FALSE)$p.value)
  cat(sprintf("%s: %d/%d vs %d/%d  RD %.10f (%.10f to %.10f)  p %.10f\n", name, x[1], n[1], x[2], n[2],
              newcombe(x[1], n[1], x[2], n[2])[1], newcombe(x[1], n[1], x[2], n[2])[2], newcombe(x[1], n[1], x[2], n[2])[3], p))
}
row("any", rep(TRUE, nrow(ev)))
row("serious", !is.na(ev$Alvorlig) & ev$Alvorlig == "Ja")
row("related", !is.na(ev$Relateret) & ev$Relateret %in% c("Ja", "Muligvis"))
