# Shared two-arm data sets for the continuous-outcome fixtures (t tests, change scores, ANCOVA,
# Hedges' g). Sourced by two-sample-t.R, ancova.R and hedges-g.R; not run on its own.
# Values are rounded so that the JSON (15 significant digits) carries exactly what R used.
# Each data set: intervention = arm 1, control = arm 0, complete cases only (rows with a missing
# follow-up are dropped here, before the TypeScript function sees them).

trial_datasets <- function() {
  sets <- list()

  # R's `sleep`: extra sleep under drug 2 (treated as intervention) vs drug 1. No baseline.
  sets$sleep <- list(label = "sleep (group 2 vs 1)",
                     y1 = sleep$extra[sleep$group == 2], y0 = sleep$extra[sleep$group == 1])

  # R's `ToothGrowth`: tooth length with orange juice (OJ, intervention) vs ascorbic acid (VC).
  sets$toothgrowth <- list(label = "ToothGrowth (OJ vs VC)",
                           y1 = ToothGrowth$len[ToothGrowth$supp == "OJ"],
                           y0 = ToothGrowth$len[ToothGrowth$supp == "VC"])

  # Simulated RMDQ-like trial, n = 60, equal arms, baseline-dependent follow-up.
  set.seed(20240601)
  n <- 60
  arm <- rep(c(1, 0), each = n / 2)
  base <- round(rnorm(n, 12, 4), 1)
  fu <- round(3 + 0.55 * base - 2.1 * arm + rnorm(n, 0, 3), 1)
  sets$simA <- list(label = "simulated n=60", arm = arm, baseline = base, followUp = fu)

  # Simulated trial with a 3-level country covariate, age, unequal arms and ~15% missing follow-ups
  # (complete-case filtered).
  set.seed(7)
  n <- 90
  arm <- rbinom(n, 1, 0.45)
  country <- sample(c("DK", "NO", "SE"), n, replace = TRUE, prob = c(0.5, 0.3, 0.2))
  age <- round(runif(n, 25, 70))
  base <- round(rnorm(n, 6, 2), 3)
  fu <- round(1 + 0.6 * base - 1.2 * arm + c(DK = 0, NO = 0.8, SE = -0.5)[country] + 0.02 * age +
    rnorm(n, 0, 1.5 + 0.7 * arm), 3)
  fu[sample(n, 14)] <- NA
  d <- na.omit(data.frame(arm, country, age, base, fu))
  sets$simB <- list(label = "simulated n=90, country (3 levels) + age, complete cases",
                    arm = d$arm, baseline = d$base, followUp = d$fu,
                    country = d$country, age = d$age)

  # Simulated small unequal-variance trial on a far-from-zero scale (EQ-VAS-like + 1000).
  set.seed(99)
  arm <- c(rep(1, 17), rep(0, 29))
  base <- round(1000 + rnorm(46, 60, 15), 3)
  fu <- round(base + 8 * arm + rnorm(46, 0, ifelse(arm == 1, 20, 9)), 3)
  sets$simC <- list(label = "simulated n=17 vs 29, unequal variances, offset 1000",
                    arm = arm, baseline = base, followUp = fu)
  sets
}

# Follow-up (or only) values by arm.
arm_values <- function(s) {
  if (!is.null(s$y1)) return(list(y1 = s$y1, y0 = s$y0))
  list(y1 = s$followUp[s$arm == 1], y0 = s$followUp[s$arm == 0])
}
