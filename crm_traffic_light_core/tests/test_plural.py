# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from ..tools.plural import ALERTS, DAYS, WEEKS, plural_category
from .common import TrafficLightCase, ago, create_customer, create_orders, load_languages

LANGS = ("pl_PL", "ru_RU", "cs_CZ")


@tagged("post_install", "-at_install")
class TestPluralForms(TrafficLightCase):
    """Counted words in explanations read right in each language: "1 dzień", "2 dni",
    "5 dni"; "1 день", "2 дня", "5 дней", "21 день"."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        load_languages(cls.env, *LANGS)

    def counted(self, word, lang, *counts):
        env = self.env(context=dict(self.env.context, lang=lang))
        return [word.format(env, count) for count in counts]

    def test_english_singular_and_plural(self):
        self.assertEqual(self.counted(DAYS, "en_US", 1, 2, 21), ["1 day", "2 days", "21 days"])
        self.assertEqual(self.counted(WEEKS, "en_US", 1, 3), ["1 week", "3 weeks"])
        self.assertEqual(self.counted(ALERTS, "en_US", 1, 12), ["1 alert", "12 alerts"])

    def test_polish_plural_forms(self):
        self.assertEqual(
            self.counted(DAYS, "pl_PL", 1, 2, 5, 12, 22, 25),
            ["1 dzień", "2 dni", "5 dni", "12 dni", "22 dni", "25 dni"],
        )
        self.assertEqual(
            self.counted(WEEKS, "pl_PL", 1, 2, 5, 12, 22),
            ["1 tydzień", "2 tygodnie", "5 tygodni", "12 tygodni", "22 tygodnie"],
        )
        self.assertEqual(
            self.counted(ALERTS, "pl_PL", 1, 3, 5, 14, 24),
            ["1 alert", "3 alerty", "5 alertów", "14 alertów", "24 alerty"],
        )

    def test_russian_plural_forms(self):
        self.assertEqual(
            self.counted(DAYS, "ru_RU", 1, 2, 5, 11, 21, 22, 111),
            ["1 день", "2 дня", "5 дней", "11 дней", "21 день", "22 дня", "111 дней"],
        )
        self.assertEqual(
            self.counted(WEEKS, "ru_RU", 1, 3, 5, 21),
            ["1 неделя", "3 недели", "5 недель", "21 неделя"],
        )
        self.assertEqual(
            self.counted(ALERTS, "ru_RU", 1, 4, 7),
            ["1 предупреждение", "4 предупреждения", "7 предупреждений"],
        )

    def test_untranslated_category_falls_back_to_the_plural(self):
        """Czech has a 'few' category but this addon has no Czech translation: the reader
        gets the plain plural, never the translator's marker."""
        self.assertEqual(plural_category("cs_CZ", 3), "few")
        self.assertEqual(self.counted(DAYS, "cs_CZ", 1, 3, 7), ["1 day", "3 days", "7 days"])

    def test_explanation_counts_days_in_the_readers_language(self):
        customer = create_customer(self.env, "Plural Customer", self.salesperson)
        create_orders(self.env, customer, ago(21), 500.0)
        self.engine.recompute_partners(customer)
        self.assertEqual(self.indicator(customer, "last_order")["value"], 21)
        explanation = {
            lang: str(customer.with_context(lang=lang).traffic_light_explanation)
            for lang in ("en_US", "pl_PL", "ru_RU")
        }
        self.assertIn("21 days", explanation["en_US"])
        self.assertIn("21 dni", explanation["pl_PL"])
        self.assertIn("21 день", explanation["ru_RU"])
        self.assertNotIn("21 дней", explanation["ru_RU"])
