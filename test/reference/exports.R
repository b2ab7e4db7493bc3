# Reference for the export-shape fixtures (test/fixtures/exports/*): each raw export is read as
# its system wrote it and recoded HERE, independently of hta's plan codes (Ja/Nej, 1/2,
# 999/-9/"Ved ikke" missing, decimal commas, wide → long, Danish EQ-5D column names, PSEQ
# proration), then complete-case ANCOVA (lm + confint) and Welch's t (t.test) per outcome.
# Run from the project root:  Rscript test/reference/exports.R
suppressMessages(library(jsonlite))
dir <- "test/fixtures/exports"

ancova_welch <- function(fixture, outcome, time, d, id, arm, tcol, y, base_time, levels, covs = character(), label = time) {
  f <- d[d[[tcol]] == time & !is.na(d[[y]]), c(id, arm, covs, y)]
  names(f) <- c("id", "arm", covs, "y")
  b <- d[d[[tcol]] == base_time & !is.na(d[[y]]), c(id, y)]
  names(b) <- c("id", "baseline")
  m <- merge(f, b, by = "id")
  m <- m[complete.cases(m), ]
  m$arm <- factor(m$arm, levels = levels)  # control first: the coefficient is intervention − control
  fit <- lm(as.formula(paste("y ~ arm + baseline", paste(c("", covs), collapse = " + "))), data = m)
  coef_name <- paste0("arm", levels[2])
  ci <- confint(fit)[coef_name, ]
  s <- summary(fit)$coefficients[coef_name, ]
  x <- f$y[f$arm == levels[2]]; z <- f$y[f$arm == levels[1]]
  tt <- t.test(x, z, var.equal = FALSE)
  list(
    list(fixture = fixture, outcome = outcome, time = label, method = "ancova",
         n_intervention = sum(m$arm == levels[2]), n_control = sum(m$arm == levels[1]),
         difference = unname(s[1]), ciLower = unname(ci[1]), ciUpper = unname(ci[2]), pValue = unname(s[4])),
    list(fixture = fixture, outcome = outcome, time = label, method = "welch",
         n_intervention = length(x), n_control = length(z),
         difference = mean(x) - mean(z), ciLower = tt$conf.int[1], ciUpper = tt$conf.int[2], pValue = tt$p.value))
}

rows <- list()
add <- function(r) rows <<- c(rows, r)

# (a) REDCap long, Ja/Nej items, age covariate "alder".
d <- read.csv(file.path(dir, "redcap-long/export.csv"), stringsAsFactors = FALSE)
items <- paste0("rmdq_", 1:24)
d$rmdq <- rowSums(sapply(items, function(k) ifelse(d[[k]] == "Ja", 1, ifelse(d[[k]] == "Nej", 0, NA))))
d$time <- c(baseline_arm_1 = "baseline", "3_months_arm_1" = "3m")[d$redcap_event_name]
add(ancova_welch("redcap-long", "rmdq", "3m", d, "record_id", "gruppe", "time", "rmdq", "baseline", c("Kontrol", "Selfback"), "alder"))

# (b) SPSS/Excel Danish: ';', decimal comma, BOM, CRLF, -9 and 999 missing.
d <- read.csv2(file.path(dir, "spss-danish/export.csv"), stringsAsFactors = FALSE, fileEncoding = "UTF-8-BOM", colClasses = "character")
num <- function(v) { x <- as.numeric(sub(",", ".", v, fixed = TRUE)); x[x %in% c(999, -9)] <- NA; x }
for (k in c("Alder", "BMI", "RMDQ", "Smerte")) d[[k]] <- num(d[[k]])
add(ancova_welch("spss-danish", "rmdq", "12", d, "ID", "Gruppe", "Tid", "RMDQ", "0", c("vanlig", "app"), c("Alder", "BMI"), "12w"))
add(ancova_welch("spss-danish", "pain", "12", d, "ID", "Gruppe", "Tid", "Smerte", "0", c("vanlig", "app"), c("Alder", "BMI"), "12w"))

