from . import (
    test_engine,
    test_indicators,
    test_norm_simulation_wizard,
    test_norm_simulator,
    test_override,
    test_partner_merge,
    test_plural,
    test_tour,
    test_traffic_light_field,
)
