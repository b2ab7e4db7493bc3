# Independent reference for the registry-export fixtures (test/fixtures/exports/registry-*):
# reads each raw file in its own dialect with base R (no hta code), and computes per region the
# referrals, activations, activation rate with its Wilson 95% CI (prop.test, no continuity
# correction), the median days to activation, the 12-week retention (at risk: activated on or
# before export date − 84 days), activations and uptake per 1,000 eligible by activation year
# (Wilson CI), and referrals/activations per clinic (region + code). For the missing-year
# fixture: the eligible count used per region × year after carry-forward.
#
#   Rscript test/reference/uptake-exports.R   (from the repository root)
# writes test/reference/uptake-exports.json, which test/cli/uptake-exports.test.ts reads.
suppressMessages(library(jsonlite))

export_date <- as.Date("2025-12-31")
key <- function(x) sub("^region ", "", gsub("\\s+", " ", trimws(tolower(enc2utf8(x)))))

wilson <- function(x, n) {
  if (n == 0) return(c(NA, NA))
  # prop.test warns for small expected counts; the interval itself is the Wilson interval.
  suppressWarnings(as.numeric(prop.test(x, n, correct = FALSE)$conf.int))
}

summarise <- function(reg, elig, regions) {
  reg$days <- as.numeric(reg$activated - reg$referred)
  # An activated patient with no last-active date used the app on the activation day only.
  last <- reg$last_active
  last[is.na(last)] <- reg$activated[is.na(last)]
  reg$kept <- as.numeric(last - reg$activated)
  scopes <- c(regions, "national")
  per_region <- lapply(scopes, function(r) {
    d <- if (r == "national") reg else reg[reg$region == r, ]
    n <- nrow(d); x <- sum(!is.na(d$activated))
    ci <- wilson(x, n)
    act <- d[!is.na(d$activated), ]
    risk <- act[act$activated <= export_date - 84, ]
    list(region = r, referrals = n, activations = x, rate = x / n, lower = ci[1], upper = ci[2],
         median_days = median(act$days), at_risk_12w = nrow(risk), retained_12w = sum(risk$kept >= 84))
  })
  act <- reg[!is.na(reg$activated), ]
  act$year <- as.integer(format(act$activated, "%Y"))
  uptake <- list()
  for (y in sort(unique(act$year))) {
    for (r in scopes) {
      x <- if (r == "national") sum(act$year == y) else sum(act$year == y & act$region == r)
      e <- if (r == "national") sum(elig$eligible[elig$year == y]) else elig$eligible[elig$region == r & elig$year == y]
      ci <- wilson(x, e)
      uptake[[length(uptake) + 1]] <- list(region = r, year = y, activations = x, eligible = e,
        per1000 = 1000 * x / e, lower = 1000 * ci[1], upper = 1000 * ci[2])
    }
  }
  cl <- aggregate(cbind(referrals = 1, activations = !is.na(reg$activated)) ~ region + clinic, data = reg, FUN = sum)
  cl <- cl[order(cl$clinic, match(cl$region, regions)), ]
  list(regions = regions, perRegion = per_region, uptake = uptake,
       clinics = lapply(seq_len(nrow(cl)), function(i) list(region = cl$region[i], clinic = cl$clinic[i], referrals = cl$referrals[i], activations = cl$activations[i])))
}

canon <- function(x, regions, synonyms = c()) {
  k <- key(x)
  k <- ifelse(k %in% names(synonyms), synonyms[k], k)
  regions[match(k, key(regions))]
}

read_fixture <- function(dir) file.path("test/fixtures/exports", dir)

# (a) Danish regional system: semicolons, BOM, CRLF, DD-MM-YYYY, "Region …", 37.000.
dk <- read.csv2(file.path(read_fixture("registry-dk-regional"), "registry.csv"), fileEncoding = "UTF-8-BOM", colClasses = "character", na.strings = "")
dk_e <- read.csv2(file.path(read_fixture("registry-dk-regional"), "eligible.csv"), fileEncoding = "UTF-8-BOM", colClasses = "character")
dk_regions <- unique(trimws(dk_e$Region))
dk_elig <- data.frame(region = trimws(dk_e$Region), year = as.integer(dk_e[[2]]), eligible = as.numeric(gsub(".", "", dk_e$Antal, fixed = TRUE)))
dk_reg <- data.frame(region = canon(dk$Region, dk_regions), clinic = dk$Klinik,
  referred = as.Date(dk$Henvist, "%d-%m-%Y"), activated = as.Date(dk$Aktiveret, "%d-%m-%Y"), last_active = as.Date(dk$SidstAktiv, "%d-%m-%Y"))
stopifnot(!anyNA(dk_reg$region), !anyNA(dk_reg$referred))

# (b) Norwegian: ISO date-times (date part), "14,200" quoted, "Viken fylke" → Viken, æøå codes.
no <- read.csv(file.path(read_fixture("registry-no"), "registry.csv"), encoding = "UTF-8", colClasses = "character", na.strings = "")
no_e <- read.csv(file.path(read_fixture("registry-no"), "eligible.csv"), encoding = "UTF-8", colClasses = "character")
no_regions <- unique(no_e$region)
no_elig <- data.frame(region = no_e$region, year = as.integer(no_e$year), eligible = as.numeric(gsub(",", "", no_e$eligible, fixed = TRUE)))
no_reg <- data.frame(region = canon(no$helseregion, no_regions, c("viken fylke" = "viken")), clinic = no$klinikk,
  referred = as.Date(substr(no$henvist, 1, 10)), activated = as.Date(substr(no$aktivert, 1, 10)), last_active = as.Date(substr(no$sist_aktiv, 1, 10)))
stopifnot(!anyNA(no_reg$region))

# (c) Missing years: carry-forward (nearest earlier year, else later) for observed years and the horizon.
mi <- read.csv(file.path(read_fixture("registry-missing-year"), "registry.csv"), encoding = "UTF-8", colClasses = "character", na.strings = "")
mi_e <- read.csv(file.path(read_fixture("registry-missing-year"), "eligible.csv"), encoding = "UTF-8")
mi_regions <- unique(mi_e$region)
mi_reg <- data.frame(region = mi$region, clinic = mi$clinic, referred = as.Date(mi$referred), activated = as.Date(mi$activated), last_active = as.Date(mi$last_active))
needed <- sort(unique(c(as.integer(format(mi_reg$activated[!is.na(mi_reg$activated)], "%Y")), 2025:2027)))
filled <- list(); mi_elig <- mi_e[, c("region", "year", "eligible")]
for (r in mi_regions) {
  own <- mi_e[mi_e$region == r, ]
  for (y in needed) if (!(y %in% own$year)) {
    earlier <- own$year[own$year < y]
    from <- if (length(earlier)) max(earlier) else min(own$year[own$year > y])
    e <- own$eligible[own$year == from]
    filled[[length(filled) + 1]] <- list(region = r, year = y, fromYear = from, eligible = e)
    mi_elig <- rbind(mi_elig, data.frame(region = r, year = y, eligible = e))
  }
}
mi_out <- summarise(mi_reg, mi_elig, mi_regions)
mi_out$filled <- filled

out <- list(
  `registry-dk-regional` = summarise(dk_reg, dk_elig, dk_regions),
  `registry-no` = summarise(no_reg, no_elig, no_regions),
  `registry-missing-year` = mi_out
)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), "test/reference/uptake-exports.json")
