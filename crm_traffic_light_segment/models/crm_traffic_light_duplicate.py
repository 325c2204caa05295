# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
import re
import unicodedata
from collections import defaultdict
from itertools import combinations

import psycopg2

from odoo import api, fields, models
from odoo.tools import SQL

_logger = logging.getLogger(__name__)

# Legal forms removed from the start and the end of a name, as normalized token sequences
# (lower case, no diacritics, punctuation and quotes turned into spaces, "й" -> "и").
LEGAL_FORMS = sorted(
    {
        tuple(form.split())
        for form in (
            # Polish
            "sp z o o",
            "sp z oo",
            "sp zoo",
            "spzoo",
            "spolka z o o",
            "spolka z oo",
            "spolka z ograniczona odpowiedzialnoscia",
            "sp j",
            "spolka jawna",
            "sp k",
            "spolka komandytowa",
            "sp p",
            "spolka partnerska",
            "s a",
            "sa",
            "spolka akcyjna",
            "s c",
            "spolka cywilna",
            # Russian
            "ооо",
            "оао",
            "зао",
            "пао",
            "ао",
            "ип",
            "общество с ограниченнои ответственностью",
            "открытое акционерное общество",
            "закрытое акционерное общество",
            "публичное акционерное общество",
            "акционерное общество",
            "индивидуальныи предприниматель",
            # English, German and others
            "llc",
            "l l c",
            "ltd",
            "limited",
            "inc",
            "incorporated",
            "corp",
            "corporation",
            "co",
            "plc",
            "llp",
            "gmbh",
            "gmbh co kg",
            "ag",
            "kg",
            "bv",
            "nv",
            "sarl",
            "sas",
            "srl",
            "s r o",
            "sro",
        )
    },
    key=len,
    reverse=True,
)
_PUNCTUATION = re.compile(r"[\W_]+", re.UNICODE)
_TRANSLITERATE = str.maketrans({"ł": "l", "ø": "o", "ß": "ss", "đ": "d"})


def normalize_name(name):
    """Company name without legal form, case, diacritics, punctuation and quotes."""
    if not name:
        return ""
    text = unicodedata.normalize("NFKD", name.casefold().translate(_TRANSLITERATE))
    text = "".join(c for c in text if not unicodedata.combining(c))
    tokens = _PUNCTUATION.sub(" ", text).split()
    original = list(tokens)
    changed = True
    while changed and tokens:
        changed = False
        for form in LEGAL_FORMS:
            n = len(form)
            if len(tokens) > n and tuple(tokens[:n]) == form:
                tokens, changed = tokens[n:], True
                break
            if len(tokens) > n and tuple(tokens[-n:]) == form:
                tokens, changed = tokens[:-n], True
                break
    return " ".join(tokens or original)


def normalize_vat(vat):
    """VAT number without spaces, dashes and EU/RU country prefix (NIP, INN, EU VAT)."""
    if not vat:
        return ""
    value = re.sub(r"[^0-9A-Z]", "", vat.upper())
    if len(value) > 4 and value[:2].isalpha() and any(c.isdigit() for c in value[2:]):
        value = value[2:]
    return value if len(value) >= 5 else ""


def normalize_phone(phone):
    """The last 9 digits of a phone number (drops country codes and trunk prefixes)."""
    digits = re.sub(r"\D", "", phone or "")
    return digits[-9:] if len(digits) >= 7 else ""


def normalize_email(email):
    email = (email or "").strip().lower()
    return email if "@" in email else ""


