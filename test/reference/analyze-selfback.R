# End-to-end reference for `hta analyze` on the bundled synthetic export:
# scoring from items (RMDQ, PSEQ, EQ-5D-5L with the Danish value set written out here
# independently of hta's JSON file), complete-case ANCOVA with country (lm + confint),
# Welch t (t.test), Hedges' g (metafor::escalc), and the responder risk difference
# p-value and each arm's Wilson interval (prop.test without continuity correction).
# Run from the project root:  Rscript test/reference/analyze-selfback.R
suppressMessages({ library(jsonlite); library(metafor) })

d <- read.csv("data/synthetic/selfback-trial.csv", stringsAsFactors = FALSE, na.strings = c("", "NA", "."))
d$rmdq <- rowSums(d[, paste0("rmdq_", 1:24)])
d$pseq <- rowSums(d[, paste0("pseq_", 1:10)])
dec <- list(mo = c(0, .041, .054, .157, .220), sc = c(0, .035, .050, .144, .209),
            ua = c(0, .033, .040, .139, .174), pd = c(0, .048, .094, .381, .537),
            ad = c(0, .072, .191, .430, .618))
d$eq5d <- 1 - (dec$mo[d$eq5d_mo] + dec$sc[d$eq5d_sc] + dec$ua[d$eq5d_ua] + dec$pd[d$eq5d_pd] + dec$ad[d$eq5d_ad])

outcomes <- c("rmdq", "pain_avg", "pain_worst", "pseq", "eq5d", "was")
base <- d[d$time == "baseline", ]
rows <- list()
for (o in outcomes) for (tp in c("3m", "9m")) {
  f <- d[d$time == tp & !is.na(d[[o]]), c("id", "arm", "country", o)]
  names(f)[4] <- "y"
  b <- base[!is.na(base[[o]]), c("id", o)]
  names(b)[2] <- "baseline"
  m <- merge(f, b, by = "id")
  m$arm <- factor(m$arm, levels = c("usual", "app"))
  fit <- lm(y ~ arm + baseline + country, data = m)
  ci <- confint(fit)["armapp", ]
  s <- summary(fit)$coefficients["armapp", ]
  rows[[length(rows) + 1]] <- list(outcome = o, time = tp, method = "ancova",
    n_intervention = sum(m$arm == "app"), n_control = sum(m$arm == "usual"),
    difference = unname(s[1]), se = unname(s[2]), df = fit$df.residual,
    ciLower = unname(ci[1]), ciUpper = unname(ci[2]), pValue = unname(s[4]))
  x <- f$y[f$arm == "app"]; y <- f$y[f$arm == "usual"]
  tt <- t.test(x, y, var.equal = FALSE)
  g <- summary(escalc("SMD", m1i = mean(x), sd1i = sd(x), n1i = length(x), m2i = mean(y), sd2i = sd(y), n2i = length(y)))
  rows[[length(rows) + 1]] <- list(outcome = o, time = tp, method = "welch",
    n_intervention = length(x), n_control = length(y),
    difference = mean(x) - mean(y), se = unname(tt$stderr), df = unname(tt$parameter),
    ciLower = tt$conf.int[1], ciUpper = tt$conf.int[2], pValue = tt$p.value,
    smd = g$yi[1], smdCiLower = g$ci.lb[1], smdCiUpper = g$ci.ub[1])
}
# Responders: RMDQ improvement >= 5 points from baseline, complete cases.
for (tp in c("3m", "9m")) {
  f <- d[d$time == tp & !is.na(d$rmdq), c("id", "arm", "rmdq")]
  m <- merge(f, base[, c("id", "rmdq")], by = "id", suffixes = c("", "_b"))
  resp <- (m$rmdq_b - m$rmdq) >= 5
  e1 <- sum(resp[m$arm == "app"]); n1 <- sum(m$arm == "app")
  e2 <- sum(resp[m$arm == "usual"]); n2 <- sum(m$arm == "usual")
  pt <- prop.test(c(e1, e2), c(n1, n2), correct = FALSE)
  w1 <- prop.test(e1, n1, correct = FALSE)$conf.int
  w2 <- prop.test(e2, n2, correct = FALSE)$conf.int
  rows[[length(rows) + 1]] <- list(outcome = "rmdq_resp5", time = tp, method = "risk-difference",
    n_intervention = n1, n_control = n2, difference = e1 / n1 - e2 / n2, pValue = pt$p.value,
    ciLowerIntervention = w1[1], ciUpperIntervention = w1[2], ciLowerControl = w2[1], ciUpperControl = w2[2])
}
writeLines(toJSON(rows, auto_unbox = TRUE, digits = NA, pretty = TRUE), "test/reference/analyze-selfback.json")

# MMRM for the primary outcome (RMDQ) over every follow-up visit, as hta's `mmrm` method:
# gls(y ~ arm*time + baseline*time + country, corSymm + varIdent, REML); contrasts per visit.
suppressMessages(library(nlme))
f <- d[d$time != "baseline" & !is.na(d$rmdq), c("id", "arm", "time", "country", "rmdq")]
b <- base[!is.na(base$rmdq), c("id", "rmdq")]
names(b)[2] <- "baseline"
m <- merge(f, b, by = "id")
m$time <- factor(m$time, levels = c("6w", "3m", "6m", "9m"))
m$arm <- factor(m$arm, levels = c("usual", "app"))
m <- m[order(m$id, m$time), ]
m$t <- as.integer(m$time)
fit <- gls(rmdq ~ 0 + time + time:arm + time:baseline + country, data = m,
           correlation = corSymm(form = ~ t | id), weights = varIdent(form = ~ 1 | time), method = "REML")
co <- summary(fit)$tTable
mmrm <- lapply(c("3m", "9m"), function(tp) {
  nm <- paste0("time", tp, ":armapp")
  list(outcome = "rmdq", time = tp, method = "mmrm", difference = co[nm, "Value"], se = co[nm, "Std.Error"])
})
writeLines(toJSON(mmrm, auto_unbox = TRUE, digits = NA, pretty = TRUE), "test/reference/analyze-selfback-mmrm.json")

# Descriptives per outcome × visit × arm (Table 1, trajectories): n, mean, sd, quartiles (type 7)
# and the t-based 95% CI of the mean, on every observed score.
desc <- list()
for (o in outcomes) for (tp in c("baseline", "6w", "3m", "6m", "9m")) for (a in c("app", "usual")) {
  x <- d[[o]][d$time == tp & d$arm == a & !is.na(d[[o]])]
  if (length(x) < 2) next
  q <- quantile(x, c(.25, .5, .75), type = 7)
  ci <- t.test(x)$conf.int
  desc[[length(desc) + 1]] <- list(outcome = o, time = tp, arm = ifelse(a == "app", "intervention", "control"),
    n = length(x), mean = mean(x), sd = sd(x), q1 = unname(q[1]), median = unname(q[2]), q3 = unname(q[3]),
    meanCiLower = ci[1], meanCiUpper = ci[2])
}
writeLines(toJSON(desc, auto_unbox = TRUE, digits = NA, pretty = TRUE), "test/reference/analyze-selfback-descriptives.json")
