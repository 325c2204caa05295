from . import test_bgnbd, test_churn_model, test_tour, test_traffic_light_field
