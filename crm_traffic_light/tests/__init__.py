from . import (
    test_alert_engine,
    test_alert_lifecycle,
    test_alert_security,
    test_alert_tour,
    test_engine,
    test_indicators,
    test_sales_plan,
    test_tour,
    test_traffic_light_field,
)