class CrmTrafficLightDuplicate(models.Model):
    """A candidate pair of duplicate customers, scored 0-100, reviewed by the user."""

    _name = "crm.traffic.light.duplicate"
    _description = "Duplicate Customer Candidate"
    _order = "score desc, id"
    _rec_name = "partner1_id"

    # Pairs scoring less are not recorded.
    _min_score = 60
    # Trigram similarity (0-1) from which two normalized names are candidates.
    _trigram_threshold = 0.6
    # Blocks larger than this (a generic word, phone or e-mail) are not expanded to pairs.
    _max_block = 50

    partner1_id = fields.Many2one(
        "res.partner", string="Customer", required=True, index=True, ondelete="cascade"
    )
    partner2_id = fields.Many2one(
        "res.partner", string="Possible Duplicate", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one("res.company", string="Company", index=True)
    user_id = fields.Many2one(
        "res.users", string="Salesperson", related="partner1_id.user_id", store=True
    )
    user2_id = fields.Many2one(
        "res.users", string="Salesperson (Duplicate)", related="partner2_id.user_id", store=True
    )
    score = fields.Integer(required=True, aggregator="max")
    same_vat = fields.Boolean(string="Same VAT")
    same_name = fields.Boolean(string="Same Name")
    name_similarity = fields.Integer(string="Name Similarity (%)")
    same_email = fields.Boolean(string="Same E-mail")
    same_phone = fields.Boolean(string="Same Phone")
    reasons = fields.Char(compute="_compute_reasons")
    state = fields.Selection(
        [("new", "To Review"), ("dismissed", "Not a Duplicate")],
        default="new",
        required=True,
        index=True,
    )

    _sql_constraints = [
        (
            "pair_unique",
            "unique(partner1_id, partner2_id)",
            "This pair of customers is already listed.",
        ),
        ("pair_ordered", "check(partner1_id < partner2_id)", "A pair lists the lower id first."),
    ]

    @api.depends("same_vat", "same_name", "name_similarity", "same_email", "same_phone")
    def _compute_reasons(self):
        for pair in self:
            reasons = []
            if pair.same_vat:
                reasons.append(self.env._("same VAT number"))
            if pair.same_name:
                reasons.append(self.env._("same name"))
            elif pair.name_similarity:
                reasons.append(
                    self.env._("similar name (%(similarity)s%%)", similarity=pair.name_similarity)
                )
            if pair.same_email:
                reasons.append(self.env._("same e-mail"))
            if pair.same_phone:
                reasons.append(self.env._("same phone"))
            pair.reasons = ", ".join(reasons)

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_merge(self):
        """Open Odoo's own partner merge wizard preloaded with the pair."""
        self.ensure_one()
        ids = [self.partner1_id.id, self.partner2_id.id]
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Merge Contacts"),
            "res_model": "base.partner.merge.automatic.wizard",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {"active_model": "res.partner", "active_ids": ids, "active_id": ids[0]},
        }

    def action_dismiss(self):
        self.write({"state": "dismissed"})

    def action_restore(self):
        self.write({"state": "new"})

    # ------------------------------------------------------------------
    # Finder
    # ------------------------------------------------------------------
    @api.model
    def _cron_find_duplicates(self):
        stats = self._find_duplicates()
        _logger.info("Duplicate finder: %(pairs)s pairs (%(method)s)", stats)

    @api.model
    def _trigram_available(self):
        cr = self.env.cr
        cr.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
        if cr.fetchone():
            return True
        try:
            with cr.savepoint(flush=False):
                cr.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
            return True
        except psycopg2.Error as error:
            _logger.warning(
                "pg_trgm is not available (%s): the duplicate finder falls back to exact "
                "normalized names, VAT numbers, phones and e-mails.",
                error,
            )
            return False

    @api.model
    def _load_candidates(self):
        self.env.flush_all()
        self.env.cr.execute(
            """
            SELECT id, name, vat, phone, mobile, email, company_id
              FROM res_partner
             WHERE active AND parent_id IS NULL AND name IS NOT NULL AND name <> ''
            """
        )
        rows = {}
        for pid, name, vat, phone, mobile, email, company_id in self.env.cr.fetchall():
            rows[pid] = {
                "name": normalize_name(name),
                "vat": normalize_vat(vat),
                "phones": {p for p in (normalize_phone(phone), normalize_phone(mobile)) if p},
                "email": normalize_email(email),
                "company_id": company_id,
            }
        return rows

    @api.model
    def _blocked_pairs(self, rows):
        """Candidate pairs sharing a blocking key; never all pairs.

        Keys: normalized VAT, name, e-mail, phone, and the 5-letter prefix of every name word
        (catches reordered words and typos at the end of words). Blocks larger than
        ``_max_block`` (generic words such as "trade", shared switchboards) are not expanded.
        """
        blocks = defaultdict(list)
        for pid, row in rows.items():
            if row["vat"]:
                blocks["v", row["vat"]].append(pid)
            if row["name"]:
                blocks["n", row["name"].replace(" ", "")].append(pid)
                for token in {t[:5] for t in row["name"].split() if len(t) >= 3}:
                    blocks["t", token].append(pid)
            if row["email"]:
                blocks["e", row["email"]].append(pid)
            for phone in row["phones"]:
                blocks["p", phone].append(pid)
        pairs = set()
        for ids in blocks.values():
            if 1 < len(ids) <= self._max_block:
                pairs.update(combinations(sorted(ids), 2))
        return pairs

    @api.model
    def _trigram_similarities(self, rows, pairs):
        """pg_trgm ``similarity()`` of the normalized names of the candidate pairs."""
        cr = self.env.cr
        pairs = [pair for pair in pairs if rows[pair[0]]["name"] and rows[pair[1]]["name"]]
        result = {}
        chunk = 50000
        for start in range(0, len(pairs), chunk):
            batch = pairs[start : start + chunk]
            cr.execute(
                SQL(
                    "SELECT similarity(a, b) FROM unnest(%s::text[], %s::text[]) AS t(a, b)",
                    [rows[a]["name"] for a, __ in batch],
                    [rows[b]["name"] for __, b in batch],
                )
            )
            result.update(zip(batch, (r[0] for r in cr.fetchall()), strict=True))
        return result

    @api.model
    def _score_pair(self, first, second, similarity):
        """Score 0-100 of two normalized partner rows, or None when they cannot be one."""
        if first["vat"] and second["vat"] and first["vat"] != second["vat"]:
            return None
        if (
            first["company_id"]
            and second["company_id"]
            and first["company_id"] != second["company_id"]
        ):
            return None
        same_name = bool(first["name"]) and first["name"] == second["name"]
        signals = {
            "same_vat": bool(first["vat"]) and first["vat"] == second["vat"],
            "same_name": same_name,
            "same_email": bool(first["email"]) and first["email"] == second["email"],
            "same_phone": bool(first["phones"] & second["phones"]),
        }
        similarity = 1.0 if same_name else similarity
        points = [
            100 if signals["same_vat"] else 0,
            round(90 * similarity) if similarity >= self._trigram_threshold else 0,
            80 if signals["same_email"] else 0,
            70 if signals["same_phone"] else 0,
        ]
        hits = [p for p in points if p]
        if not hits:
            return None
        score = min(100, max(hits) + 5 * (len(hits) - 1))
        signals["score"] = score
        signals["name_similarity"] = round(100 * similarity) if hits and similarity else 0
        return signals

    @api.model
    def _find_duplicates(self):
        """Find and score duplicate pairs among active commercial partners (cron entry point).

        Candidate pairs come from blocking keys (normalized VAT, name, phone, e-mail, name
        word prefixes), never from an all-pairs scan; their names are compared with pg_trgm's
        trigram similarity when the extension is available, otherwise only exact keys count.
        Pairs dismissed by a user stay dismissed.
        """
        rows = self._load_candidates()
        pairs = self._blocked_pairs(rows)
        similarities = {}
        method = "exact"
        if self._trigram_available():
            method = "trigram"
            similarities = self._trigram_similarities(rows, pairs)
        found = []
        for a, b in pairs:
            signals = self._score_pair(rows[a], rows[b], similarities.get((a, b), 0.0))
            if signals and signals["score"] >= self._min_score:
                found.append((a, b, signals))
        self._store_pairs(found)
        return {"pairs": len(found), "method": method, "partners": len(rows)}

    @api.model
    def _store_pairs(self, found):
        cr = self.env.cr
        cr.execute("DROP TABLE IF EXISTS tl_dup_found")
        cr.execute(
            """
            CREATE TEMP TABLE tl_dup_found (
                partner1_id int, partner2_id int, score int, same_vat bool, same_name bool,
                name_similarity int, same_email bool, same_phone bool) ON COMMIT DROP
            """
        )
        columns = ("score", "same_vat", "same_name", "name_similarity", "same_email", "same_phone")
        cr.execute(
            SQL(
                """
                INSERT INTO tl_dup_found
                SELECT * FROM unnest(%s::int[], %s::int[], %s::int[], %s::bool[], %s::bool[],
                                     %s::int[], %s::bool[], %s::bool[])
                """,
                [f[0] for f in found],
                [f[1] for f in found],
                *([f[2][c] for f in found] for c in columns),
            )
        )
        cr.execute(
            "DELETE FROM crm_traffic_light_duplicate d WHERE d.state = 'new' AND NOT EXISTS "
            "(SELECT 1 FROM tl_dup_found f WHERE f.partner1_id = d.partner1_id "
            "AND f.partner2_id = d.partner2_id)"
        )
        cr.execute(
            SQL(
                """
                INSERT INTO crm_traffic_light_duplicate AS d
                    (partner1_id, partner2_id, company_id, user_id, user2_id, state,
                     score, same_vat, same_name, name_similarity, same_email, same_phone,
                     create_uid, create_date, write_uid, write_date)
                SELECT f.partner1_id, f.partner2_id, COALESCE(p1.company_id, p2.company_id),
                       p1.user_id, p2.user_id, 'new',
                       f.score, f.same_vat, f.same_name, f.name_similarity, f.same_email,
                       f.same_phone,
                       %(uid)s, now() at time zone 'UTC', %(uid)s, now() at time zone 'UTC'
                  FROM tl_dup_found f
                  JOIN res_partner p1 ON p1.id = f.partner1_id
                  JOIN res_partner p2 ON p2.id = f.partner2_id
                ON CONFLICT (partner1_id, partner2_id) DO UPDATE SET
                    score = EXCLUDED.score, same_vat = EXCLUDED.same_vat,
                    same_name = EXCLUDED.same_name, name_similarity = EXCLUDED.name_similarity,
                    same_email = EXCLUDED.same_email, same_phone = EXCLUDED.same_phone,
                    write_date = EXCLUDED.write_date
                """,
                uid=self.env.uid,
            )
        )
        cr.execute("DROP TABLE tl_dup_found")
        self.env.invalidate_all()
