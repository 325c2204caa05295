from . import (
    test_bgnbd,
    test_churn_model,
    test_engine,
    test_indicators,
    test_norm_simulation_wizard,
    test_norm_simulator,
    test_p_alive_indicator,
    test_tour,
    test_traffic_light_field,
)
