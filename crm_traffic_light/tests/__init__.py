from . import test_alert_lifecycle, test_tour, test_traffic_light_field
