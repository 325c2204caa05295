import json
from collections import defaultdict

from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL, format_date
from odoo.tools.mail import generate_tracking_message_id

from ..tools.plural import DAYS
from .res_partner import ALERT_FLAG_SELECTION

ALERT_STATE_SELECTION = [
    ("new", "New"),
    ("in_progress", "In Progress"),
    ("escalated", "Escalated"),
    ("resolved", "Resolved"),
    ("auto_resolved", "Auto-Resolved"),
]
OPEN_STATES = ("new", "in_progress", "escalated")
CLOSED_STATES = ("resolved", "auto_resolved")
FLAG_SEVERITY = {"green": 0, "orange": 1, "red": 2}
SCALAR_TYPES = frozenset((int, float, str, bool, type(None)))
# Playbooks launched inside an engine batch: beyond this many new/upgraded alerts in one batch
# (e.g. the first full run), the rest wait for the playbook cron. System parameter
# ``crm_traffic_light.alert_playbook_batch_limit`` overrides it.
PLAYBOOK_BATCH_LIMIT = 200
# Playbooks launched by one full run over all its batches (the first run after installation
# raises tens of thousands of alerts). System parameter
# ``crm_traffic_light.alert_playbook_run_limit`` overrides it.
PLAYBOOK_RUN_LIMIT = 200
# Pending alerts handled per committed batch of the playbook cron.
PLAYBOOK_CRON_BATCH = 200
# Fields a salesperson may not change on their own alerts (the engine and managers set them).
MANAGER_ONLY_FIELDS = {"partner_id", "company_id", "flag", "user_id", "manager_id", "date_raised"}
# Fields only the alert's own actions (buttons, engine, crons) change.
SYSTEM_FIELDS = {
    "state",
    "date_red",
    "date_first_action",
    "date_escalated",
    "date_closed",
    "indicator_snapshot",
    "main_indicator_code",
    "snoozed_until",
    "snooze_reason",
    "playbook_pending",
}


