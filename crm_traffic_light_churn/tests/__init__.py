from . import (
    test_churn_model,
    test_p_alive_indicator,
)
