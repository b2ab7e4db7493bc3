# Reference for test/fixtures/exports/researcher-exports (test/cli/researcher-exports.test.ts):
# the researchers' own exports, read HERE as their systems wrote them, with the cells hta must
# read as missing made NA by hand (Danish Excel's error values "#I/T" and "#VÆRDI!"; SAS/Stata
# special missing values ".A", ".a" and Castor's "##USER_MISSING_97##"), then complete-case
# ANCOVA (lm + confint) and Welch's t (t.test) of RMDQ at 3 months.
# Run from the project root:  Rscript test/reference/researcher-exports.R
suppressMessages(library(jsonlite))
dir <- "test/fixtures/exports/researcher-exports"

fit <- function(fixture, d, arm, levels, covs) {
  d$arm <- factor(d[[arm]], levels = levels)  # control first: the coefficient is intervention − control
  m <- d[complete.cases(d[, c("arm", "y", "baseline", covs)]), ]
  f <- lm(as.formula(paste("y ~ arm + baseline +", paste(covs, collapse = " + "))), data = m)
  name <- paste0("arm", levels[2])
  ci <- confint(f)[name, ]
  s <- summary(f)$coefficients[name, ]
  w <- d[!is.na(d$y), ]
  x <- w$y[w$arm == levels[2]]; z <- w$y[w$arm == levels[1]]
  tt <- t.test(x, z, var.equal = FALSE)
  list(
    list(fixture = fixture, method = "ancova", n_intervention = sum(m$arm == levels[2]), n_control = sum(m$arm == levels[1]), df = f$df.residual,
         difference = unname(s[1]), ciLower = unname(ci[1]), ciUpper = unname(ci[2]), pValue = unname(s[4])),
    list(fixture = fixture, method = "welch", n_intervention = length(x), n_control = length(z),
         difference = mean(x) - mean(z), ciLower = tt$conf.int[1], ciUpper = tt$conf.int[2], pValue = tt$p.value))
}

rows <- list()

# Danish Excel (Windows-1252, ";", long): "Køn" with "#I/T" and "#VÆRDI!" missing. hta leaves
# the "#VÆRDI!" patient out (--exclude-invalid): its sex is missing here, so the ANCOVA is the same.
d <- read.csv2(file.path(dir, "danish-excel-errors.csv"), fileEncoding = "windows-1252", stringsAsFactors = FALSE, check.names = FALSE)
d$Køn[d$Køn %in% c("#I/T", "#VÆRDI!")] <- NA
b <- d[d$Besøg == "baseline", c("Patient", "Gruppe", "Køn", "Alder", "RMDQ")]
names(b)[5] <- "baseline"
f <- d[d$Besøg == "3m", c("Patient", "RMDQ")]
names(f)[2] <- "y"
w <- merge(b, f, by = "Patient", all.x = TRUE)
w$Køn <- factor(w$Køn)
rows <- c(rows, fit("danish-excel-errors", w, "Gruppe", c("Sædvanlig", "App"), c("Køn", "Alder")))

# SAS PROC EXPORT / Stata / Castor (wide): SEX missing where written .A / .a / ##USER_MISSING_97##.
for (fx in c("sas-special-missing", "stata-special-missing", "castor-user-missing")) {
  d <- read.csv(file.path(dir, paste0(fx, ".csv")), stringsAsFactors = FALSE, na.strings = c("", "NA", "."))
  d$SEX[d$SEX %in% c(".A", ".a", "##USER_MISSING_97##")] <- NA
  d$SEX <- factor(d$SEX)
  d$y <- d$RMDQ_3
  d$baseline <- d$RMDQ_0
  rows <- c(rows, fit(fx, d, "ARM", c("UC", "APP"), c("SEX", "AGE")))
}

writeLines(toJSON(rows, auto_unbox = TRUE, digits = NA, pretty = TRUE), "test/reference/researcher-exports.json")
