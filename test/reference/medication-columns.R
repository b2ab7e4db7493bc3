# Risk differences (intervention − control) of the medication columns of
# test/fixtures/medication-columns/, as `hta analyze` gives them with the plan `hta plan init` drafts:
#   prop.test(c(x1, x2), c(n1, n2), correct = FALSE) for the difference and p;
#   Newcombe's method 10 from the per-arm Wilson limits for the CI (as test/reference/binary.R).
# Run from the repository root:  Rscript test/reference/medication-columns.R
suppressPackageStartupMessages(library(jsonlite))
dir <- "test/fixtures/medication-columns"

wilson <- function(x, n) suppressWarnings(prop.test(x, n, correct = FALSE)$conf.int[1:2])
rd_row <- function(file, column, visit, yes, arm) {
  x1 <- sum(yes[arm == "intervention"]); n1 <- sum(arm == "intervention")
  x2 <- sum(yes[arm == "control"]); n2 <- sum(arm == "control")
  p1 <- x1 / n1; p2 <- x2 / n2; w1 <- wilson(x1, n1); w2 <- wilson(x2, n2); rd <- p1 - p2
  pt <- suppressWarnings(prop.test(c(x1, x2), c(n1, n2), correct = FALSE))
  list(file = file, column = column, visit = visit, x1 = x1, n1 = n1, x2 = x2, n2 = n2, difference = rd,
       ciLower = rd - sqrt((p1 - w1[1])^2 + (w2[2] - p2)^2),
       ciUpper = rd + sqrt((w1[2] - p1)^2 + (p2 - w2[1])^2), pValue = pt$p.value)
}
rows <- list()

# REDCap raw: the arm (1 = intervention) on the baseline row of each record; 0/1 answers.
rc <- read.csv(file.path(dir, "redcap-smertestillende.csv"), colClasses = "character")
arm_of <- with(rc[rc$randomisering != "", ], setNames(ifelse(randomisering == "1", "intervention", "control"), record_id))
for (ev in c("3_mdr_arm_1", "9_mdr_arm_1")) {
  s <- rc[rc$redcap_event_name == ev & rc$smertestillende != "", ]
  rows[[length(rows) + 1]] <- rd_row("redcap-smertestillende.csv", "smertestillende", ev, s$smertestillende == "1", arm_of[s$record_id])
}

# Danish export: Ja/Nej answers; Gruppe Intervention/Kontrol.
d <- read.csv2(file.path(dir, "medication-ja-nej.csv"), fileEncoding = "UTF-8", check.names = FALSE, colClasses = "character")
for (v in c("3 mdr", "9 mdr")) for (col in c("Smertestillende", "Opioid")) {
  s <- d[d[["Besøg"]] == v & d[[col]] %in% c("Ja", "Nej"), ]
  rows[[length(rows) + 1]] <- rd_row("medication-ja-nej.csv", col, v, s[[col]] == "Ja", ifelse(s$Gruppe == "Intervention", "intervention", "control"))
}

write_json(list(generatedBy = "test/reference/medication-columns.R", r = R.version.string, riskDifferences = rows),
           "test/reference/medication-columns.json", digits = NA, auto_unbox = TRUE, pretty = TRUE)
