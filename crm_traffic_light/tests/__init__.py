from . import test_engine, test_indicators, test_tour, test_traffic_light_field