class CrmTrafficLightAlert(models.Model):
    _name = "crm.traffic.light.alert"
    _description = "Customer Traffic Light Alert"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_raised desc, id desc"
    _check_company_auto = True
    _rec_names_search = ["partner_id.name"]

    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        index=True,
        ondelete="cascade",
        readonly=True,
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        readonly=True,
        default=lambda self: self.env.company,
    )
    flag = fields.Selection(
        ALERT_FLAG_SELECTION,
        required=True,
        readonly=True,
        tracking=True,
        help="Orange: corrective actions are proposed, the alert can be closed without them. "
        "Red: actions are mandatory, closing needs a reason and a note; the manager is "
        "involved.",
    )
    state = fields.Selection(
        ALERT_STATE_SELECTION,
        required=True,
        default="new",
        index=True,
        readonly=True,
        tracking=True,
    )
    is_open = fields.Boolean(compute="_compute_is_open", search="_search_is_open")
    user_id = fields.Many2one(
        "res.users",
        string="Salesperson",
        index=True,
        tracking=True,
        domain="[('share', '=', False)]",
    )
    manager_id = fields.Many2one(
        "res.users",
        string="Manager",
        index=True,
        tracking=True,
        domain="[('share', '=', False)]",
        help="The salesperson's sales team leader, unless a manager is set on the customer.",
    )
    reason_id = fields.Many2one(
        "crm.traffic.light.alert.reason",
        string="Reason",
        tracking=True,
        ondelete="restrict",
        domain="['|', ('company_id', '=', False), ('company_id', '=', company_id)]",
    )
    note = fields.Text(tracking=True, help="What happened and what was agreed with the customer.")
    date_raised = fields.Datetime(
        required=True, readonly=True, default=fields.Datetime.now, index=True
    )
    date_red = fields.Datetime(string="Red Since", readonly=True)
    date_first_action = fields.Datetime(string="First Action", readonly=True)
    date_escalated = fields.Datetime(readonly=True)
    date_closed = fields.Datetime(readonly=True, tracking=True)
    response_hours = fields.Float(
        string="Response Time (hours)",
        compute="_compute_durations",
        store=True,
        aggregator="avg",
        help="Hours between the alert being raised and the first action on it.",
    )
    handling_hours = fields.Float(
        string="Handling Time (hours)",
        compute="_compute_durations",
        store=True,
        aggregator="avg",
        help="Hours between the alert being raised and its closing.",
    )
    handling_days = fields.Float(
        string="Handling Time (days)",
        compute="_compute_durations",
        store=True,
        aggregator="avg",
    )
    # The indicators at the time the alert was raised (or upgraded): the engine's results.
    indicator_snapshot = fields.Json(readonly=True, copy=False)
    main_indicator_code = fields.Char(
        string="Main Cause",
        readonly=True,
        index=True,
        help="Code of the indicator with the worst level when the alert was raised.",
    )
    cause_summary = fields.Char(string="Causes", compute="_compute_cause_summary")
    explanation_html = fields.Html(
        string="Explanation", compute="_compute_explanation", sanitize=False
    )
    # Recovery plan
    recovery_type = fields.Selection(
        [
            ("classification", "Change of Classification"),
            ("sales_plan", "Sales Plan"),
        ],
        tracking=True,
    )
    recovery_note = fields.Text(
        string="Recovery Plan", tracking=True, help="New classification or plan agreed."
    )
    sales_plan_ids = fields.One2many("crm.traffic.light.sales.plan", "alert_id")
    sales_plan_count = fields.Integer(compute="_compute_sales_plan_count")
    # Snooze
    snoozed_until = fields.Date(tracking=True, readonly=True, copy=False)
    snooze_reason = fields.Char(tracking=True, readonly=True, copy=False)
    is_snoozed = fields.Boolean(compute="_compute_is_snoozed", search="_search_is_snoozed")
    partner_traffic_light = fields.Selection(
        related="partner_id.traffic_light", string="Current Traffic Light"
    )
    color = fields.Integer(compute="_compute_color")
    playbook_pending = fields.Selection(
        [("raised", "Raised"), ("upgraded", "Upgraded to Red")],
        string="Playbook Pending",
        readonly=True,
        copy=False,
        index=True,
        help="The playbook activities of this alert are not created yet: too many alerts were "
        "raised at once, a scheduled action launches them within minutes.",
    )

    def init(self):
        # One open alert per customer and company, enforced by the database.
        self.env.cr.execute(
            SQL(
                "CREATE UNIQUE INDEX IF NOT EXISTS crm_traffic_light_alert_open_uniq "
                "ON crm_traffic_light_alert (partner_id, company_id) "
                "WHERE state IN %s",
                OPEN_STATES,
            )
        )

    # ------------------------------------------------------------------ computes

    @api.depends("partner_id", "flag")
    def _compute_display_name(self):
        flags = dict(self._fields["flag"]._description_selection(self.env))
        for alert in self:
            alert.display_name = self._alert_name(
                alert.partner_id.display_name, flags.get(alert.flag, "")
            )

    @api.model
    def _alert_name(self, customer, flag_label):
        return self.env._("%(customer)s (%(flag)s)", customer=customer or "", flag=flag_label)

    @api.depends("state")
    def _compute_is_open(self):
        for alert in self:
            alert.is_open = alert.state in OPEN_STATES

    def _search_is_open(self, operator, value):
        if operator not in ("=", "!="):
            raise UserError(self.env._("Unsupported search on open alerts."))
        positive = (operator == "=") == bool(value)
        return [("state", "in" if positive else "not in", OPEN_STATES)]

    @api.depends("snoozed_until")
    def _compute_is_snoozed(self):
        today = fields.Date.context_today(self)
        for alert in self:
            alert.is_snoozed = bool(alert.snoozed_until and alert.snoozed_until >= today)

    def _search_is_snoozed(self, operator, value):
        if operator not in ("=", "!="):
            raise UserError(self.env._("Unsupported search on snoozed alerts."))
        today = fields.Date.context_today(self)
        if (operator == "=") == bool(value):
            return [("snoozed_until", ">=", today)]
        return ["|", ("snoozed_until", "=", False), ("snoozed_until", "<", today)]

    @api.depends("date_raised", "date_first_action", "date_closed")
    def _compute_durations(self):
        for alert in self:
            alert.response_hours = (
                (alert.date_first_action - alert.date_raised).total_seconds() / 3600
                if alert.date_first_action and alert.date_raised
                else 0.0
            )
            hours = (
                (alert.date_closed - alert.date_raised).total_seconds() / 3600
                if alert.date_closed and alert.date_raised
                else 0.0
            )
            alert.handling_hours = hours
            alert.handling_days = hours / 24

    @api.depends("flag", "state")
    def _compute_color(self):
        for alert in self:
            if alert.state in CLOSED_STATES:
                alert.color = 10  # green
            else:
                alert.color = 1 if alert.flag == "red" else 2  # red / orange

    def _compute_sales_plan_count(self):
        for alert in self:
            alert.sales_plan_count = len(alert.sales_plan_ids)

    @api.depends("indicator_snapshot")
    @api.depends_context("lang")
    def _compute_cause_summary(self):
        """The names of the orange/red indicators, worst first (apart from the HTML table:
        the chatter messages of a batch of alerts need only this)."""
        definitions = self._indicator_definitions()
        for alert in self:
            alert.cause_summary = self._cause_summary(alert.indicator_snapshot, definitions)

    @api.model
    def _cause_summary(self, snapshot, definitions):
        causes = [
            (FLAG_SEVERITY[data["level"]], definitions.get(code, {}).get("name") or code)
            for code, data in (snapshot or {}).items()
            if data.get("level") in ("orange", "red")
        ]
        return ", ".join(name for _rank, name in sorted(causes, reverse=True))

    @api.depends("indicator_snapshot")
    @api.depends_context("lang")
    def _compute_explanation(self):
        """The engine's explanation table, rendered from the values at the time."""
        Status = self.env["crm.traffic.light.status"]
        for alert in self:
            snapshot = alert.indicator_snapshot or {}
            alert.explanation_html = (
                Status.new({"indicator_values": snapshot})._render_explanation()
                if snapshot
                else False
            )

    @api.model
    def _indicator_definitions(self):
        """``{code: definition}`` of the engine's indicators, in the reader's language."""
        return self.env["crm.traffic.light.indicator.mixin"]._get_definitions()

    # ------------------------------------------------------------------ constraints

    @api.constrains("state", "flag", "reason_id", "note")
    def _check_red_closing(self):
        for alert in self:
            if alert.state == "resolved" and alert.flag == "red":
                alert._check_can_close()

    def _check_can_close(self):
        self.ensure_one()
        if self.flag != "red":
            return
        missing = []
        if not self.reason_id:
            missing.append(self.env._("a reason"))
        if not (self.note or "").strip():
            missing.append(self.env._("a note"))
        if missing:
            if not self.reason_id and not self.env["crm.traffic.light.alert.reason"].search_count(
                [("company_id", "in", [False, self.company_id.id])], limit=1
            ):
                raise UserError(
                    self.env._(
                        "The alert of %(customer)s is red and needs a reason, but no reason is "
                        "configured. Ask your sales manager to create the list of reasons.",
                        customer=self.partner_id.display_name,
                    )
                )
            raise UserError(
                self.env._(
                    "The alert of %(customer)s is red: its actions are mandatory. Choose a "
                    "reason from the list and write a note before closing it (missing: "
                    "%(missing)s).",
                    customer=self.partner_id.display_name,
                    missing=self.env._(" and ").join(missing),
                )
            )

    # ------------------------------------------------------------------ ORM

    def write(self, vals):
        if (
            MANAGER_ONLY_FIELDS & set(vals)
            and not self.env.su
            and not self.env.user.has_group("crm_traffic_light.group_traffic_light_manager")
        ):
            raise AccessError(
                self.env._(
                    "Only sales managers can change the customer, flag, salesperson or manager "
                    "of an alert."
                )
            )
        if (
            SYSTEM_FIELDS & set(vals)
            and not self.env.su
            and not self.env.user.has_group("crm_traffic_light.group_traffic_light_admin")
        ):
            raise AccessError(
                self.env._(
                    "The status and dates of an alert change through its buttons (close, "
                    "snooze) and the traffic light, not directly."
                )
            )
        if {"reason_id", "note", "recovery_type", "recovery_note"} & set(vals) and not (
            {"state", "date_first_action"} & set(vals)
        ):
            starting = self.filtered(lambda a: a.state == "new")
            first = self.filtered(lambda a: not a.date_first_action)
            res = super().write(vals)
            starting.sudo().write({"state": "in_progress"})
            first.sudo().write({"date_first_action": fields.Datetime.now()})
            return res
        return super().write(vals)

    @api.onchange("user_id")
    def _onchange_user_id(self):
        if self.user_id:
            managers = self._get_managers(self.partner_id.ids, {self.partner_id.id: self.user_id})
            self.manager_id = managers.get(self.partner_id.id) or self.manager_id

    # ------------------------------------------------------------------ engine entry points

    @api.model
    def _sync_from_results(self, company, results):
        """Follow the engine's results for a batch of customers of ``company``.

        ``results`` is the structure returned by ``crm.traffic.light.engine.evaluate()``:
        ``{partner_id: {"flag": "green"|"orange"|"red", "indicators": {code: {...}}}}``.
        Orange/red without an open alert raises one and launches its playbook; orange turning
        red upgrades the open alert and launches the red playbook; green auto-resolves the open
        alert and cancels its generated activities. Idempotent, a handful of queries per batch.
        Returns the alerts created, upgraded and resolved.
        """
        if not results:
            return {"created": self.browse(), "upgraded": self.browse(), "resolved": self.browse()}
        # The salesperson is told by the activities (systray), not by one e-mail per alert.
        alerts = self.sudo().with_company(company).with_context(mail_auto_subscribe_no_notify=True)
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "SELECT id, partner_id, flag FROM crm_traffic_light_alert "
                "WHERE company_id = %s AND partner_id = ANY(%s) AND state IN %s",
                company.id,
                list(results),
                OPEN_STATES,
            )
        )
        open_alerts = {
            partner_id: (alert_id, flag) for alert_id, partner_id, flag in self.env.cr.fetchall()
        }
        to_create, to_upgrade, to_resolve = {}, {}, []
        for partner_id, result in results.items():
            flag = (result or {}).get("flag")
            current = open_alerts.get(partner_id)
            if flag in ("orange", "red"):
                if not current:
                    to_create[partner_id] = result
                elif flag == "red" and current[1] == "orange":
                    to_upgrade[current[0]] = result
            elif current:
                to_resolve.append(current[0])
        # Playbooks of the first ``limit`` new/upgraded alerts start now, the others wait for
        # the playbook cron (a first run raises tens of thousands of alerts at once).
        budget = self._playbook_limit(company)
        created = alerts._create_alerts(company, to_create, playbook_limit=budget)
        launched = min(len(created), budget)
        upgraded = alerts.browse(list(to_upgrade))._upgrade_to_red(
            to_upgrade, playbook_limit=budget - launched
        )
        launched += len(upgraded.filtered(lambda a: not a.playbook_pending))
        if launched and self.env.context.get("traffic_light_full_run"):
            company.sudo().traffic_light_run_playbooks += launched
        resolved = alerts.browse(to_resolve)._auto_resolve()
        return {"created": created, "upgraded": upgraded, "resolved": resolved}

    @api.model
    def _apply_overrides(self, company, results):
        """Results with the manual flag overrides of ``company`` applied (see
        ``crm.traffic.light.override``)."""
        return self.env["crm.traffic.light.override"]._apply_overrides(company, results)

    @api.model
    def _snapshot_values(self, result):
        """The part of an engine result stored on the alert: JSON-safe indicator data."""
        snapshot = {}
        for code, data in ((result or {}).get("indicators") or {}).items():
            data = data or {}
            # Usually every value is a scalar: the dict is then taken as it is (tens of
            # thousands of alerts in a first run).
            if all(type(value) in SCALAR_TYPES for value in data.values()):
                snapshot[code] = dict(data)
            else:
                snapshot[code] = {
                    key: value
                    for key, value in data.items()
                    if isinstance(value, (int, float, str, bool, type(None)))
                }
        return snapshot

    @api.model
    def _main_indicator(self, snapshot):
        worst = sorted(
            (
                (-FLAG_SEVERITY.get(data.get("level") or "green", 0), code)
                for code, data in snapshot.items()
            )
        )
        if worst and worst[0][0] < 0:
            return worst[0][1]
        return False

    @api.model
    def _get_managers(self, partner_ids, users=None):
        """``{partner_id: manager user}`` for the given customers: the manager set on the
        customer, else the leader of the salesperson's sales team. One query."""
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
                SELECT p.id, p.user_id, COALESCE(p.traffic_light_manager_id, t.user_id)
                  FROM res_partner p
             LEFT JOIN res_users u ON u.id = p.user_id
             LEFT JOIN crm_team t ON t.id = u.sale_team_id AND t.active
                 WHERE p.id = ANY(%s)
                """,
                list(partner_ids),
            )
        )
        rows = self.env.cr.fetchall()
        if users:
            # Salesperson given explicitly (form onchange): their team leader.
            self.env.cr.execute(
                SQL(
                    "SELECT u.id, t.user_id FROM res_users u "
                    "JOIN crm_team t ON t.id = u.sale_team_id AND t.active WHERE u.id = ANY(%s)",
                    [user.id for user in users.values()],
                )
            )
            leaders = dict(self.env.cr.fetchall())
            return {
                pid: self.env["res.users"].browse(leaders.get(user.id))
                for pid, user in users.items()
            }
        return {pid: self.env["res.users"].browse(manager_id) for pid, _user, manager_id in rows}

    @api.model
    def _playbook_param(self, key, default):
        value = self.env["ir.config_parameter"].sudo().get_param(key)
        try:
            return max(int(value), 0) if value not in (None, False, "") else default
        except ValueError:
            return default

    @api.model
    def _playbook_batch_limit(self):
        """How many new/upgraded alerts of one engine batch get their playbook at once."""
        return self._playbook_param(
            "crm_traffic_light.alert_playbook_batch_limit", PLAYBOOK_BATCH_LIMIT
        )

    @api.model
    def _playbook_limit(self, company):
        """How many new/upgraded alerts of this batch get their playbook at once: the bound
        of a batch and, inside a full run, what is left of the run's budget (the playbooks
        the run already launched are counted on the company, with its cursor)."""
        limit = self._playbook_batch_limit()
        if self.env.context.get("traffic_light_full_run"):
            run_limit = self._playbook_param(
                "crm_traffic_light.alert_playbook_run_limit", PLAYBOOK_RUN_LIMIT
            )
            limit = min(limit, max(run_limit - company.sudo().traffic_light_run_playbooks, 0))
        return limit

    def _create_alerts(self, company, results, playbook_limit=None):
        """Raise the alerts of ``results`` (``{partner_id: result}``, customers of ``company``
        without an open alert) set-based: one INSERT for the alerts, one for their
        followers (the salesperson), one for their creation notes and one for the
        customers' notes; no per-record ORM create or read. A customer that got an open
        alert meanwhile (another transaction) is skipped. The first ``playbook_limit``
        alerts get their playbook now, the others are raised with their playbook pending
        for the playbook cron. Returns the alerts raised, in the order of ``results``."""
        if not results:
            return self.browse()
        self.env.flush_all()
        cr = self.env.cr
        now = fields.Datetime.now()
        # Called by the engine right after it stored the batch: the status of each customer
        # holds the same indicator values, the snapshot is copied from it in SQL.
        stored = self.env.context.get("traffic_light_status_stored")
        rows, snapshots = [], {}
        for n, (partner_id, result) in enumerate(results.items()):
            snapshot = snapshots[partner_id] = self._snapshot_values(result)
            rows.append(
                {
                    "n": n,
                    "partner_id": partner_id,
                    "flag": result["flag"],
                    "snapshot": None
                    if stored and snapshot == result.get("indicators")
                    else snapshot,
                    "main": self._main_indicator(snapshot) or None,
                }
            )
        pending = playbook_limit is not None and len(rows) > playbook_limit
        cr.execute(
            SQL(
                """
                WITH new AS (
                    INSERT INTO crm_traffic_light_alert
                           (partner_id, company_id, flag, state, date_raised, date_red,
                            indicator_snapshot, main_indicator_code, user_id, manager_id,
                            playbook_pending, response_hours, handling_hours, handling_days,
                            create_uid, create_date, write_uid, write_date)
                    SELECT v.partner_id, %(company)s, v.flag, 'new', %(now)s,
                           CASE WHEN v.flag = 'red' THEN %(now)s END,
                           COALESCE(v.snapshot, s.indicator_values), v.main,
                           CASE WHEN u.active THEN p.user_id END,
                           COALESCE(p.traffic_light_manager_id, t.user_id),
                           %(pending)s, 0, 0, 0, %(uid)s, %(now)s, %(uid)s, %(now)s
                      FROM jsonb_to_recordset(%(rows)s::jsonb)
                           AS v(n int, partner_id int, flag varchar, snapshot jsonb, main varchar)
                      JOIN res_partner p ON p.id = v.partner_id
                 LEFT JOIN res_users u ON u.id = p.user_id
                 LEFT JOIN crm_team t ON t.id = u.sale_team_id AND t.active
                 LEFT JOIN crm_traffic_light_status s
                        ON s.partner_id = v.partner_id AND s.company_id = %(company)s
                     ORDER BY v.n
                        ON CONFLICT (partner_id, company_id) WHERE state IN %(open)s DO NOTHING
                 RETURNING id, partner_id, flag
                )
                SELECT new.id, new.partner_id, new.flag, p.complete_name
                  FROM new JOIN res_partner p ON p.id = new.partner_id
                 ORDER BY new.id
                """,
                company=company.id,
                now=now,
                uid=self.env.uid,
                rows=json.dumps(rows),
                open=OPEN_STATES,
                pending="raised" if pending else None,
            )
        )
        raised = cr.fetchall()
        alerts = self.browse(row[0] for row in raised)
        if not alerts:
            return alerts
        alerts._subscribe_salespeople()
        alerts._log_creation()
        now_alerts = alerts if playbook_limit is None else alerts[:playbook_limit]
        if pending:
            if now_alerts:
                cr.execute(
                    SQL(
                        "UPDATE crm_traffic_light_alert SET playbook_pending = NULL "
                        "WHERE id = ANY(%s)",
                        now_alerts.ids,
                    )
                )
            alerts.invalidate_recordset(["playbook_pending"])
            self._trigger_playbook_cron()
        now_alerts._launch_raised_playbooks(company)
        # The customers' notes from what is at hand (no read of the new alerts).
        definitions = self._indicator_definitions()
        flags = dict(self._fields["flag"]._description_selection(self.env))
        text = self._customer_messages()["raised"]
        bodies = {}
        for alert_id, partner_id, flag, name in raised:
            label = flags.get(flag, "")
            causes = self._cause_summary(snapshots[partner_id], definitions)
            bodies[partner_id] = self._customer_note(
                text % {"flag": label, "causes": causes or "-"},
                alert_id,
                self._alert_name(name, label),
            )
        self._log_notes_sql(bodies, model="res.partner")
        return alerts

    def _subscribe_salespeople(self):
        """The salesperson follows their new alerts with the default subtypes, as the
        ORM's auto-subscription of ``user_id`` would do (without notifying them: the
        activities tell them). One INSERT for the followers and their subtypes."""
        subtype_ids = self.env["mail.message.subtype"]._get_auto_subscription_subtypes(self._name)[
            1
        ]
        self.env.cr.execute(
            SQL(
                """
                WITH f AS (
                    INSERT INTO mail_followers (res_model, res_id, partner_id)
                    SELECT %(model)s, a.id, u.partner_id
                      FROM crm_traffic_light_alert a
                      JOIN res_users u ON u.id = a.user_id
                     WHERE a.id = ANY(%(ids)s) AND u.active AND u.partner_id IS NOT NULL
                        ON CONFLICT DO NOTHING
                 RETURNING id
                )
                INSERT INTO mail_followers_mail_message_subtype_rel
                       (mail_followers_id, mail_message_subtype_id)
                SELECT f.id, s.id FROM f CROSS JOIN unnest(%(subtypes)s::int[]) AS s(id)
                """,
                model=self._name,
                ids=self.ids,
                subtypes=list(subtype_ids),
            )
        )
        self.env["mail.followers"].invalidate_model()
        self.invalidate_recordset(["message_follower_ids", "message_partner_ids"])

    def _log_creation(self):
        """The creation note of new alerts, as ``mail.thread.create`` logs it (the
        salesperson and manager are set at creation: no tracking values, as with any record
        created with them)."""
        self._log_notes_sql(dict.fromkeys(self.ids, self[:1]._creation_message()))

    @api.model
    def _log_notes_sql(self, bodies, model=None):
        """Log internal notes ``{res_id: body}`` on records of ``model`` (default: alerts)
        in one INSERT, with the values ``mail.thread._message_log_batch`` gives them. The
        bodies are ``Markup`` built from escaped values, in the form the HTML sanitizer
        gives (double-quoted attributes); plain strings are escaped. Returns
        ``{res_id: message_id}``."""
        model = model or self._name
        Thread = self.env[model]
        Message = self.env["mail.message"]
        author_id, email_from = Thread._message_compute_author(None, None, raise_on_email=False)
        res_ids = list(bodies)
        # Markup built from escaped values is stored as it is (plain strings are escaped):
        # sanitizing each body again would cost more than the rest of the batch.
        texts = [str(escape(bodies[res_id])) for res_id in res_ids]
        self.env.cr.execute(
            SQL(
                """
                INSERT INTO mail_message
                       (res_id, model, body, author_id, email_from, message_type, is_internal,
                        subtype_id, message_id, reply_to, email_add_signature, date,
                        create_uid, create_date, write_uid, write_date)
                SELECT v.res_id, %(model)s, v.body, %(author)s, %(email_from)s,
                       'notification', TRUE, %(subtype)s, %(message_id)s, %(reply_to)s, FALSE,
                       %(now)s, %(uid)s, %(now)s, %(uid)s, %(now)s
                  FROM unnest(%(res_ids)s::int[], %(bodies)s::text[]) WITH ORDINALITY
                       AS v(res_id, body, n)
                 ORDER BY v.n
             RETURNING res_id, id
                """,
                model=model,
                author=author_id or None,
                email_from=email_from or None,
                subtype=self.env["ir.model.data"]._xmlid_to_res_id("mail.mt_note"),
                message_id=generate_tracking_message_id("message-notify"),
                reply_to=Thread._notify_get_reply_to(default=email_from)[False] or None,
                now=fields.Datetime.now(),
                uid=self.env.uid,
                res_ids=res_ids,
                bodies=texts,
            )
        )
        message_ids = dict(self.env.cr.fetchall())
        Message.invalidate_model()
        Thread.browse(res_ids).invalidate_recordset(["message_ids"])
        return message_ids

    def _launch_raised_playbooks(self, company):
        """The playbooks of newly raised alerts of ``company``: orange for all, red too for
        the red ones."""
        self._launch_playbook(company._traffic_light_alert_plan("orange"))
        self.filtered(lambda a: a.flag == "red")._launch_playbook(
            company._traffic_light_alert_plan("red")
        )

    def _mark_playbook_pending(self, kind):
        """Leave the playbook of these alerts to the playbook cron (one UPDATE)."""
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "UPDATE crm_traffic_light_alert SET playbook_pending = %s WHERE id = ANY(%s)",
                kind,
                self.ids,
            )
        )
        self.invalidate_recordset(["playbook_pending"])
        self._trigger_playbook_cron()

    @api.model
    def _trigger_playbook_cron(self):
        cron = self.env.ref(
            "crm_traffic_light.ir_cron_traffic_light_alert_playbooks", raise_if_not_found=False
        )
        if cron:
            cron.sudo()._trigger()

    def _upgrade_to_red(self, results, playbook_limit=None):
        if not self:
            return self
        now = fields.Datetime.now()
        # One batched message instead of one tracking message per alert.
        self.with_context(mail_notrack=True).write(
            {"flag": "red", "date_red": now, "snoozed_until": False, "snooze_reason": False}
        )
        self._message_log_batch(
            bodies=dict.fromkeys(
                self.ids,
                Markup("<p>%s</p>")
                % self.env._("The customer turned red: the alert is upgraded to red."),
            )
        )
        self._store_snapshots({alert_id: results[alert_id] for alert_id in self.ids})
        # A pending raised alert keeps waiting: the cron launches its orange and red playbooks
        # together (the red one only once).
        upgrades = self.filtered(lambda a: not a.playbook_pending)
        now_alerts = upgrades if playbook_limit is None else upgrades[:playbook_limit]
        later = upgrades - now_alerts
        if later:
            later._mark_playbook_pending("upgraded")
        now_alerts._launch_upgraded_playbooks()
        self._log_on_customers("upgraded")
        return self

    def _launch_upgraded_playbooks(self):
        company_alerts = defaultdict(lambda: self.browse())
        for alert in self:
            company_alerts[alert.company_id] |= alert
        for company, alerts in company_alerts.items():
            alerts._launch_playbook(company._traffic_light_alert_plan("red"))

    def _store_snapshots(self, results):
        ids, snapshots, mains = [], [], []
        for alert_id, result in results.items():
            snapshot = self._snapshot_values(result)
            ids.append(alert_id)
            snapshots.append(json.dumps(snapshot))
            mains.append(self._main_indicator(snapshot) or None)
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
                UPDATE crm_traffic_light_alert a
                   SET indicator_snapshot = v.snapshot::jsonb,
                       main_indicator_code = COALESCE(v.main, a.main_indicator_code)
                  FROM unnest(%s::int[], %s::text[], %s::varchar[]) AS v(id, snapshot, main)
                 WHERE a.id = v.id
                """,
                ids,
                snapshots,
                mains,
            )
        )
        self.browse(ids).invalidate_recordset(["indicator_snapshot", "main_indicator_code"])

    def _auto_resolve(self):
        if not self:
            return self
        self.with_context(mail_notrack=True).write(
            {
                "state": "auto_resolved",
                "date_closed": fields.Datetime.now(),
                "playbook_pending": False,
            }
        )
        self._cancel_generated_activities(
            self.env._("The customer is back to green: the alert was closed automatically.")
        )
        self._log_on_customers("auto_resolved")
        return self

    def _close_as_merged(self, kept):
        """Close these open alerts because their customer was merged with a duplicate whose
        open alert ``kept`` (same company) carries on: reason "Duplicate customers merged",
        a note naming ``kept``, generated activities cancelled as on an automatic closing.
        ``kept`` is told which alerts were merged into it."""
        if not self:
            return self
        reason = self._merged_reason()
        self.with_context(mail_notrack=True).write(
            {
                "state": "resolved",
                "date_closed": fields.Datetime.now(),
                "reason_id": reason.id,
                "note": self.env._(
                    "Merged into the alert %(alert)s raised on %(date)s when the duplicate "
                    "customers were merged.",
                    alert=kept.display_name,
                    date=format_date(
                        self.env, fields.Datetime.context_timestamp(self, kept.date_raised)
                    ),
                ),
                "snoozed_until": False,
                "snooze_reason": False,
                "playbook_pending": False,
            }
        )
        self._cancel_generated_activities(
            self.env._(
                "The customers were merged: this alert is closed and merged into %(alert)s.",
                alert=kept.display_name,
            )
        )
        kept._message_log(
            body=Markup("<p>%s</p><ul>%s</ul>")
            % (
                self.env._("The customers were merged: these alerts were merged into this one."),
                Markup("").join(
                    Markup("<li><a href='#' data-oe-model='%s' data-oe-id='%s'>%s</a></li>")
                    % (self._name, alert.id, alert.display_name)
                    for alert in self
                ),
            )
        )
        return self

    @api.model
    def _merged_reason(self):
        """The closing reason of alerts merged with their customer (archived: not offered to
        users); recreated if it was deleted."""
        reason = self.env.ref("crm_traffic_light.alert_reason_merged", raise_if_not_found=False)
        if reason:
            return reason
        Reason = self.env["crm.traffic.light.alert.reason"].sudo().with_context(active_test=False)
        name = "Duplicate customers merged"
        return Reason.search([("name", "=", name), ("company_id", "=", False)], limit=1) or (
            Reason.create({"name": name, "sequence": 110, "active": False})
        )

    # ------------------------------------------------------------------ playbooks

    def _launch_playbook(self, plan):
        """Create the activities of ``plan`` (a ``mail.activity.plan`` on alerts) for every
        alert of ``self`` in one batch, and log which were created."""
        if not self or not plan or not plan.template_ids:
            return self.env["mail.activity"]
        today = fields.Date.context_today(self)
        model_id = self.env["ir.model"]._get_id(self._name)
        # The activities' record names, computed for the whole batch at once.
        self.mapped("display_name")
        vals_list, descriptions = [], defaultdict(list)
        steps_by_lang = {}  # each activity reads in the language of its assignee
        for alert in self:
            for template in plan.template_ids:
                responsible = template._determine_responsible(self.env["res.users"], alert)[
                    "responsible"
                ] or (alert.user_id if template.responsible_type == "on_demand" else False)
                if not responsible:
                    descriptions[alert.id].append(
                        self.env._(
                            "%(activity)s: nobody to assign it to",
                            activity=template.summary or template.activity_type_id.name,
                        )
                    )
                    continue
                deadline = template._get_date_deadline(today)
                lang = responsible.lang or "en_US"
                if lang not in steps_by_lang:
                    steps_by_lang[lang] = {
                        step.id: step for step in plan.template_ids.with_context(lang=lang)
                    }
                step = steps_by_lang[lang][template.id]
                vals_list.append(
                    {
                        "res_model_id": model_id,
                        "res_id": alert.id,
                        "activity_type_id": template.activity_type_id.id,
                        "summary": step.summary,
                        "note": step.note,
                        "user_id": responsible.id,
                        "date_deadline": deadline,
                        "automated": True,
                    }
                )
                descriptions[alert.id].append(
                    self.env._(
                        "%(activity)s, assigned to %(name)s, due on %(deadline)s",
                        activity=template.summary or template.activity_type_id.name,
                        name=responsible.name,
                        deadline=fields.Date.to_string(deadline),
                    )
                )
        activities = (
            self.env["mail.activity"]
            .with_context(mail_activity_quick_update=True)
            .create(vals_list)
        )
        bodies = {}
        for alert in self:
            body = Markup("<p>%s</p>") % self.env._(
                'Playbook "%(plan_name)s" started', plan_name=plan.name
            )
            if descriptions[alert.id]:
                body += Markup("<ul>%s</ul>") % Markup("").join(
                    Markup("<li>%s</li>") % line for line in descriptions[alert.id]
                )
            bodies[alert.id] = body
        self._message_log_batch(bodies=bodies)
        return activities

    def _generated_activities(self):
        return (
            self.env["mail.activity"]
            .sudo()
            .search(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "in", self.ids),
                    ("automated", "=", True),
                ]
            )
        )

    def _cancel_generated_activities(self, reason):
        activities = self._generated_activities()
        per_alert = defaultdict(list)
        for activity in activities:
            per_alert[activity.res_id].append(activity.summary or activity.activity_type_id.name)
        activities.unlink()
        bodies = {}
        for alert in self:
            body = Markup("<p>%s</p>") % reason
            if per_alert[alert.id]:
                body += Markup("<p>%s</p><ul>%s</ul>") % (
                    self.env._("Open activities cancelled:"),
                    Markup("").join(Markup("<li>%s</li>") % name for name in per_alert[alert.id]),
                )
            bodies[alert.id] = body
        self._message_log_batch(bodies=bodies)

    def _customer_messages(self):
        return {
            "raised": self.env._("Traffic light alert raised (%(flag)s): %(causes)s"),
            "upgraded": self.env._("Traffic light alert upgraded to %(flag)s: %(causes)s"),
            "auto_resolved": self.env._(
                "Traffic light alert closed automatically: the customer is back to green."
            ),
            "resolved": self.env._(
                "Traffic light alert (%(flag)s) closed by %(user)s. Reason: %(reason)s. "
                "Note: %(note)s"
            ),
        }

    @api.model
    def _customer_note(self, text, alert_id, alert_name):
        """The note on the customer's chatter: ``text`` and a link to the alert."""
        link = Markup('<a href="#" data-oe-model="%s" data-oe-id="%s">%s</a>') % (
            self._name,
            alert_id,
            alert_name,
        )
        return Markup("<p>%s</p><p>%s</p>") % (text, link)

    def _log_on_customers(self, event):
        """One note per alert on its customer's chatter, linking to the alert (one INSERT)."""
        flags = dict(self._fields["flag"]._description_selection(self.env))
        messages = self._customer_messages()
        bodies = {}
        for alert in self:
            text = messages[event] % {
                "flag": flags.get(alert.flag, ""),
                "causes": alert.cause_summary or "-",
                "user": self.env.user.name,
                "reason": alert.reason_id.name or "-",
                "note": alert.note or "-",
            }
            bodies[alert.partner_id.id] = self._customer_note(text, alert.id, alert.display_name)
        self._log_notes_sql(bodies, model="res.partner")

    # ------------------------------------------------------------------ user actions

    def action_start(self):
        self.check_access("write")
        self.sudo().filtered(lambda a: a.state == "new").write(
            {"state": "in_progress", "date_first_action": fields.Datetime.now()}
        )
        return True

    def action_resolve(self):
        self.check_access("write")
        for alert in self:
            if alert.state not in OPEN_STATES:
                raise UserError(
                    self.env._(
                        "The alert of %(customer)s is already closed.",
                        customer=alert.partner_id.display_name,
                    )
                )
            alert._check_can_close()
        now = fields.Datetime.now()
        alerts = self.sudo()
        alerts.filtered(lambda a: not a.date_first_action).write({"date_first_action": now})
        alerts.write(
            {
                "state": "resolved",
                "date_closed": now,
                "snoozed_until": False,
                "snooze_reason": False,
                "playbook_pending": False,
            }
        )
        self.sudo()._cancel_generated_activities(
            self.env._("Alert closed by %(user)s.", user=self.env.user.name)
        )
        self.sudo()._log_on_customers("resolved")
        return True

    def action_open_snooze_wizard(self):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Snooze Alert"),
            "res_model": "crm.traffic.light.alert.snooze",
            "view_mode": "form",
            "target": "new",
            "context": {"default_alert_ids": self.ids},
        }

    def action_unsnooze(self):
        self.check_access("write")
        self.sudo().write({"snoozed_until": False, "snooze_reason": False})
        return True

    def _snooze(self, date_until, reason):
        if not reason or not reason.strip():
            raise UserError(self.env._("Give a reason to snooze the alert."))
        if not date_until or date_until <= fields.Date.context_today(self):
            raise UserError(self.env._("The snooze date must be in the future."))
        self.check_access("write")
        closed = self.filtered(lambda a: a.state not in OPEN_STATES)
        if closed:
            raise UserError(self.env._("Closed alerts cannot be snoozed."))
        self.sudo().write({"snoozed_until": date_until, "snooze_reason": reason})
        # Generated activities wait with the alert.
        activities = (
            self.sudo()._generated_activities().filtered(lambda act: act.date_deadline < date_until)
        )
        activities.write({"date_deadline": date_until})
        return True

    def action_open_override(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Override Traffic Light"),
            "res_model": "crm.traffic.light.override",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_partner_id": self.partner_id.id,
                "default_company_id": self.company_id.id,
            },
        }

    def action_new_sales_plan(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Sales Plan"),
            "res_model": "crm.traffic.light.sales.plan",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_partner_id": self.partner_id.id,
                "default_company_id": self.company_id.id,
                "default_alert_id": self.id,
            },
        }

    def action_view_sales_plans(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Sales Plans"),
            "res_model": "crm.traffic.light.sales.plan",
            "view_mode": "list,form",
            "domain": [("alert_id", "=", self.id)],
            "context": {
                "default_partner_id": self.partner_id.id,
                "default_company_id": self.company_id.id,
                "default_alert_id": self.id,
            },
        }

    def _mark_first_action(self):
        """An activity of the alert was done: the salesperson is on it."""
        now = fields.Datetime.now()
        self.filtered(lambda a: not a.date_first_action).write({"date_first_action": now})
        self.filtered(lambda a: a.state == "new").write({"state": "in_progress"})

    # ------------------------------------------------------------------ crons

    @api.model
    def _cron_escalate_and_expire(self):
        """Daily: escalate alerts whose generated activities are overdue, end expired snoozes
        and expired flag overrides."""
        for company in self.env["res.company"].search([]):
            self._escalate_overdue(company)
        self._expire_snoozes()
        self.env["crm.traffic.light.override"]._expire_overrides()

    @api.model
    def _cron_launch_pending_playbooks(self, batch_size=PLAYBOOK_CRON_BATCH):
        """Every few minutes: launch the playbooks left pending by large engine batches, in
        committed batches. Each alert is claimed (its pending mark cleared) in the same
        transaction that creates its activities, so it gets them exactly once; closed alerts
        are skipped."""
        Engine = self.env["crm.traffic.light.engine"]
        cron = self.env["ir.cron"]
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "SELECT count(*) FROM crm_traffic_light_alert "
                "WHERE playbook_pending IS NOT NULL AND state IN %s",
                OPEN_STATES,
            )
        )
        remaining = self.env.cr.fetchone()[0]
        done = 0
        while True:
            self.env.flush_all()
            self.env.cr.execute(
                SQL(
                    """
                    UPDATE crm_traffic_light_alert a
                       SET playbook_pending = NULL
                      FROM (SELECT id, playbook_pending AS kind
                              FROM crm_traffic_light_alert
                             WHERE playbook_pending IS NOT NULL AND state IN %s
                             ORDER BY id LIMIT %s FOR UPDATE SKIP LOCKED) todo
                     WHERE a.id = todo.id
                 RETURNING a.id, todo.kind
                    """,
                    OPEN_STATES,
                    batch_size,
                )
            )
            rows = self.env.cr.fetchall()
            if not rows:
                break
            self.browse(r[0] for r in rows).invalidate_recordset(["playbook_pending"])
            self._launch_claimed_playbooks(rows)
            done += len(rows)
            remaining = max(remaining - len(rows), 0)
            cron._notify_progress(done=done, remaining=remaining)
            Engine._commit()
        cron._notify_progress(done=done, remaining=0)
        return done

    @api.model
    def _launch_claimed_playbooks(self, rows):
        """``rows``: ``[(alert_id, pending kind)]`` just claimed by the playbook cron."""
        alerts = self.sudo().with_context(mail_auto_subscribe_no_notify=True)
        by_key = defaultdict(list)
        for alert_id, kind in rows:
            by_key[kind].append(alert_id)
        raised = alerts.browse(by_key["raised"])
        for company in raised.company_id:
            raised.filtered(lambda a, c=company: a.company_id == c).with_company(
                company
            )._launch_raised_playbooks(company)
        alerts.browse(by_key["upgraded"])._launch_upgraded_playbooks()
        # Activities of an alert snoozed in the meantime wait with it (as in ``_snooze``).
        for alert in alerts.browse([r[0] for r in rows]).filtered("snoozed_until"):
            alert._generated_activities().filtered(
                lambda act, a=alert: act.date_deadline < a.snoozed_until
            ).write({"date_deadline": alert.snoozed_until})

    @api.model
    def _escalate_overdue(self, company, today=None):
        today = today or fields.Date.context_today(self)
        days = company.traffic_light_escalation_days
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
                SELECT DISTINCT a.id
                  FROM crm_traffic_light_alert a
                  JOIN mail_activity act
                    ON act.res_model = %(model)s AND act.res_id = a.id AND act.automated
                       AND act.active
                 WHERE a.company_id = %(company)s
                   AND a.state IN ('new', 'in_progress')
                   AND (a.snoozed_until IS NULL OR a.snoozed_until < %(today)s)
                   AND act.date_deadline < %(today)s::date - %(days)s
                """,
                model=self._name,
                company=company.id,
                today=today,
                days=days,
            )
        )
        alerts = self.sudo().with_company(company).browse(r[0] for r in self.env.cr.fetchall())
        if not alerts:
            return alerts
        alerts.with_context(mail_notrack=True).write(
            {"state": "escalated", "date_escalated": fields.Datetime.now()}
        )
        alerts._message_log_batch(
            bodies=dict.fromkeys(
                alerts.ids,
                Markup("<p>%s</p>")
                % self.env._(
                    "Escalated to the manager: the generated activities are more than "
                    "%(days)s overdue.",
                    days=DAYS.format(self.env, days),
                ),
            )
        )
        plan = company._traffic_light_alert_plan("escalation")
        alerts._launch_playbook(plan)
        return alerts

    @api.model
    def _expire_snoozes(self, today=None):
        today = today or fields.Date.context_today(self)
        alerts = self.sudo().search([("snoozed_until", "!=", False), ("snoozed_until", "<", today)])
        if alerts:
            alerts.write({"snoozed_until": False, "snooze_reason": False})
            alerts._message_log_batch(
                bodies=dict.fromkeys(alerts.ids, self.env._("The snooze has expired."))
            )
        return alerts

    @api.model
    def _get_reasons(self, company):
        return self.env["crm.traffic.light.alert.reason"].search(
            [("company_id", "in", [False, company.id])]
        )

    @api.constrains("reason_id", "company_id")
    def _check_reason_company(self):
        for alert in self.filtered("reason_id.company_id"):
            if alert.reason_id.company_id != alert.company_id:
                raise ValidationError(
                    self.env._(
                        "The reason %(reason)s belongs to another company.",
                        reason=alert.reason_id.name,
                    )
                )
