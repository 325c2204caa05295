# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""BG/NBD and MBG/NBD customer-base models as plain vectorised numpy/scipy functions.

No Odoo inside (a plain Python module of the package ``crm_traffic_light_churn.maths``): the
churn model (``models/crm_traffic_light_churn_model.py``) feeds these functions with one row
per customer and stores the fitted parameters; ``maths/tests/test_bgnbd.py`` checks them
without Odoo, ``scripts/bench_churn.py`` times them.

Per customer, in one time unit (weeks in this addon):

- ``x``: number of repeat purchases (purchase occasions after the first one);
- ``t_x``: time of the last purchase, measured from the first purchase (0 when ``x = 0``);
- ``T``: age, time from the first purchase to the end of the observation period.

Models (``variant``):

- ``"bgnbd"``: Fader, Hardie and Lee (2005), "Counting your customers the easy way: an
  alternative to the Pareto/NBD model", Marketing Science 24(2). While alive, a customer buys
  as a Poisson process of rate lambda ~ Gamma(r, alpha); after each *repeat* purchase the
  customer drops out with probability p ~ Beta(a, b).
- ``"mbgnbd"``: Batislam, Denizel and Filiztekin (2007), "Empirical validation and comparison of
  models for customer base analysis", IJRM 24(3); the same with one more drop-out opportunity
  right after the *first* purchase. A customer who never came back is then not assumed to be
  alive (the BG/NBD gives P(alive) = 1 whenever x = 0).

Formulas (BG/NBD, the MBG/NBD replaces ``b + x - 1`` by ``b + x``, ``a + b + x - 1`` by
``a + b + x``, ``b + x`` by ``b + x + 1`` and applies the A4 term also when x = 0):

    L = A1 * A2 * (A3 + [x > 0] * A4)
    A1 = Gamma(r + x) alpha^r / Gamma(r)
    A2 = Gamma(a + b) Gamma(b + x) / (Gamma(b) Gamma(a + b + x))
    A3 = (alpha + T)^-(r + x)
    A4 = a / (b + x - 1) * (alpha + t_x)^-(r + x)

    P(alive) = 1 / (1 + [x > 0] * a / (b + x - 1) * ((alpha + T) / (alpha + t_x))^(r + x))

    E[Y(t) | x, t_x, T] = (a + b + x - 1) / (a - 1)
        * (1 - ((alpha + T) / (alpha + T + t))^(r + x)
               * 2F1(r + x, b + x; a + b + x - 1; t / (alpha + T + t)))
        * P(alive)
