# Satterthwaite df of MMRM arm contrasts computed independently of emmeans, shared by
# test/reference/missing-mmrm.R, mmrm-covariate-levels.R and mmrm-ignored-visit.R (sourced from the repository root).
# Independent Satterthwaite df: REML log-likelihood in theta = vech(Sigma) written out here,
# observed information and the gradient of the contrast variance by numDeriv (Richardson).
satterthwaite_numderiv <- function(cc, X, S, times, L) {
  T <- length(times)
  idx <- which(lower.tri(diag(T), diag = TRUE), arr.ind = TRUE)
  to_sigma <- function(theta) { M <- matrix(0, T, T); M[idx] <- theta; M[idx[, 2:1]] <- theta; M }
  ids <- split(seq_len(nrow(cc)), cc$id)
  y <- cc$y
  pieces <- function(theta) {
    Sg <- to_sigma(theta)
    XtVX <- 0; XtVy <- 0; ldet <- 0; Vinv <- list()
    for (i in names(ids)) {
      r <- ids[[i]]; o <- cc$t[r]
      Vi <- solve(Sg[o, o, drop = FALSE]); Vinv[[i]] <- Vi
      ldet <- ldet + as.numeric(determinant(Sg[o, o, drop = FALSE])$modulus)
      XtVX <- XtVX + crossprod(X[r, , drop = FALSE], Vi %*% X[r, , drop = FALSE])
      XtVy <- XtVy + crossprod(X[r, , drop = FALSE], Vi %*% y[r])
    }
    list(XtVX = XtVX, XtVy = XtVy, ldet = ldet, Vinv = Vinv)
  }
  reml <- function(theta) {
    P <- pieces(theta); b <- solve(P$XtVX, P$XtVy); q <- 0
    for (i in names(ids)) { r <- ids[[i]]; e <- y[r] - X[r, , drop = FALSE] %*% b; q <- q + sum(e * (P$Vinv[[i]] %*% e)) }
    -0.5 * (P$ldet + as.numeric(determinant(P$XtVX)$modulus) + q)
  }
  theta0 <- S[idx]
  A <- solve(-numDeriv::hessian(reml, theta0))
  sapply(seq_len(ncol(L)), function(j) {
    cvar <- function(theta) as.numeric(t(L[, j]) %*% solve(pieces(theta)$XtVX, L[, j]))
    g <- numDeriv::grad(cvar, theta0)
    2 * cvar(theta0)^2 / as.numeric(t(g) %*% A %*% g)
  })
}

# The arm contrast per visit of a gls MMRM fit as the tests read it: estimate and SE from emmeans
# (`con`), its df (`dfEmmeans`) beside the independent numDeriv df above, and the CI and p on the
# latter. `arm` is the intervention's coefficient name ("armfI"); `X` the fit's model matrix.
mmrm_contrasts <- function(fit, cc, X, con, times, arm) {
  full <- names(which(table(cc$id) == length(times)))[1]
  S <- unclass(getVarCov(fit, individual = full))
  dfs <- satterthwaite_numderiv(cc, X, S, times, L = sapply(times, function(tt)
    as.numeric(colnames(X) == arm | colnames(X) == paste0(arm, ":time", tt))))
  lapply(seq_len(nrow(con)), function(j) list(
    time = as.character(con$time[j]), estimate = con$estimate[j], se = con$SE[j],
    dfEmmeans = con$df[j], df = dfs[j],
    ciLower = con$estimate[j] - qt(0.975, dfs[j]) * con$SE[j], ciUpper = con$estimate[j] + qt(0.975, dfs[j]) * con$SE[j],
    p = 2 * pt(-abs(con$estimate[j] / con$SE[j]), dfs[j])))
}

# The R and package versions a reference JSON was made with.
mmrm_versions <- function() list(R = R.version.string, nlme = as.character(packageVersion("nlme")),
                                 emmeans = as.character(packageVersion("emmeans")))
