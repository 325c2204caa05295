from . import test_tour, test_traffic_light_field
