from . import (
    test_analytics,
    test_health_card,
    test_reason_report,
)
