# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import (
    test_engine,
    test_hooks,
    test_indicators,
    test_norm_simulation_wizard,
    test_norm_simulator,
    test_override,
    test_partner_merge,
    test_plural,
    test_tour,
    test_traffic_light_field,
)
