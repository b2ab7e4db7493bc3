# Writes test/fixtures/covariate-gaps/trial.csv: 120 randomised patients (about 60/40), `alder`
# (age) missing for 8, a rare `region` level "Oe", baselines imbalanced and 6 at 0, 40 % missing
# at 12m. The data of test/reference/covariate-gaps.R (multiple imputation with a missing
# covariate, a subgroup cut of a covariate, a responder Q test with a level of 1–4 patients).
# Run from the repository root:  Rscript test/reference/covariate-gaps-data.R
set.seed(19)
n <- 120
arm <- sample(c("App","Kontrol"), n, replace=TRUE, prob=c(0.6,0.4))
age <- round(rnorm(n, 50, 12)); age[sample(n,8)] <- NA
sex <- sample(c("K","M"), n, replace=TRUE)
region <- sample(c("Nord","Syd","Oe"), n, replace=TRUE, prob=c(.47,.47,.06))
site <- sample(paste0("praksis", 1:12), n, replace=TRUE)
b <- pmin(10, pmax(0, round(rnorm(n, 6 + (arm=="App")*0.7, 2)))) # imbalance
b[1:6] <- 0
eff <- ifelse(arm=="App", -1.2, 0)
f3 <- pmin(10, pmax(0, round(b*0.6 + 1 + eff + rnorm(n,0,2))))
f6 <- pmin(10, pmax(0, round(b*0.5 + 1 + eff + rnorm(n,0,2))))
f12 <- pmin(10, pmax(0, round(b*0.5 + 1 + eff + rnorm(n,0,2))))
f3[sample(n,10)] <- NA; f6[sample(n,15)] <- NA; f12[sample(n,48)] <- NA
d <- data.frame(id=sprintf("P%03d",1:n), gruppe=arm, alder=age, koen=sex, region=region, praksis=site,
  nrs_baseline=b, nrs_3m=f3, nrs_6m=f6, nrs_12m=f12)
write.csv(d, "test/fixtures/covariate-gaps/trial.csv", row.names=FALSE, na="")
