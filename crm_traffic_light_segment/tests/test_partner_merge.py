# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from .common import PartnerMergeCase, create_salesperson


@tagged("post_install", "-at_install")
class TestPartnerMerge(PartnerMergeCase):
    """Merged customers keep one segment row per company and their duplicate pairs."""

    def test_segments_of_the_merged_customers(self):
        Segment = self.env["crm.traffic.light.segment"]
        segments = Segment.create(
            [
                {"partner_id": self.src.id, "company_id": self.company.id, "abc_class": "A"},
                {"partner_id": self.dst.id, "company_id": self.company.id, "abc_class": "C"},
                {"partner_id": self.src.id, "company_id": self.company_b.id, "abc_class": "B"},
            ]
        )
        # the source had another salesperson: what moves follows the destination's
        self.src.user_id = create_salesperson(self.env, "merge_sales_src")
        self.merge()
        self.assertEqual(Segment.search([("partner_id", "=", self.dst.id)]), segments[1:])
        self.assertEqual(segments[2].user_id, self.salesperson)

    def test_duplicate_pairs_follow_the_customer(self):
        # another customer listed as a possible duplicate of the source, dismissed by a user
        other = self.env["res.partner"].create({"name": "Kowalska Trade", "is_company": True})
        third = self.env["res.partner"].create({"name": "Kowalsky GmbH", "is_company": True})
        Duplicate = self.env["crm.traffic.light.duplicate"]
        pairs = Duplicate.create(
            [
                {"partner1_id": self.src.id, "partner2_id": self.dst.id, "score": 95},
                {
                    "partner1_id": self.src.id,
                    "partner2_id": other.id,
                    "score": 70,
                    "state": "dismissed",
                },
                # both merged customers paired with ``third``: one pair remains, dismissed
                {
                    "partner1_id": self.src.id,
                    "partner2_id": third.id,
                    "score": 65,
                    "state": "dismissed",
                },
                {"partner1_id": self.dst.id, "partner2_id": third.id, "score": 65},
            ]
        )
        self.merge()
        self.assertFalse(pairs[0].exists(), "the merged pair is settled")
        self.assertEqual(
            (pairs[1].partner1_id, pairs[1].partner2_id, pairs[1].state),
            (self.dst, other, "dismissed"),
            "the dismissal stays",
        )
        self.assertFalse(pairs[2].exists())
        self.assertEqual(pairs[3].state, "dismissed")
        self.assertEqual(Duplicate.search([("partner1_id", "=", self.dst.id)]), pairs[1] | pairs[3])