# (c) wide, items 1 = yes / 2 = no; a patient without any 3m answer has no 3m visit.
w <- read.csv(file.path(dir, "wide-coded/export.csv"), stringsAsFactors = FALSE, colClasses = "character")
score <- function(t) rowSums(sapply(1:24, function(k) { v <- w[[paste0("q", k, "_", t)]]; ifelse(v == "1", 1, ifelse(v == "2", 0, NA)) }))
d <- rbind(data.frame(pid = w$pid, arm = w$arm, time = "baseline", rmdq = score("baseline")),
           data.frame(pid = w$pid, arm = w$arm, time = "3m", rmdq = score("3m")))
add(ancova_welch("wide-coded", "rmdq", "3m", d, "pid", "arm", "time", "rmdq", "baseline", c("B", "A")))

# (d) EQ-5D-5L under Danish column names; Danish 5L value set (Jensen et al. 2021) written out.
d <- read.csv(file.path(dir, "eq5d-danish/export.csv"), stringsAsFactors = FALSE)
dec <- list(mo = c(0, .041, .054, .157, .220), sc = c(0, .035, .050, .144, .209),
            ua = c(0, .033, .040, .139, .174), pd = c(0, .048, .094, .381, .537),
            ad = c(0, .072, .191, .430, .618))
d$eq5d <- 1 - (dec$mo[d$eq5d_mobilitet] + dec$sc[d$eq5d_personlig] + dec$ua[d$eq5d_aktiviteter] + dec$pd[d$eq5d_smerte] + dec$ad[d$eq5d_angst])
add(ancova_welch("eq5d-danish", "eq5d", "6m", d, "id", "arm", "time", "eq5d", "baseline", c("usual", "app")))

# (e) averaged pain with decimal commas, ODI 0-100.
d <- read.csv2(file.path(dir, "pain-diary/export.csv"), stringsAsFactors = FALSE)
add(ancova_welch("pain-diary", "pain", "3m", d, "id", "arm", "time", "smerte_gns", "baseline", c("usual", "app")))
add(ancova_welch("pain-diary", "odi", "3m", d, "id", "arm", "time", "odi", "baseline", c("usual", "app")))

# (f) "Ved ikke" = missing in PSEQ items; up to 2 missing items prorated (mean of answered × 10).
d <- read.csv(file.path(dir, "ved-ikke/export.csv"), stringsAsFactors = FALSE, colClasses = "character")
m <- sapply(1:10, function(k) { v <- d[[paste0("pseq_", k)]]; as.numeric(ifelse(v == "Ved ikke", NA, v)) })
answered <- rowSums(!is.na(m))
d$pseq <- ifelse(10 - answered <= 2, rowSums(m, na.rm = TRUE) / answered * 10, NA)
add(ancova_welch("ved-ikke", "pseq", "3m", d, "id", "arm", "time", "pseq", "baseline", c("usual", "app")))

# (g) Stata/SPSS tab-separated wide: "." and empty = missing, arms coded 1/0, suffixes _bl/_3m/_9m.
w <- read.delim(file.path(dir, "stata-tab-wide/export.csv"), stringsAsFactors = FALSE, colClasses = "character", encoding = "UTF-8", check.names = FALSE)
num <- function(v) as.numeric(ifelse(v %in% c(".", ""), NA, v))
d <- do.call(rbind, lapply(c("bl", "3m", "9m"), function(s) data.frame(
  id = w[["løbenr"]], arm = w$behandling, alder = num(w$alder), time = if (s == "bl") "baseline" else s,
  nrs = num(w[[paste0("nrs_", s)]]), pseq = num(w[[paste0("pseq_tot_", s)]]), stringsAsFactors = FALSE)))
for (t in c("3m", "9m")) {
  add(ancova_welch("stata-tab-wide", "pain", t, d, "id", "arm", "time", "nrs", "baseline", c("0", "1"), "alder"))
  add(ancova_welch("stata-tab-wide", "pseq", t, d, "id", "arm", "time", "pseq", "baseline", c("0", "1"), "alder"))
}

writeLines(toJSON(rows, auto_unbox = TRUE, digits = NA, pretty = TRUE), "test/reference/exports.json")
