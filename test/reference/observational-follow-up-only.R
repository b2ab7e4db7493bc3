# Fixture for a registry export with a yes/no outcome at follow-up only (no baseline column or
# row; plan "baselineAsConfounder": false): the crude, weighted-regression and AIPW risk
# differences (ATE) with HC0 sandwich / influence-function SEs, on
# test/fixtures/observational/follow-up-only.csv (the same patients long: follow-up-only-long.csv).
# No non-user is at work, so the risk among non-users is 0 and no E-value exists (RR infinite).
# The data were made by:
#   set.seed(11); n <- 300; age <- round(rnorm(n,50,10)); sex <- sample(c("K","M"),n,TRUE)
#   a <- rbinom(n,1,plogis(-0.5-0.03*(age-50))); ev <- ifelse(a==1, rbinom(n,1,0.2), 0)
#   d <- data.frame(id=sprintf("B%03d",1:n), app=ifelse(a==1,"Ja","Nej"), age, sex, work_3m=ifelse(ev==1,"Ja","Nej"))
# Run from the repository root:  Rscript test/reference/observational-follow-up-only.R
suppressPackageStartupMessages({ library(jsonlite); library(sandwich) })
d <- read.csv("test/fixtures/observational/follow-up-only.csv", stringsAsFactors = FALSE)
d$a <- as.numeric(d$app == "Ja"); d$y <- as.numeric(d$work_3m == "Ja"); d$sex <- factor(d$sex)
a <- d$a; y <- d$y; n <- nrow(d)
e <- fitted(glm(a ~ age + sex, family = binomial, data = d, control = glm.control(epsilon = 1e-14, maxit = 100)))
w <- ifelse(a == 1, 1 / e, 1 / (1 - e))
crude <- lm(y ~ a, data = d)
wr <- lm(y ~ a + age + sex, data = d, weights = w)
f <- y ~ age + sex
m0 <- predict(lm(f, data = d[a == 0, ]), newdata = d); m1 <- predict(lm(f, data = d[a == 1, ]), newdata = d)
psi <- m1 - m0 + a * (y - m1) / e - (1 - a) * (y - m0) / (1 - e)
tau <- mean(psi)
effects <- list(
  list(method = "crude", estimate = coef(crude)[["a"]], se = sqrt(vcovHC(crude, type = "HC0")["a", "a"])),
  list(method = "weighted-regression", estimate = coef(wr)[["a"]], se = sqrt(vcovHC(wr, type = "HC0")["a", "a"])),
  list(method = "aipw", estimate = tau, se = sqrt(sum((psi - tau)^2)) / n)
)
out <- list(source = "test/reference/observational-follow-up-only.R",
            n = list(exposed = sum(a), unexposed = sum(1 - a)),
            eventsUnexposed = sum(y[a == 0]), weightedRiskUnexposed = sum(w[a == 0] * y[a == 0]) / sum(w[a == 0]),
            effects = effects)
write_json(out, "test/reference/observational-follow-up-only.json", auto_unbox = TRUE, digits = NA, pretty = TRUE)
cat("wrote test/reference/observational-follow-up-only.json\n")
