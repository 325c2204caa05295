from . import (
    test_completeness_potential,
    test_contact_discipline,
    test_duplicates,
    test_engine,
    test_indicators,
    test_segment_norms,
    test_segment_security,
    test_segments,
    test_tour,
    test_traffic_light_field,
)
