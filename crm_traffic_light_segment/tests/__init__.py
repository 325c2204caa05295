# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import (
    test_completeness_potential,
    test_contact_discipline,
    test_duplicates,
    test_partner_merge,
    test_segment_norms,
    test_segment_security,
    test_segments,
    test_tour,
)
