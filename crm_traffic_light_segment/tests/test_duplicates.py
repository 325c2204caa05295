# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from unittest.mock import patch

from odoo.tests import TransactionCase, tagged

from ..models.crm_traffic_light_duplicate import (
    CrmTrafficLightDuplicate,
    normalize_name,
    normalize_phone,
    normalize_vat,
)


@tagged("post_install", "-at_install")
class TestDuplicates(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Partner = cls.env["res.partner"]
        cls.Duplicate = cls.env["crm.traffic.light.duplicate"]

    def _company(self, name, **vals):
        return self.Partner.create({"name": name, "is_company": True, **vals})

    def _pair(self, a, b):
        p1, p2 = sorted((a.id, b.id))
        return self.Duplicate.search([("partner1_id", "=", p1), ("partner2_id", "=", p2)])

    def test_normalization(self):
        self.assertEqual(normalize_name("Kowalski Sp. z o.o."), "kowalski")
        self.assertEqual(normalize_name("KOWALSKI spółka z o.o."), "kowalski")
        self.assertEqual(normalize_name("ООО «Ромашка»"), "ромашка")
        self.assertEqual(normalize_name("Ромашка ООО"), "ромашка")
        self.assertEqual(normalize_name("Acme Ltd"), "acme")
        self.assertEqual(normalize_name("ACME Limited"), "acme")
        self.assertEqual(normalize_name('"Żabka" S.A.'), "zabka")
        self.assertEqual(normalize_name("Müller GmbH"), "muller")
        self.assertEqual(normalize_name("Jan Nowak i Wspólnicy Sp. j."), "jan nowak i wspolnicy")
        self.assertEqual(normalize_name("LLC"), "llc", "a bare legal form stays a name")
        self.assertEqual(normalize_vat("PL 526-000-12-46"), "5260001246")
        self.assertEqual(normalize_vat("5260001246"), "5260001246")
        self.assertEqual(normalize_vat("RU7707083893"), "7707083893")
        self.assertEqual(normalize_vat("DE 123456789"), "123456789")
        self.assertEqual(normalize_phone("+48 601-234-567"), "601234567")
        self.assertEqual(normalize_phone("0601 234 567"), "601234567")

    def _variants(self):
        return {
            "pl": (
                self._company("Kowalskiewicz Sp. z o.o."),
                self._company("KOWALSKIEWICZ spółka z o.o."),
            ),
            "ru": (self._company("ООО «Ромашковое поле»"), self._company("Ромашковое поле ООО")),
            "en": (self._company("Acmeworks Ltd"), self._company("ACMEWORKS Limited")),
            "vat": (
                self._company("Bialy Kruk Handel", vat="PL 526-000-12-46"),
                self._company("B.K. Handel", vat="5260001246"),
            ),
            "different_vat": (
                self._company("Nowakowski Sp. z o.o.", vat="PL1111111111"),
                self._company("Nowakowski S.A.", vat="PL2222222222"),
            ),
            "similar": (
                self._company("Przedsiębiorstwo Handlowe Zielonogórskie"),
                self._company("Przedsiebiorstwo Handlowe Zielonogorskie Nowe"),
            ),
            "email": (
                self._company("Blue Fox", email="Office@bluefox-test.example"),
                self._company("Fox Blue Trading", email="office@bluefox-test.example"),
            ),
        }

    def _check_variants(self, variants, trigram):
        for key in ("pl", "ru", "en"):
            pair = self._pair(*variants[key])
            self.assertTrue(pair, f"{key} name variants are paired")
            self.assertTrue(pair.same_name)
            self.assertGreaterEqual(pair.score, 90)
        pair = self._pair(*variants["vat"])
        self.assertEqual(pair.score, 100, "same VAT in different notations")
        self.assertIn("VAT", pair.reasons)
        self.assertFalse(
            self._pair(*variants["different_vat"]), "same name, different VAT: not paired"
        )
        pair = self._pair(*variants["email"])
        self.assertTrue(pair.same_email)
        self.assertEqual(bool(self._pair(*variants["similar"])), trigram)

    def test_finder_pairs_pl_ru_en_variants(self):
        variants = self._variants()
        stats = self.Duplicate._find_duplicates()
        self.assertEqual(stats["method"], "trigram", "pg_trgm is available on the test server")
        self._check_variants(variants, trigram=True)
        pair = self._pair(*variants["similar"])
        self.assertFalse(pair.same_name)
        self.assertGreaterEqual(pair.name_similarity, 60)

    def test_finder_without_pg_trgm_falls_back_to_exact_keys(self):
        variants = self._variants()
        with patch.object(CrmTrafficLightDuplicate, "_trigram_available", return_value=False):
            stats = self.Duplicate._find_duplicates()
        self.assertEqual(stats["method"], "exact")
        self._check_variants(variants, trigram=False)

    def test_dismiss_is_kept_and_merge_uses_odoo_wizard(self):
        variants = self._variants()
        self.Duplicate._find_duplicates()
        pair = self._pair(*variants["en"])
        pair.action_dismiss()
        self.Duplicate._find_duplicates()
        self.assertEqual(self._pair(*variants["en"]).state, "dismissed")
        # merge with Odoo's own wizard, preloaded with the pair
        pair = self._pair(*variants["pl"])
        action = pair.action_merge()
        self.assertEqual(action["res_model"], "base.partner.merge.automatic.wizard")
        wizard = self.env[action["res_model"]].with_context(**action["context"]).create({})
        self.assertEqual(wizard.partner_ids, variants["pl"][0] | variants["pl"][1])
        wizard.action_merge()
        self.assertFalse(pair.exists(), "the pair disappears with the merged partner")
        self.assertEqual(len((variants["pl"][0] | variants["pl"][1]).exists()), 1)
