# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Counted words in the reader's language: "1 day", "2 days"; "1 dzień", "2 dni", "5 dni";
"1 день", "2 дня", "5 дней", "21 день".

Odoo's code translations have no ``ngettext``: one ``.po`` entry holds one msgid and one
msgstr. A counted phrase therefore has one msgid per CLDR plural category (``one``, ``few``,
``many``, ``other``); the category of a number in a language comes from Babel, which Odoo
already requires. English uses ``one`` and ``other`` only, so the ``[few]`` and ``[many]``
msgids never show in English; in a language where the form is not translated the reader gets
the English words with the English rule ("1 day", "3 days"), never a ``[few]`` marker.
Translators: translate ``[few]`` and ``[many]`` entries with the form of that category in
your language (Polish: 2 dni / 5 dni; Russian: 2 дня / 5 дней) and drop the bracket.
"""

from babel import Locale, UnknownLocaleError

from odoo.tools.misc import formatLang
from odoo.tools.translate import LazyTranslate

_lt = LazyTranslate(__name__)


def plural_category(lang, count):
    """The CLDR plural category of ``count`` in ``lang`` ('one', 'few', 'many' or 'other')."""
    try:
        return Locale.parse(lang or "en_US").plural_form(count)
    except (ValueError, UnknownLocaleError):
        return "one" if count == 1 else "other"


class CountedWord:
    """The forms of one counted word; :meth:`format` picks the reader's form."""

    def __init__(self, one, other, few=None, many=None):
        self.forms = {"one": one, "few": few, "many": many, "other": other}

    def format(self, env, count):
        """``count`` (an integer) with the word, in the language of ``env``."""
        count = int(count)
        lang = env.lang or "en_US"
        other = self.forms["other"]
        form = self.forms.get(plural_category(lang, count))
        if form is None:
            form = other
        text = env._(form)
        if text == form._source and lang != "en_US":
            # Not translated in this language: the English rule on the untranslated words.
            text = (self.forms["one"] if count == 1 else other)._source
        return text % {"count": formatLang(env, count, digits=0)}


DAYS = CountedWord(
    one=_lt("%(count)s day"),
    few=_lt("%(count)s days [few]"),
    many=_lt("%(count)s days [many]"),
    other=_lt("%(count)s days"),
)
WEEKS = CountedWord(
    one=_lt("%(count)s week"),
    few=_lt("%(count)s weeks [few]"),
    many=_lt("%(count)s weeks [many]"),
    other=_lt("%(count)s weeks"),
)
ALERTS = CountedWord(
    one=_lt("%(count)s alert"),
    few=_lt("%(count)s alerts [few]"),
    many=_lt("%(count)s alerts [many]"),
    other=_lt("%(count)s alerts"),
)
