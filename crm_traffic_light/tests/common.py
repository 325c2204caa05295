from odoo.tests import new_test_user


def create_salesperson(env, login, name=None, groups="sales_team.group_sale_salesman"):
    """A salesperson as the sales app creates one: internal user with the Sales / User group."""
    return new_test_user(env, login=login, name=name or login.title(), groups=groups)


def create_customer(env, name, salesperson=None, flag=None, company=None):
    """A company customer with the given traffic light in ``company`` (default: current)."""
    partner = env["res.partner"].create(
        {
            "name": name,
            "is_company": True,
            "customer_rank": 1,
            "user_id": salesperson.id if salesperson else False,
        }
    )
    if flag:
        partner.with_company(company or env.company).traffic_light = flag
    return partner


def make_result(flag, **indicators):
    """One partner's entry of ``crm.traffic.light.engine.evaluate()``: ``indicators`` maps a
    code to its level, or to a dict of indicator data (value, baseline, orange, red, level)."""
    data = {}
    for code, level in indicators.items():
        if isinstance(level, dict):
            data[code] = {"mode": "absolute", **level}
        else:
            data[code] = {
                "value": {"green": 10.0, "orange": 100.0, "red": 200.0}[level],
                "baseline": None,
                "orange": 90.0,
                "red": 180.0,
                "mode": "absolute",
                "level": level,
            }
    return {"flag": flag, "indicators": data}


def sync_flags(env, company, flags):
    """Store ``flags`` ({partner: flag}) on the partners as the engine would and hand the
    matching results to the alerts. Returns what ``_sync_from_results`` returns."""
    results = {}
    for partner, flag in flags.items():
        partner.with_company(company).traffic_light = flag
        level = flag if flag in ("orange", "red") else "green"
        results[partner.id] = make_result(flag, days_since_last_order=level)
    return env["crm.traffic.light.alert"]._sync_from_results(company, results)


def create_team(env, name, leader, members, company=None):
    """A sales team led by ``leader`` with ``members`` (their main team)."""
    return env["crm.team"].create(
        {
            "name": name,
            "user_id": leader.id,
            "company_id": (company or env.company).id,
            "crm_team_member_ids": [(0, 0, {"user_id": user.id}) for user in members],
        }
    )
