from . import test_condition_money_at_risk
