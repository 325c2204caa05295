# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The BG/NBD and MBG/NBD functions (maths/bgnbd.py) against hand computations, simulations
and the published CDNOW estimate. Plain unit tests: no Odoo, no database."""

import csv
import math
import os
from unittest import TestCase

import numpy as np

from .. import bgnbd

DATA_DIR = os.path.join(os.path.dirname(__file__), "data")

# Parameters chosen so that every Gamma function below is a factorial:
# r = 1, alpha = 2, a = 1, b = 2.
HAND_PARAMS = (1.0, 2.0, 1.0, 2.0)


def load_cdnow():
    """The CDNOW sample of Fader, Hardie and Lee (2005): 2357 customers, 39 weeks."""
    with open(os.path.join(DATA_DIR, "cdnow_customers_summary.csv"), newline="") as handle:
        rows = list(csv.DictReader(handle))
    x = np.array([float(row["frequency"]) for row in rows])
    t_x = np.array([float(row["recency"]) for row in rows])
    T = np.array([float(row["T"]) for row in rows])
    return x, t_x, T


def relative_error(value, reference):
    return abs(value - reference) / abs(reference)


class TestBgNbdLikelihood(TestCase):
    def test_likelihood_no_repeat_purchase_by_hand(self):
        # x = 0, T = 4: A1 = G(1) 2^1 / G(1) = 2; A2 = G(3) G(2) / (G(2) G(3)) = 1;
        # A3 = (1 / (2 + 4))^1 = 1/6; no A4 term.  L = 2 * 1 * 1/6 = 1/3.
        ll = bgnbd.individual_log_likelihood(HAND_PARAMS, [0], [0], [4])
        self.assertAlmostEqual(float(ll[0]), math.log(1 / 3), places=12)

    def test_likelihood_repeat_buyer_by_hand(self):
        # x = 2, t_x = 3, T = 4: A1 = G(3) 2 / G(1) = 4; A2 = G(3) G(4) / (G(2) G(5)) = 12/24;
        # A3 = (1/6)^3 = 1/216; A4 = a / (b + x - 1) (1 / (2 + 3))^3 = 1/3 * 1/125 = 1/375.
        # L = 4 * 1/2 * (1/216 + 1/375) = 2 * 591 / 81000 = 1182 / 81000.
        ll = bgnbd.individual_log_likelihood(HAND_PARAMS, [2], [3], [4])
        self.assertAlmostEqual(float(ll[0]), math.log(1182 / 81000), places=12)
        self.assertAlmostEqual(
            bgnbd.log_likelihood(HAND_PARAMS, [0, 2], [0, 3], [4, 4]),
            math.log(1 / 3) + math.log(1182 / 81000),
            places=12,
        )

    def test_mbgnbd_likelihood_single_order_by_hand(self):
        # MBG/NBD, x = 0, T = 4: A1 = 2; A2 = G(3) G(3) / (G(2) G(4)) = 4/6;
        # A3 = 1/6; A4 = a / (b + x) (1 / (2 + 0))^1 = 1/2 * 1/2 = 1/4 (also when x = 0).
        # L = 2 * 2/3 * (1/6 + 1/4) = 5/9.
        ll = bgnbd.individual_log_likelihood(HAND_PARAMS, [0], [0], [4], variant="mbgnbd")
        self.assertAlmostEqual(float(ll[0]), math.log(5 / 9), places=12)

    def test_p_alive_by_hand(self):
        # BG/NBD x = 2, t_x = 3, T = 4: 1 / (1 + 1/3 (6/5)^3) = 375 / 591.
        # MBG/NBD x = 0, T = 4: 1 / (1 + 1/2 (6/2)^1) = 0.4; BG/NBD gives 1 for x = 0.
        self.assertAlmostEqual(
            float(bgnbd.p_alive(HAND_PARAMS, [2], [3], [4])[0]), 375 / 591, places=12
        )
        self.assertAlmostEqual(
            float(bgnbd.p_alive(HAND_PARAMS, [0], [0], [4], variant="mbgnbd")[0]), 0.4, places=12
        )
        self.assertEqual(float(bgnbd.p_alive(HAND_PARAMS, [0], [0], [4])[0]), 1.0)

    def test_bad_input_is_refused(self):
        with self.assertRaises(ValueError):
            bgnbd.log_likelihood((1, 2, 0, 2), [1], [1], [2])
        with self.assertRaises(ValueError):
            bgnbd.log_likelihood(HAND_PARAMS, [1], [3], [2])  # last order after the end
        with self.assertRaises(ValueError):
            bgnbd.fit([0, 0], [0, 0], [3, 4])  # nobody ever came back


class TestBgNbdFit(TestCase):
    def test_cdnow_published_estimate(self):
        """Fader, Hardie and Lee (2005), CDNOW sample, 39 weeks: r = 0.243, alpha = 4.414,
        a = 0.793, b = 2.426, LL = -9582.4."""
        x, t_x, T = load_cdnow()
        self.assertEqual(x.size, 2357)
        fit = bgnbd.fit(x, t_x, T)
        self.assertTrue(fit.converged, fit.message)
        published = {"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426}
        for name, value in published.items():
            estimate = getattr(fit, name)
            message = "%s = %s, published %s" % (name, estimate, value)
            # 3 significant digits, and even every decimal the paper prints
            self.assertEqual("%.3g" % estimate, "%.3g" % value, message)
            self.assertEqual(round(estimate, 3), value, message)
        self.assertAlmostEqual(fit.log_likelihood, -9582.4, delta=0.05)
        # The paper's worked example: 2 repeat purchases, the last at 30.43 weeks, T = 38.86:
        # 1.226 expected purchases in the next 39 weeks.
        expected = bgnbd.expected_transactions(fit.params, 39, [2], [30.43], [38.86])
        self.assertAlmostEqual(float(expected[0]), 1.226, places=3)

    def test_recovers_simulated_parameters(self):
        truth = (0.8, 6.0, 0.7, 3.0)
        rng = np.random.default_rng(20260101)
        for variant in bgnbd.VARIANTS:
            T = rng.uniform(20, 104, 5000)
            x, t_x, T = bgnbd.simulate(truth, T, variant=variant, seed=42)
            fit = bgnbd.fit(x, t_x, T, variant=variant)
            self.assertTrue(fit.converged, fit.message)
            for estimate, true in zip(fit.params, truth, strict=True):
                self.assertLess(
                    relative_error(estimate, true), 0.25, "%s: %s vs %s" % (variant, fit, truth)
                )
            # the maximum is a maximum: the true parameters fit no better
            self.assertGreaterEqual(
                fit.log_likelihood, bgnbd.log_likelihood(truth, x, t_x, T, variant=variant)
            )

    def test_expected_transactions_match_simulation(self):
        """The conditional expectation (hyp2f1) against the purchases simulated customers
        really make in a hold-out period, for light, heavy and one-time buyers."""
        params = (1.2, 8.0, 0.5, 2.5)
        for variant in bgnbd.VARIANTS:
            x, t_x, T, future = bgnbd.simulate(
                params, np.full(60000, 52.0), variant=variant, seed=5, horizon=13.0
            )
            predicted = bgnbd.expected_transactions(params, 13.0, x, t_x, T, variant=variant)
            for group in (x == 0, (x >= 1) & (x <= 3), x >= 8):
                self.assertGreater(group.sum(), 1000)
                self.assertAlmostEqual(
                    predicted[group].mean(),
                    future[group].mean(),
                    delta=0.05 * future[group].mean() + 0.01,
                    msg=variant,
                )


class TestBgNbdSingleOrder(TestCase):
    def test_single_order_customer_fades_with_mbgnbd(self):
        params = (0.5, 6.0, 0.9, 1.6)
        ages = np.array([1.0, 4.0, 13.0, 26.0, 52.0])
        zeros = np.zeros_like(ages)
        bg = bgnbd.p_alive(params, zeros, zeros, ages, variant="bgnbd")
        mbg = bgnbd.p_alive(params, zeros, zeros, ages, variant="mbgnbd")
        self.assertTrue(np.all(bg == 1.0), "BG/NBD: a one-time buyer is never believed gone")
        self.assertTrue(np.all(mbg < 1.0))
        self.assertTrue(np.all(np.diff(mbg) < 0), "longer silence, lower P(alive): %s" % mbg)
        self.assertLess(mbg[-1], 0.4)
        expected = bgnbd.expected_transactions(params, 13, zeros, zeros, ages, variant="mbgnbd")
        self.assertTrue(np.all(np.diff(expected) < 0))


class TestBgNbdPAlive(TestCase):
    def test_longer_silence_lowers_p_alive_of_frequent_buyers(self):
        params = (0.243, 4.414, 0.793, 2.426)  # CDNOW
        for variant in bgnbd.VARIANTS:
            # 10 repeat purchases in 20 weeks, then 0 .. 30 weeks of silence.
            silence = np.arange(0.0, 31.0)
            alive = bgnbd.p_alive(params, 10, 20.0, 20.0 + silence, variant=variant)
            self.assertTrue(np.all(np.diff(alive) < 0), alive)
            self.assertGreater(alive[0], 0.9)
            self.assertLess(alive[-1], 0.1)

    def test_same_silence_hurts_frequent_buyers_more(self):
        params = (0.243, 4.414, 0.793, 2.426)
        # 9 weeks of silence after 12 purchases in 36 weeks vs after 2 in 36 weeks.
        frequent, rare = bgnbd.p_alive(params, [12, 2], [36.0, 36.0], [45.0, 45.0])
        self.assertLess(frequent, rare)