"""

import math
from dataclasses import dataclass

import numpy as np
from scipy import optimize, special

VARIANTS = ("bgnbd", "mbgnbd")
PARAM_NAMES = ("r", "alpha", "a", "b")


@dataclass(frozen=True)
class FitResult:
    """Maximum-likelihood estimate of the four parameters."""

    r: float
    alpha: float
    a: float
    b: float
    log_likelihood: float
    n_customers: int
    n_repeat_customers: int
    variant: str
    converged: bool
    iterations: int
    message: str = ""

    @property
    def params(self):
        return (self.r, self.alpha, self.a, self.b)


def _shift(variant):
    if variant not in VARIANTS:
        raise ValueError("Unknown model variant %r, expected one of %s" % (variant, VARIANTS))
    return 1.0 if variant == "mbgnbd" else 0.0


def _arrays(x, t_x, T):
    x = np.asarray(x, dtype=float)
    t_x = np.asarray(t_x, dtype=float)
    T = np.asarray(T, dtype=float)
    x, t_x, T = np.broadcast_arrays(x, t_x, T)
    if np.any(x < 0) or np.any(t_x < 0) or np.any(t_x > T + 1e-9):
        raise ValueError("Need x >= 0 and 0 <= t_x <= T for every customer")
    if np.any((x == 0) & (t_x > 0)):
        raise ValueError("A customer without repeat purchase must have t_x = 0")
    return x, t_x, T


def _check_params(params):
    r, alpha, a, b = (float(p) for p in params)
    if min(r, alpha, a, b) <= 0 or not all(map(math.isfinite, (r, alpha, a, b))):
        raise ValueError("All four parameters (r, alpha, a, b) must be positive and finite")
    return r, alpha, a, b


def _terms(params, x, t_x, T, k):
    """Log of A1 + A2, log A3, log A4 and the mask of customers with an A4 term."""
    r, alpha, a, b = params
    ln_a1 = special.gammaln(r + x) - special.gammaln(r) + r * np.log(alpha)
    ln_a2 = (
        special.gammaln(a + b)
        + special.gammaln(b + x + k)
        - special.gammaln(b)
        - special.gammaln(a + b + x + k)
    )
    ln_a3 = -(r + x) * np.log(alpha + T)
    has_a4 = np.ones_like(x, dtype=bool) if k else x > 0
    with np.errstate(divide="ignore", invalid="ignore"):
        ln_a4 = np.where(
            has_a4,
            np.log(a)
            - np.log(np.where(has_a4, b + x - 1 + k, 1.0))
            - (r + x) * np.log(alpha + t_x),
            -np.inf,
        )
    return ln_a1 + ln_a2, ln_a3, ln_a4, has_a4


def individual_log_likelihood(params, x, t_x, T, variant="bgnbd"):
    """Log-likelihood of every customer (array), A3 + A4 combined with log-sum-exp."""
    k = _shift(variant)
    params = _check_params(params)
    x, t_x, T = _arrays(x, t_x, T)
    ln_a12, ln_a3, ln_a4, _mask = _terms(params, x, t_x, T, k)
    return ln_a12 + np.logaddexp(ln_a3, ln_a4)


def log_likelihood(params, x, t_x, T, variant="bgnbd", weights=None):
    """Total log-likelihood of a sample (``weights`` = number of customers per row)."""
    ll = individual_log_likelihood(params, x, t_x, T, variant)
    if weights is None:
        return float(ll.sum())
    return float(np.dot(np.asarray(weights, dtype=float), ll))


def _to_params(theta):
    """Optimiser coordinates -> (r, alpha, a, b).

    theta = (log r, log alpha, logit(a / (a + b)), log(a + b)): log-parameters for the purchase
    rates, and for the drop-out probability its mean and its concentration. When the drop-out
    probability hardly varies between customers (a and b both grow without bound, a common
    maximum on real data), this is one coordinate running to its bound instead of a curved
    ridge in (log a, log b) on which line searches stall.
    """
    mean, other = special.expit(theta[2]), special.expit(-theta[2])
    kappa = np.exp(theta[3])
    return np.exp(theta[0]), np.exp(theta[1]), kappa * mean, kappa * other


def _to_theta(params):
    r, alpha, a, b = params
    return np.array([np.log(r), np.log(alpha), np.log(a) - np.log(b), np.log(a + b)])


def _neg_ll_and_grad(theta, x, t_x, T, w, k, total):
    """Mean negative log-likelihood and its gradient in the coordinates of :func:`_to_params`."""
    r, alpha, a, b = _to_params(theta)
    ln_a12, ln_a3, ln_a4, has_a4 = _terms((r, alpha, a, b), x, t_x, T, k)
    s = np.logaddexp(ln_a3, ln_a4)
    ll = ln_a12 + s
    w3 = np.exp(ln_a3 - s)
    w4 = np.exp(ln_a4 - s)  # 0 where there is no A4 term
    log_at = np.log(alpha + T)
    log_atx = np.log(alpha + t_x)
    rx = r + x
    psi_ab = special.digamma(a + b)
    psi_abxk = special.digamma(a + b + x + k)
    d_r = special.digamma(rx) - special.digamma(r) + np.log(alpha) - w3 * log_at - w4 * log_atx
    d_alpha = r / alpha - w3 * rx / (alpha + T) - w4 * rx / (alpha + t_x)
    d_a = psi_ab - psi_abxk + w4 / a
    with np.errstate(divide="ignore", invalid="ignore"):
        inv_bx = np.where(has_a4, 1.0 / np.where(has_a4, b + x - 1 + k, 1.0), 0.0)
    d_b = psi_ab + special.digamma(b + x + k) - special.digamma(b) - psi_abxk - w4 * inv_bx
    g_a, g_b = w @ d_a, w @ d_b
    mean = a / (a + b)
    grad = np.array(
        [
            r * (w @ d_r),
            alpha * (w @ d_alpha),
            (a + b) * mean * (1.0 - mean) * (g_a - g_b),
            a * g_a + b * g_b,
        ],
        dtype=float,
    )
    value = -(w @ ll) / total
    if not np.isfinite(value):
        return 1e300, np.zeros(4)
    return value, -grad / total


def compress(x, t_x, T):
    """Unique (x, t_x, T) rows and their counts: real histories repeat a lot (whole days)."""
    x, t_x, T = _arrays(x, t_x, T)
    rows = np.stack([x.ravel(), t_x.ravel(), T.ravel()], axis=1)
    unique, counts = np.unique(rows, axis=0, return_counts=True)
    return unique[:, 0], unique[:, 1], unique[:, 2], counts.astype(float)


def fit(x, t_x, T, variant="bgnbd", initial=None, weights=None):
    """Maximum-likelihood fit with ``scipy.optimize.minimize`` (L-BFGS-B, analytic gradient,
    log / logit parameters, see :func:`_to_params`), a short Nelder-Mead polish as a fallback
    when L-BFGS-B stops without meeting its tolerance.

    Returns a :class:`FitResult`. Raises ``ValueError`` on an empty or degenerate sample.
    """
    k = _shift(variant)
    if weights is None:
        x, t_x, T, w = compress(x, t_x, T)
    else:
        x, t_x, T = _arrays(x, t_x, T)
        w = np.asarray(weights, dtype=float)
    total = float(w.sum())
    if total <= 0:
        raise ValueError("Cannot fit a model without customers")
    if not np.any(x > 0):
        raise ValueError("Cannot fit a model when no customer ever bought again")
    if initial is None:
        # a rough method-of-moments start: rate from repeat purchases per unit of age
        rate = max(float(w @ x) / max(float(w @ T), 1e-9), 1e-6)
        initial = (1.0, 1.0 / rate, 1.0, 1.0)
    theta0 = _to_theta(_check_params(initial))
    args = (x, t_x, T, w, k, total)
    bounds = [(-20.0, 20.0), (-20.0, 20.0), (-30.0, 30.0), (-20.0, 20.0)]
    res = optimize.minimize(
        _neg_ll_and_grad,
        theta0,
        args=args,
        jac=True,
        method="L-BFGS-B",
        bounds=bounds,
        options={"maxiter": 500, "ftol": 1e-13, "gtol": 1e-9},
    )
    if not res.success:
        # A line search that cannot improve any more usually sits at the optimum already
        # (relative changes below machine precision): accept it when the gradient is flat.
        projected = np.where(
            ((res.x <= [b[0] for b in bounds]) & (res.jac > 0))
            | ((res.x >= [b[1] for b in bounds]) & (res.jac < 0)),
            0.0,
            res.jac,
        )
        if np.max(np.abs(projected)) < 1e-6:
            res.success = True
        else:
            polished = optimize.minimize(
                lambda th: _neg_ll_and_grad(th, *args)[0],
                res.x,
                method="Nelder-Mead",
                bounds=bounds,
                options={"maxfev": 600, "xatol": 1e-7, "fatol": 1e-12},
            )
            if polished.fun <= res.fun:
                res = polished
    r, alpha, a, b = (float(v) for v in _to_params(res.x))
    return FitResult(
        r=r,
        alpha=alpha,
        a=a,
        b=b,
        log_likelihood=float(-res.fun * total),
        n_customers=int(round(total)),
        n_repeat_customers=int(round(float(w[x > 0].sum()))),
        variant=variant,
        converged=bool(res.success),
        iterations=int(res.get("nit", 0)),
        message=str(res.get("message", "")),
    )


def _odds_dead(params, x, t_x, T, k):
    r, alpha, a, b = params
    has_a4 = np.ones_like(x, dtype=bool) if k else x > 0
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        log_odds = (
            np.log(a)
            - np.log(np.where(has_a4, b + x - 1 + k, 1.0))
            + (r + x) * (np.log(alpha + T) - np.log(alpha + t_x))
        )
    return np.where(has_a4, np.exp(np.minimum(log_odds, 700.0)), 0.0)


def p_alive(params, x, t_x, T, variant="bgnbd"):
    """Probability that each customer is still alive at T, given its history."""
    k = _shift(variant)
    params = _check_params(params)
    x, t_x, T = _arrays(x, t_x, T)
    return 1.0 / (1.0 + _odds_dead(params, x, t_x, T, k))


def expected_transactions(params, t, x, t_x, T, variant="bgnbd"):
    """Expected number of purchases in the next ``t`` time units, given each history
    (the conditional expectation of FHL 2005, eq. 10, with ``scipy.special.hyp2f1``)."""
    k = _shift(variant)
    r, alpha, a, b = _check_params(params)
    x, t_x, T = _arrays(x, t_x, T)
    if t <= 0:
        return np.zeros_like(x)
    if abs(a - 1.0) < 1e-9:
        a = 1.0 + 1e-9  # the closed form has a removable singularity at a = 1
    z = t / (alpha + T + t)
    hyp = special.hyp2f1(r + x, b + x + k, a + b + x - 1 + k, z)
    with np.errstate(over="ignore", invalid="ignore"):
        ratio = np.exp((r + x) * (np.log(alpha + T) - np.log(alpha + T + t)))
        first = (a + b + x - 1 + k) / (a - 1)
        value = first * (1.0 - ratio * hyp) / (1.0 + _odds_dead((r, alpha, a, b), x, t_x, T, k))
    return np.where(np.isfinite(value), np.maximum(value, 0.0), 0.0)


def simulate(params, T, variant="bgnbd", seed=0, horizon=0.0):
    """Simulate histories from the model for customers of ages ``T`` (numpy, vectorised).

    Returns ``(x, t_x, T)`` arrays, and with ``horizon > 0`` also the number of purchases
    each customer makes in the ``horizon`` time units after ``T`` (a hold-out period).
    Used by the tests (parameter recovery, conditional expectation) and the benchmark
    (scripts/bench_churn.py).
    """
    k = _shift(variant)
    r, alpha, a, b = _check_params(params)
    T = np.asarray(T, dtype=float)
    n = T.size
    end = T + horizon
    rng = np.random.default_rng(seed)
    lam = rng.gamma(r, 1.0 / alpha, n)
    p = rng.beta(a, b, n)
    x = np.zeros(n)
    t_x = np.zeros(n)
    future = np.zeros(n)
    now = np.zeros(n)
    alive = np.ones(n, dtype=bool)
    if k:
        alive &= rng.random(n) >= p  # drop-out right after the first purchase
    idx = np.flatnonzero(alive)
    while idx.size:
        now[idx] += rng.exponential(1.0, idx.size) / lam[idx]
        idx = idx[now[idx] <= end[idx]]
        calibration = now[idx] <= T[idx]
        cal_idx = idx[calibration]
        x[cal_idx] += 1
        t_x[cal_idx] = now[cal_idx]
        future[idx[~calibration]] += 1
        idx = idx[rng.random(idx.size) >= p[idx]]  # drop-out after a repeat purchase
    if horizon > 0:
        return x, t_x, T.copy(), future
    return x, t_x, T.copy()
