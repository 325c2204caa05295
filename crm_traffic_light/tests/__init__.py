from . import test_indicators, test_tour, test_traffic_light_field
