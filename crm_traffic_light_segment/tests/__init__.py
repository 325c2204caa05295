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
