# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Generate realistic demo data for crm_traffic_light (``make demo``).

Usage: demo_data.py ODOO_PATH ODOO_CONF

Opens the database of the configuration, fills it with a fixed random seed (same data on every
run, anchored on today's date) and, when the traffic light engine is installed, runs its full
computation and prints how many customers are green, orange and red. The alerts it raises
are then given a history (raised over the last 60 days, most with a first action, about half
closed with a reason and a note) so that the handling time and reasons reports have data.

Languages: Polish and Russian are installed with Odoo's and the addons' translations; the
Polish team works in Polish, olga in Russian, markus and admin in English (STAFF). Every name
the demo stores in a translatable field has its Polish and Russian value in TRANSLATIONS, and
the end of the run prints (and checks) what each user reads in their language.

Speed: partners, users, teams, products and price lists are created with the ORM. For the
~9,000 orders, invoices and payments the ORM would need ~10 minutes, so ONE order is made,
confirmed, invoiced, posted and paid by the ORM (the prototype), every document is then
inserted in SQL as a copy of the prototype's rows with its own values (partners, dates,
amounts, names, reconciliation), and the prototype is deleted. Stored amounts, residuals and
payment states are the ones Odoo computes (checked by recomputing them with the ORM). Done
activities are copies of one message made by the ORM in the same way.
"""

import base64
import io
import os
import random
import statistics
import sys
import time
from collections import Counter, defaultdict
from datetime import date, datetime, timedelta

odoo_path, conf = sys.argv[1], sys.argv[2]
sys.path.insert(0, odoo_path)

from PIL import Image, ImageDraw, ImageFont  # noqa: E402  (a dependency of Odoo)

import odoo  # noqa: E402
from odoo.tools import SQL, float_round  # noqa: E402

SEED = 20240601
HISTORY_DAYS = 820  # a bit more than two years of documents
N_CUSTOMERS = 320  # companies with orders (the evaluated customers)
N_PROSPECTS = 15  # companies without any order (not evaluated)

# Share of customers per profile: (profile, level aimed at, share). The levels follow the
# default norms of DOMAIN.md; each drifting profile pushes exactly one indicator.
PROFILES = [
    ("stable", "green", 0.60),
    ("less_often", "orange", 0.06),
    ("turnover_drop", "orange", 0.05),
    ("promo", "orange", 0.05),
    ("no_contact", "orange", 0.05),
    ("overdue", "orange", 0.04),
    ("less_often", "red", 0.03),
    ("turnover_drop", "red", 0.03),
    ("promo", "red", 0.03),
    ("no_contact", "red", 0.03),
    ("overdue", "red", 0.03),
]

TRANSLIT = str.maketrans(
    {
        **dict(zip("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ", "acelnoszzACELNOSZZ", strict=True)),
        **dict(zip("äöüÄÖÜß", "aouAOUs", strict=True)),
        **dict(zip("áčďéěíňřšťúůýžÁČĎÉĚÍŇŘŠŤÚŮÝŽ", "acdeeinrstuuyzACDEEINRSTUUYZ", strict=True)),
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
        "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
        "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
        "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
        "я": "ya",
    }
)  # fmt: skip


def slug(text, sep=""):
    text = text.lower().translate(TRANSLIT)
    return sep.join("".join(c if c.isalnum() else " " for c in text).split())


# --- Countries: names, cities, streets, phones, VAT numbers -----------------------------------


def vat_pl(rng):
    while True:
        d = [rng.randint(1, 9)] + [rng.randint(0, 9) for _ in range(8)]
        check = sum(a * b for a, b in zip(d, [6, 5, 7, 2, 3, 4, 5, 6, 7], strict=True)) % 11
        if check < 10:
            return "PL" + "".join(map(str, d + [check]))


def vat_de(rng):
    d = [rng.randint(1, 9)] + [rng.randint(0, 9) for _ in range(7)]
    product = 10
    for digit in d:
        total = (digit + product) % 10 or 10
        product = (2 * total) % 11
    check = (11 - product) % 10
    return "DE" + "".join(map(str, d + [check]))


def vat_ru(rng):
    d = [rng.randint(1, 9)] + [rng.randint(0, 9) for _ in range(8)]
    check = sum(a * b for a, b in zip(d, [2, 4, 10, 3, 5, 9, 4, 6, 8], strict=True)) % 11 % 10
    return "".join(map(str, d + [check]))


def vat_cz(rng):
    return "CZ" + "".join(str(rng.randint(0, 9)) for _ in range(8))


def vat_at(rng):
    return "ATU" + "".join(str(rng.randint(0, 9)) for _ in range(8))


COUNTRIES = {
    "PL": {
        "share": 0.32,
        "tld": "pl",
        "vat": vat_pl,
        "lang": "pl_PL",
        "cities": [
            ("Warszawa", "00-", "22"), ("Kraków", "30-", "12"), ("Wrocław", "50-", "71"),
            ("Poznań", "60-", "61"), ("Gdańsk", "80-", "58"), ("Łódź", "90-", "42"),
            ("Katowice", "40-", "32"), ("Lublin", "20-", "81"), ("Szczecin", "70-", "91"),
            ("Bydgoszcz", "85-", "52"), ("Rzeszów", "35-", "17"), ("Białystok", "15-", "85"),
        ],
        "streets": [
            "ul. Marszałkowska", "ul. Długa", "ul. Polna", "ul. Kwiatowa", "ul. Lipowa",
            "al. Jana Pawła II", "ul. Przemysłowa", "ul. Słoneczna", "ul. Kościuszki",
            "ul. Mickiewicza", "ul. Fabryczna", "ul. Składowa",
        ],
        "surnames": [
            ("Kowalski", "Kowalska"), ("Nowak", "Nowak"), ("Wiśniewski", "Wiśniewska"),
            ("Wójcik", "Wójcik"), ("Kowalczyk", "Kowalczyk"), ("Kamiński", "Kamińska"),
            ("Lewandowski", "Lewandowska"), ("Zieliński", "Zielińska"),
            ("Szymański", "Szymańska"), ("Woźniak", "Woźniak"), ("Dąbrowski", "Dąbrowska"),
            ("Kozłowski", "Kozłowska"), ("Jankowski", "Jankowska"), ("Mazur", "Mazur"),
            ("Kwiatkowski", "Kwiatkowska"), ("Krawczyk", "Krawczyk"),
            ("Piotrowski", "Piotrowska"), ("Grabowski", "Grabowska"), ("Zając", "Zając"),
            ("Pawłowski", "Pawłowska"),
        ],
        "male": ["Jan", "Piotr", "Tomasz", "Marcin", "Paweł", "Krzysztof", "Michał", "Adam",
                 "Łukasz", "Grzegorz", "Andrzej", "Jakub"],
        "female": ["Anna", "Katarzyna", "Małgorzata", "Agnieszka", "Magdalena", "Joanna",
                   "Ewa", "Monika", "Aleksandra", "Beata", "Dorota", "Karolina"],
        "jobs": ["Kierownik zakupów", "Prezes zarządu", "Główna księgowa",
                 "Specjalista ds. zaopatrzenia", "Dyrektor handlowy", "Kierownik magazynu"],
        "company_patterns": [
            "{surname} {branch} Sp. z o.o.", "{word} Sp. z o.o.", "P.H.U. {word}",
            "{word} S.A.", "{surname} i Wspólnicy Sp.j.", "{word} {branch} Sp. z o.o.",
        ],
        "words": ["Polbud", "Elmet", "Agromax", "Drewpol", "Techmat", "Hydrotech",
                  "Stalprofil", "Intertrans", "Ekoplast", "Mazovia", "Baltic", "Wisła",
                  "Karpaty", "Promet", "Budrol", "Sanmax", "Metalpol", "Energotor"],
        "branches": ["Handel", "Budownictwo", "Logistyka", "Hurtownia", "Instalacje", "Meble",
                     "Serwis", "Technika", "Dystrybucja", "Automatyka"],
        "mailbox": "biuro",
        "phone": lambda rng, area: "+48 %s %03d %02d %02d" % (
            area, rng.randint(200, 899), rng.randint(0, 99), rng.randint(0, 99)),
        "mobile": lambda rng: "+48 %d%02d %03d %03d" % (
            rng.choice([5, 6, 7, 8]), rng.randint(0, 99), rng.randint(0, 999),
            rng.randint(0, 999)),
        "zip": lambda rng, prefix: "%s%03d" % (prefix, rng.randint(1, 999)),
        "street": lambda rng, street: "%s %d" % (street, rng.randint(1, 160)),
    },
    "DE": {
        "share": 0.22,
        "tld": "de",
        "vat": vat_de,
        "lang": "de_DE",
        "cities": [
            ("Berlin", "10", "30"), ("Hamburg", "20", "40"), ("München", "80", "89"),
            ("Köln", "50", "221"), ("Frankfurt am Main", "60", "69"), ("Stuttgart", "70", "711"),
            ("Düsseldorf", "40", "211"), ("Leipzig", "04", "341"), ("Dresden", "01", "351"),
            ("Hannover", "30", "511"), ("Nürnberg", "90", "911"), ("Bremen", "28", "421"),
        ],
        "streets": ["Hauptstraße", "Bahnhofstraße", "Industriestraße", "Gartenstraße",
                    "Schillerstraße", "Goethestraße", "Lindenallee", "Am Hafen",
                    "Gewerbepark", "Mühlenweg"],
        "surnames": [(s, s) for s in [
            "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner",
            "Becker", "Schulz", "Hoffmann", "Koch", "Richter", "Klein", "Wolf", "Schröder",
            "Neumann", "Braun", "Zimmermann"]],
        "male": ["Thomas", "Michael", "Andreas", "Stefan", "Lukas", "Jan", "Markus",
                 "Christian", "Frank", "Jürgen", "Tobias", "Florian"],
        "female": ["Julia", "Katrin", "Sabine", "Anna", "Claudia", "Petra", "Monika",
                   "Stefanie", "Nicole", "Susanne", "Laura", "Birgit"],
        "jobs": ["Einkaufsleiter", "Geschäftsführer", "Buchhaltung", "Disponent",
                 "Leiterin Einkauf", "Lagerleiter"],
        "company_patterns": [
            "{surname} {branch} GmbH", "{surname} & {surname2} KG", "{word} AG",
            "{word} {branch} GmbH", "{surname} GmbH & Co. KG",
        ],
        "words": ["Nordwerk", "Rheintal", "Alpenland", "Elbtech", "Hansa", "Technoform",
                  "Süddeutsche", "Weserland", "Spreetec", "Mainfranken", "Bavaria", "Ruhrmetall"],
        "branches": ["Logistik", "Haustechnik", "Metallbau", "Elektro", "Bürobedarf",
                     "Maschinenbau", "Handel", "Baustoffe", "Industriebedarf"],
        "mailbox": "info",
        "phone": lambda rng, area: "+49 %s %d" % (area, rng.randint(1000000, 9999999)),
        "mobile": lambda rng: "+49 1%d %d" % (rng.choice([51, 52, 60, 70, 71, 76]),
                                               rng.randint(1000000, 9999999)),
        "zip": lambda rng, prefix: "%s%03d" % (prefix, rng.randint(100, 999)),
        "street": lambda rng, street: "%s %d" % (street, rng.randint(1, 120)),
    },
    "RU": {
        "share": 0.22,
        "tld": "ru",
        "vat": vat_ru,
        "lang": "ru_RU",
        "cities": [
            ("Москва", "1", "495"), ("Санкт-Петербург", "19", "812"),
            ("Новосибирск", "63", "383"), ("Екатеринбург", "62", "343"), ("Казань", "42", "843"),
            ("Нижний Новгород", "60", "831"), ("Самара", "44", "846"),
            ("Краснодар", "35", "861"), ("Ростов-на-Дону", "34", "863"), ("Воронеж", "39", "473"),
        ],
        "streets": ["ул. Ленина", "ул. Садовая", "пр-т Мира", "ул. Гагарина", "ул. Советская",
                    "ул. Заводская", "ул. Лесная", "ул. Промышленная", "Невский пр-т",
                    "ул. Победы"],
        "surnames": [(s, s + "а") for s in [
            "Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Петров", "Соколов",
            "Михайлов", "Новиков", "Фёдоров", "Морозов", "Волков", "Лебедев", "Козлов",
            "Егоров", "Павлов"]],
        "male": ["Алексей", "Дмитрий", "Сергей", "Андрей", "Михаил", "Иван", "Николай",
                 "Владимир", "Артём", "Евгений"],
        "female": ["Ольга", "Елена", "Наталья", "Татьяна", "Ирина", "Анна", "Светлана",
                   "Мария", "Екатерина", "Юлия"],
        "jobs": ["Менеджер по закупкам", "Генеральный директор", "Главный бухгалтер",
                 "Коммерческий директор", "Начальник отдела снабжения"],
        "company_patterns": ['ООО «{word}»', 'АО «{word}»', 'ООО «{word}-{city_word}»',
                             "ИП {surname}"],
        "words": [a + b for a in ["Техно", "Строй", "Пром", "Энерго", "Агро", "Спец", "Евро",
                                  "Сиб", "Урал", "Волга", "Нева", "Мега"]
                  for b in ["снаб", "маркет", "ресурс", "комплект", "торг", "сервис",
                            "логистик", "трейд"]],
        "branches": [],
        "mailbox": "info",
        "phone": lambda rng, area: "+7 (%s) %03d-%02d-%02d" % (
            area, rng.randint(200, 999), rng.randint(0, 99), rng.randint(0, 99)),
        "mobile": lambda rng: "+7 (9%02d) %03d-%02d-%02d" % (
            rng.randint(0, 99), rng.randint(0, 999), rng.randint(0, 99), rng.randint(0, 99)),
        "zip": lambda rng, prefix: (prefix + "%05d" % rng.randint(0, 99999))[:6],
        "street": lambda rng, street: "%s, д. %d" % (street, rng.randint(1, 90)),
    },
    "CZ": {
        "share": 0.12,
        "tld": "cz",
        "vat": vat_cz,
        "lang": "cs_CZ",
        "cities": [("Praha", "1", "2"), ("Brno", "6", "5"), ("Ostrava", "7", "59"),
                   ("Plzeň", "3", "37"), ("Olomouc", "7", "58"), ("Liberec", "4", "48")],
        "streets": ["Vodičkova", "Masarykova", "Nádražní", "Průmyslová", "Husova", "Palackého",
                    "Komenského", "Školní"],
        "surnames": [("Novák", "Nováková"), ("Svoboda", "Svobodová"), ("Novotný", "Novotná"),
                     ("Dvořák", "Dvořáková"), ("Černý", "Černá"), ("Procházka", "Procházková"),
                     ("Kučera", "Kučerová"), ("Veselý", "Veselá"), ("Horák", "Horáková"),
                     ("Němec", "Němcová")],
        "male": ["Jiří", "Jan", "Petr", "Josef", "Pavel", "Martin", "Tomáš", "Jaroslav"],
        "female": ["Jana", "Marie", "Eva", "Hana", "Lenka", "Kateřina", "Lucie", "Petra"],
        "jobs": ["Nákupčí", "Jednatel", "Účetní", "Vedoucí skladu", "Obchodní ředitel"],
        "company_patterns": ["{surname} {branch} s.r.o.", "{word} s.r.o.", "{word} a.s."],
        "words": ["Moravia", "Bohemiatech", "Vltava", "Krkonoše", "Elektroservis",
                  "Stavmat", "Agrocentrum", "Kovotech"],
        "branches": ["Obchod", "Stavby", "Logistika", "Technika", "Instalace"],
        "mailbox": "info",
        "phone": lambda rng, area: "+420 %s%02d %03d %03d" % (
            area, rng.randint(0, 99), rng.randint(0, 999), rng.randint(0, 999)),
        "mobile": lambda rng: "+420 6%02d %03d %03d" % (
            rng.randint(0, 99), rng.randint(0, 999), rng.randint(0, 999)),
        "zip": lambda rng, prefix: "%s%02d %02d" % (prefix, rng.randint(10, 99),
                                                    rng.randint(0, 99)),
        "street": lambda rng, street: "%s %d" % (street, rng.randint(1, 90)),
    },
    "AT": {
        "share": 0.12,
        "tld": "at",
        "vat": vat_at,
        "lang": "de_DE",
        "cities": [("Wien", "1", "1"), ("Graz", "8", "316"), ("Linz", "4", "732"),
                   ("Salzburg", "5", "662"), ("Innsbruck", "6", "512"),
                   ("Klagenfurt", "9", "463")],
        "streets": ["Mariahilfer Straße", "Landstraße", "Hauptplatz", "Wiener Straße",
                    "Bahnhofstraße", "Industriezeile", "Kärntner Straße"],
        "surnames": [(s, s) for s in [
            "Gruber", "Huber", "Bauer", "Wagner", "Pichler", "Steiner", "Moser", "Mayer",
            "Hofer", "Leitner", "Berger", "Fuchs"]],
        "male": ["Lukas", "Tobias", "Florian", "Markus", "Wolfgang", "Gerhard", "David",
                 "Manuel"],
        "female": ["Sarah", "Lisa", "Katharina", "Julia", "Elisabeth", "Theresa", "Andrea",
                   "Christina"],
        "jobs": ["Einkaufsleiter", "Geschäftsführerin", "Buchhaltung", "Prokurist"],
        "company_patterns": ["{surname} {branch} GmbH", "{word} GmbH", "{surname} & Söhne KG"],
        "words": ["Alpentech", "Donauland", "Tirolia", "Steirerwerk", "Wienerwald",
                  "Salzachtal"],
        "branches": ["Handel", "Haustechnik", "Bau", "Logistik", "Elektrotechnik"],
        "mailbox": "office",
        "phone": lambda rng, area: "+43 %s %d" % (area, rng.randint(100000, 9999999)),
        "mobile": lambda rng: "+43 6%d %d" % (rng.choice([64, 76, 60, 99]),
                                              rng.randint(1000000, 9999999)),
        "zip": lambda rng, prefix: "%s%03d" % (prefix, rng.randint(10, 999)),
        "street": lambda rng, street: "%s %d" % (street, rng.randint(1, 80)),
    },
}  # fmt: skip

PRODUCTS = [
    ("Safety gloves (10 pairs)", 18.9),
    ("Industrial adhesive 1 kg", 24.5),
    ("Cable ties 200 mm (1000 pcs)", 29.0),
    ("LED panel 60x60 40 W", 39.9),
    ("Pallet stretch film 500 mm", 14.2),
    ("Cordless drill 18 V", 189.0),
    ("Copy paper A4 (box of 5 reams)", 21.5),
    ("Toner cartridge TN-2420", 64.0),
    ("Workwear jacket", 49.0),
    ("Safety helmet", 16.5),
    ("Hand cleaning paste 5 l", 22.0),
    ("Extension cable 25 m", 34.9),
    ("Steel shelving unit 180 cm", 129.0),
    ("Floor cleaner concentrate 10 l", 31.0),
    ("Packaging tape (36 rolls)", 27.5),
    ("Cardboard boxes 40x30x30 (50 pcs)", 42.0),
    ("Storage bin 40 l", 12.9),
    ("Wood screws 5x50 (1000 pcs)", 19.9),
    ("Safety boots S3", 79.0),
    ("First aid kit DIN 13157", 36.0),
    ("Angle grinder 125 mm", 119.0),
    ("Ear protection (20 pairs)", 26.0),
]
SERVICE = ("On-site maintenance (hour)", 65.0)
PRICELISTS = ("Standard prices", "Promotion -20%")
# Customer tags (res.partner.category): the customer's trade, drawn with their own seed.
CUSTOMER_TAGS = ["Construction", "Wholesale", "Manufacturing", "Logistics", "Retail"]

STAFF = [
    # login, name, team index, role, language of the user interface
    ("katarzyna", "Katarzyna Nowak", 0, "leader", "pl_PL"),
    ("piotr", "Piotr Kowalski", 0, "salesman", "pl_PL"),
    ("anna", "Anna Wiśniewska", 0, "salesman", "pl_PL"),
    ("markus", "Markus Weber", 1, "leader", "en_US"),
    ("olga", "Olga Smirnova", 1, "salesman", "ru_RU"),
]
TEAMS = ["Central Europe", "DACH & East"]

# Languages installed with Odoo's translations and the addons' pl.po / ru.po. de_DE and cs_CZ
# are only activated (customers' languages, no translations loaded): the addons ship no German
# or Czech translation, so markus works in English.
UI_LANGS = ("pl_PL", "ru_RU")
PARTNER_LANGS = ("de_DE", "cs_CZ")

# Every demo record name stored in a translatable field of Odoo (translate=True): products
# (product.template.name), price lists (product.pricelist.name), sales teams (crm.team.name),
# customer tags (res.partner.category.name). English source -> (Polish, Russian), the words a
# Polish or Russian salesperson uses. The product category keeps its English name: its field
# (product.category.name) is not translatable in Odoo 18. A name missing here stops the demo.
TRANSLATIONS = {
    # products
    "Safety gloves (10 pairs)": ("Rękawice ochronne (10 par)", "Перчатки защитные (10 пар)"),
    "Industrial adhesive 1 kg": ("Klej przemysłowy 1 kg", "Клей промышленный 1 кг"),
    "Cable ties 200 mm (1000 pcs)": (
        "Opaski kablowe 200 mm (1000 szt.)", "Хомуты кабельные 200 мм (1000 шт.)"),
    "LED panel 60x60 40 W": ("Panel LED 60x60 40 W", "Светодиодная панель 60x60 40 Вт"),
    "Pallet stretch film 500 mm": (
        "Folia stretch do palet 500 mm", "Стрейч-плёнка паллетная 500 мм"),
    "Cordless drill 18 V": (
        "Wiertarko-wkrętarka akumulatorowa 18 V", "Аккумуляторная дрель-шуруповёрт 18 В"),
    "Copy paper A4 (box of 5 reams)": (
        "Papier ksero A4 (karton 5 ryz)", "Бумага офисная A4 (коробка 5 пачек)"),
    "Toner cartridge TN-2420": ("Toner TN-2420", "Тонер-картридж TN-2420"),
    "Workwear jacket": ("Kurtka robocza", "Куртка рабочая"),
    "Safety helmet": ("Kask ochronny", "Каска защитная"),
    "Hand cleaning paste 5 l": ("Pasta BHP do mycia rąk 5 l", "Паста для очистки рук 5 л"),
    "Extension cable 25 m": ("Przedłużacz 25 m", "Удлинитель 25 м"),
    "Steel shelving unit 180 cm": ("Regał metalowy 180 cm", "Стеллаж металлический 180 см"),
    "Floor cleaner concentrate 10 l": (
        "Koncentrat do mycia podłóg 10 l", "Концентрат для мытья полов 10 л"),
    "Packaging tape (36 rolls)": ("Taśma pakowa (36 rolek)", "Скотч упаковочный (36 рулонов)"),
    "Cardboard boxes 40x30x30 (50 pcs)": (
        "Kartony 40x30x30 (50 szt.)", "Коробки картонные 40x30x30 (50 шт.)"),
    "Storage bin 40 l": ("Pojemnik magazynowy 40 l", "Ящик для хранения 40 л"),
    "Wood screws 5x50 (1000 pcs)": (
        "Wkręty do drewna 5x50 (1000 szt.)", "Саморезы по дереву 5x50 (1000 шт.)"),
    "Safety boots S3": ("Obuwie ochronne S3", "Ботинки защитные S3"),
    "First aid kit DIN 13157": (
        "Apteczka pierwszej pomocy DIN 13157", "Аптечка первой помощи DIN 13157"),
    "Angle grinder 125 mm": ("Szlifierka kątowa 125 mm", "Угловая шлифмашина 125 мм"),
    "Ear protection (20 pairs)": ("Zatyczki do uszu (20 par)", "Беруши (20 пар)"),
    "On-site maintenance (hour)": ("Serwis u klienta (godzina)", "Выездное обслуживание (час)"),
    # price lists
    "Standard prices": ("Ceny standardowe", "Стандартные цены"),
    "Promotion -20%": ("Promocja -20%", "Акция -20%"),
    # sales teams
    "Central Europe": ("Europa Środkowa", "Центральная Европа"),
    "DACH & East": ("DACH i Wschód", "DACH и Восток"),
    # customer tags
    "Construction": ("Budownictwo", "Строительство"),
    "Wholesale": ("Hurtownia", "Оптовая торговля"),
    "Manufacturing": ("Produkcja", "Производство"),
    "Logistics": ("Logistyka", "Логистика"),
    "Retail": ("Handel detaliczny", "Розничная торговля"),
}  # fmt: skip

CONTACT_NOTES = {
    "call": [
        "Called about the next delivery, prices confirmed.",
        "Phone call: asked about stock of the usual products.",
        "Call: customer plans a bigger order next quarter.",
        "Follow-up call after the last delivery, all fine.",
        "Call: discussed new product range and payment terms.",
    ],
    "email": [
        "Sent the updated price list.",
        "E-mail with the offer for the new season.",
        "Answered questions about delivery times by e-mail.",
        "Sent product data sheets requested by the buyer.",
    ],
    "meeting": [
        "Visit at the customer's site: reviewed the assortment.",
        "Meeting with the purchasing team about annual volumes.",
        "Yearly review meeting: satisfied, wants faster deliveries.",
        "Meeting at the trade fair booth.",
    ],
}
NEGATIVE_NOTES = [
    "Payment reminder: invoices overdue, customer promised to pay next week.",
    "Debt collection call: no payment received yet.",
    "Second reminder sent for the overdue invoices.",
]


def company_logo(odoo_dir, name):
    """A small PNG logo (three lights and the company name) instead of Odoo's "Your logo"
    placeholder on printed documents; None when the font is missing."""
    font_path = os.path.join(odoo_dir, "addons/web/static/fonts/lato/Lato-Bol-webfont.ttf")
    try:
        font = ImageFont.truetype(font_path, 34)
    except OSError:
        return None
    words = name.split(" GmbH")[0]
    width = 110 + int(font.getlength(words))
    img = Image.new("RGBA", (width, 80), (255, 255, 255, 0))
    draw = ImageDraw.Draw(img)
    draw.rounded_rectangle((4, 8, 84, 72), radius=14, fill=(52, 58, 64, 255))
    for i, colour in enumerate(((220, 53, 69), (253, 126, 20), (40, 167, 69))):
        x = 20 + i * 24
        draw.ellipse((x - 9, 31, x + 9, 49), fill=colour + (255,))
    draw.text((100, 40), words, font=font, fill=(52, 58, 64, 255), anchor="lm")
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    return base64.b64encode(buf.getvalue())


def chunks(items, size):
    for i in range(0, len(items), size):
        yield items[i : i + size]


class Timer:
    def __init__(self):
        self.start = self.last = time.monotonic()

    def step(self, label):
        now = time.monotonic()
        print("  %-46s %6.1f s" % (label, now - self.last), flush=True)
        self.last = now

    def total(self):
        return time.monotonic() - self.start


class DemoGenerator:
    def __init__(self, env):
        self.env = env
        self.rng = random.Random(SEED)
        self.today = date.today()
        self.start = self.today - timedelta(days=HISTORY_DAYS)
        self.timer = Timer()
        self.company = env.company

    # -- helpers ---------------------------------------------------------------------------

    def days_ago(self, d):
        return (self.today - d).days

    def ref(self, xmlid):
        return self.env.ref(xmlid, raise_if_not_found=False)

    # -- company, accounting, settings ------------------------------------------------------

    def setup_company(self):
        env, company = self.env, self.company
        eur = env.ref("base.EUR")
        if not eur.active:
            eur.active = True
        vals = {
            "name": "Traffic Light Trading GmbH",
            "street": "Industriestraße 12",
            "zip": "10115",
            "city": "Berlin",
            "country_id": env.ref("base.de").id,
            "email": "sales@traffic-light-demo.example",
            "phone": "+49 30 1234567",
        }
        if company.currency_id != eur and not env["account.move.line"].search_count([], limit=1):
            vals["currency_id"] = eur.id
        logo = company_logo(odoo_path, vals["name"])
        if logo:
            vals["logo"] = logo
        company.write(vals)
        if not company.chart_template:
            env["account.chart.template"].try_loading("generic_coa", company, install_demo=False)
        # Discounts on order lines and price lists are visible in the sales app.
        groups = [self.ref("sale.group_discount_per_so_line"),
                  self.ref("product.group_product_pricelist")]  # fmt: skip
        env.ref("base.group_user").write({"implied_ids": [(4, g.id) for g in groups if g]})
        self.setup_languages()
        self.term_30 = env.ref("account.account_payment_term_30days")
        self.term_15 = env.ref("account.account_payment_term_15days")
        self.timer.step("company, currency, chart of accounts")

    def setup_languages(self):
        """Install Polish and Russian as *Settings > Languages > Add Languages* does (the
        ``base.language.install`` wizard): Odoo's translations and the addons' pl.po / ru.po
        for every installed module, chart of accounts included (7-11 s). Not ``odoo-bin
        --load-language`` at install: it makes its first language the database's default
        (new partners, admin) and leaves English inactive. German and Czech are the languages
        of customers only: activated, no translations loaded."""
        Lang = self.env["res.lang"].with_context(active_test=False)
        missing = Lang.search([("code", "in", UI_LANGS), ("active", "=", False)])
        if missing:
            start = time.monotonic()
            wizard = self.env["base.language.install"].create({"lang_ids": [(6, 0, missing.ids)]})
            wizard.lang_install()
            print("  loaded the translations of %s in %.1f s"
                  % (", ".join(missing.mapped("code")), time.monotonic() - start))  # fmt: skip
        for code in PARTNER_LANGS:
            Lang._activate_lang(code)

    def translate_names(self, records):
        """Store the Polish and Russian names of records whose name is translatable."""
        for record in records:
            polish, russian = TRANSLATIONS[record.with_context(lang="en_US").name]
            record.update_field_translations("name", {"pl_PL": polish, "ru_RU": russian})

    def setup_staff(self):
        env = self.env
        salesman = env.ref("sales_team.group_sale_salesman")
        manager = env.ref("sales_team.group_sale_manager")
        self.users = {}
        for login, name, _team, role, lang in STAFF:
            user = env["res.users"].search([("login", "=", login)])
            vals = {
                "name": name,
                "login": login,
                "password": login,
                "email": "%s@traffic-light-demo.example" % slug(name, "."),
                "groups_id": [
                    (
                        6,
                        0,
                        [
                            env.ref("base.group_user").id,
                            (manager if role == "leader" else salesman).id,
                        ],
                    ),
                ],  # fmt: skip
                "tz": "Europe/Berlin",
                "lang": lang,
            }
            if user:
                user.write(vals)
            else:
                user = env["res.users"].with_context(no_reset_password=True).create(vals)
            self.users[login] = user
        self.teams = []
        for index, team_name in enumerate(TEAMS):
            leader = next(self.users[s[0]] for s in STAFF if s[2] == index and s[3] == "leader")
            members = [self.users[s[0]] for s in STAFF if s[2] == index]
            team = env["crm.team"].create(
                {
                    "name": team_name,
                    "user_id": leader.id,
                    "member_ids": [(6, 0, [u.id for u in members])],
                }
            )
            self.teams.append(team)
        self.translate_names(env["crm.team"].concat(*self.teams))
        self.team_of = {
            login: self.teams[team] for login, _name, team, _role, _lang in STAFF
        }  # fmt: skip
        self.timer.step("salespeople, leaders and sales teams")

    def setup_products(self):
        env = self.env
        categ = env["product.category"].create({"name": "Industrial supplies"})
        vals = [
            {"name": name, "list_price": price, "type": "consu", "categ_id": categ.id,
             "default_code": "IS-%03d" % (i + 1), "sale_ok": True, "taxes_id": [(5,)]}
            for i, (name, price) in enumerate(PRODUCTS)
        ]  # fmt: skip
        vals.append(
            {"name": SERVICE[0], "list_price": SERVICE[1], "type": "service",
             "categ_id": categ.id, "default_code": "SRV-001", "taxes_id": [(5,)]}
        )  # fmt: skip
        templates = env["product.template"].create(vals)
        self.products = templates.product_variant_ids
        self.price = {p.id: p.lst_price for p in self.products}
        Pricelist = env["product.pricelist"]
        self.pricelist = Pricelist.search(
            [("company_id", "in", [False, self.company.id])], limit=1
        ) or Pricelist.create({"name": "Standard"})
        self.pricelist.write({"name": PRICELISTS[0], "currency_id": self.company.currency_id.id})
        promo_vals = {
            "name": PRICELISTS[1],
            "currency_id": self.company.currency_id.id,
            "item_ids": [(0, 0, {"applied_on": "3_global", "compute_price": "percentage",
                                 "percent_price": 20.0})],
        }  # fmt: skip
        promo_field = self.promo_pricelist_field()
        if promo_field:
            promo_vals[promo_field] = True
        self.promo_pricelist = Pricelist.create(promo_vals)
        self.translate_names(templates)
        self.translate_names(self.pricelist | self.promo_pricelist)
        self.timer.step("products and price lists")

    def promo_pricelist_field(self):
        fields = self.env["product.pricelist"]._fields
        for name in ("traffic_light_promotional", "is_promotional", "promotional"):
            if name in fields and fields[name].type == "boolean":
                return name
        return None

    # -- customers ------------------------------------------------------------------------

    def pick_country(self):
        r, acc = self.rng.random(), 0.0
        for code, data in COUNTRIES.items():
            acc += data["share"]
            if r < acc:
                return code
        return "PL"

    def person(self, code):
        data, rng = COUNTRIES[code], self.rng
        female = rng.random() < 0.5
        first = rng.choice(data["female" if female else "male"])
        surname = rng.choice(data["surnames"])[1 if female else 0]
        return first, surname

    def company_name(self, code, city):
        data, rng = COUNTRIES[code], self.rng
        pattern = rng.choice(data["company_patterns"])
        return pattern.format(
            surname=rng.choice(data["surnames"])[0],
            surname2=rng.choice(data["surnames"])[0],
            word=rng.choice(data["words"]),
            branch=rng.choice(data["branches"]) if data["branches"] else "",
            city_word=city.split("-")[0].split()[0],
        )

    def salesperson_for(self, code):
        if code in ("PL",):
            return self.rng.choice(["piotr", "anna"])
        if code == "CZ":
            return "piotr"
        if code == "RU":
            return "olga"
        if code == "AT":
            return self.rng.choice(["olga", "markus"])
        return self.rng.choice(["markus", "olga", "katarzyna"])

    def create_customers(self):
        env, rng = self.env, self.rng
        countries = {
            c.code: c for c in env["res.country"].search([("code", "in", list(COUNTRIES))])
        }
        used_names = set()
        company_vals, self.customers = [], []
        profiles = []
        for profile, level, share in PROFILES:
            profiles += [(profile, level)] * round(share * N_CUSTOMERS)
        profiles += [("stable", "green")] * (N_CUSTOMERS - len(profiles))
        rng.shuffle(profiles)
        profiles += [("prospect", None)] * N_PROSPECTS
        for profile, level in profiles:
            code = self.pick_country()
            data = COUNTRIES[code]
            city, zip_prefix, area = rng.choice(data["cities"])
            name = self.company_name(code, city)
            while name in used_names:
                name = self.company_name(code, city)
            used_names.add(name)
            domain = "%s.%s" % (slug(name.split("«")[-1].split(" Sp.")[0], "-")[:30].strip("-")
                                or "firma", data["tld"])  # fmt: skip
            for suffix in ("sp-z-o-o", "s-a", "gmbh-co-kg", "gmbh", "kg", "ag", "s-r-o", "a-s",
                           "ooo", "ao", "sp-j", "phu-"):  # fmt: skip
                domain = domain.replace("-" + suffix + ".", ".").replace(suffix, "")
            domain = domain.strip("-.") or "firma." + data["tld"]
            seller = self.salesperson_for(code)
            company_vals.append(
                {
                    "name": name,
                    "is_company": True,
                    "country_id": countries[code].id,
                    "city": city,
                    "zip": data["zip"](rng, zip_prefix),
                    "street": data["street"](rng, rng.choice(data["streets"])),
                    "phone": data["phone"](rng, area),
                    "email": "%s@%s" % (data["mailbox"], domain),
                    "website": "https://www.%s" % domain,
                    "vat": data["vat"](rng),
                    "lang": data["lang"] if env["res.lang"]._lang_get(data["lang"]) else "en_US",
                    "user_id": self.users[seller].id,
                    "customer_rank": 1 if profile != "prospect" else 0,
                    "property_payment_term_id": (
                        self.term_15.id if rng.random() < 0.2 else self.term_30.id
                    ),
                }
            )
            self.customers.append({"profile": profile, "level": level, "code": code,
                                   "seller": seller, "domain": domain})  # fmt: skip
        Partner = env["res.partner"]
        partners = Partner.browse()
        for batch in chunks(company_vals, 200):
            partners |= Partner.create(batch)
        contact_vals, owners = [], []
        for cust, partner in zip(self.customers, partners, strict=True):
            cust["partner"] = partner
            cust["term_days"] = 15 if partner.property_payment_term_id == self.term_15 else 30
            data = COUNTRIES[cust["code"]]
            jobs = rng.sample(data["jobs"], k=min(len(data["jobs"]), rng.randint(1, 3)))
            for job in jobs:
                first, surname = self.person(cust["code"])
                contact_vals.append(
                    {
                        "name": "%s %s" % (first, surname),
                        "parent_id": partner.id,
                        "type": "contact",
                        "function": job,
                        "email": "%s.%s@%s" % (slug(first), slug(surname), cust["domain"]),
                        "phone": partner.phone,
                        "mobile": data["mobile"](rng),
                        "lang": partner.lang,
                    }
                )
                owners.append(cust)
        contacts = Partner.browse()
        for batch in chunks(contact_vals, 300):
            contacts |= Partner.create(batch)
        for cust in self.customers:
            cust["contacts"] = Partner.browse()
        for cust, contact in zip(owners, contacts, strict=True):
            cust["contacts"] |= contact
        self.timer.step("%d companies, %d contact persons" % (len(partners), len(contacts)))
        self.tag_customers()

    def tag_customers(self):
        """Give every company a trade tag, drawn with its own seed so that the rest of the data
        stays the same."""
        Tag = self.env["res.partner.category"]
        tags = Tag.concat(*(Tag.create({"name": name}) for name in CUSTOMER_TAGS))
        self.translate_names(tags)
        rng, by_tag = random.Random(SEED + 1), defaultdict(list)
        for cust in self.customers:
            by_tag[rng.choice(tags)].append(cust["partner"].id)
        for tag, partner_ids in by_tag.items():
            self.env["res.partner"].browse(partner_ids).write({"category_id": [(4, tag.id)]})
        self.timer.step("%d customer tags" % len(tags))

    # -- the plan: every customer's history, aimed at one level of one indicator ---------------

    def plan_customer(self, cust):
        rng, today = self.rng, self.today
        profile, level = cust["profile"], cust["level"]
        interval = rng.choice([14, 21, 21, 28, 30, 30, 35, 45, 45, 60, 60, 75])
        if profile == "less_often":
            interval = rng.choice([14, 21, 28, 30, 35])
        gaps = [max(5, round(rng.gauss(interval, interval * 0.2))) for _ in range(200)]
        usual = statistics.median(gaps[:40])
        # days since the last order, against the usual interval
        if profile == "less_often":
            factor = rng.uniform(1.7, 2.2) if level == "orange" else rng.uniform(2.8, 4.0)
        else:
            factor = rng.uniform(0.0, 1.2)
        last = today - timedelta(days=max(1, round(factor * usual)))
        dates, current, i = [], last, 0
        while current >= self.start:
            dates.append(current)
            current -= timedelta(days=gaps[i])
            i += 1
        dates.reverse()
        # the usual interval as the engine sees it (orders of the last two years)
        recent = [d for d in dates if d >= today - timedelta(days=730)]
        if len(recent) >= 3:
            gaps_2y = [(b - a).days for a, b in zip(recent, recent[1:], strict=False)]
            usual = statistics.median(gaps_2y)
        cust["usual"], cust["last_order"] = usual, dates[-1]
        # amounts: a base size, noise, a soft trend
        base = rng.choice([400, 700, 1000, 1500, 2500, 4000]) * interval / 30
        amounts = [base * rng.uniform(0.75, 1.25) for _ in dates]
        window = today - timedelta(days=365)
        previous = today - timedelta(days=730)
        cur = [i for i, d in enumerate(dates) if d > window]
        prev = [i for i, d in enumerate(dates) if previous < d <= window]
        if profile == "turnover_drop":
            ratio = rng.uniform(0.62, 0.75) if level == "orange" else rng.uniform(0.3, 0.52)
        else:
            ratio = rng.uniform(0.92, 1.25)
        s_cur, s_prev = sum(amounts[i] for i in cur), sum(amounts[i] for i in prev)
        if s_cur and s_prev:
            scale = ratio * s_prev / s_cur
            for i in cur:
                amounts[i] *= scale
        # promotions: share of the last window's turnover sold on promotion or with a discount
        if profile == "promo":
            target = rng.uniform(0.58, 0.72) if level == "orange" else rng.uniform(0.86, 1.0)
        else:
            target = rng.uniform(0.0, 0.25)
        promo = [rng.random() < 0.12 for _ in dates]
        total = sum(amounts[i] for i in cur) or 1.0
        for i in cur:
            promo[i] = False
        share, order = 0.0, cur[:]
        rng.shuffle(order)
        for i in order:
            if share + amounts[i] / total > target + 0.05 and share >= target - 0.05:
                continue
            if share >= target:
                break
            promo[i] = True
            share += amounts[i] / total
        cust["promo_share"] = share
        # payments: on time, late payers, open overdue invoices
        late_payer = rng.random() < 0.2
        orders = []
        for d, amount, is_promo in zip(dates, amounts, promo, strict=True):
            inv_date = d + timedelta(days=rng.choice([0, 0, 1, 2]))
            due = inv_date + timedelta(days=cust["term_days"])
            if late_payer:
                pay = due + timedelta(days=rng.randint(2, 12))
            else:
                pay = inv_date + timedelta(days=rng.randint(3, cust["term_days"]))
            orders.append({"date": d, "amount": amount, "promo": is_promo,
                           "invoice_date": inv_date, "due": due, "pay": pay})  # fmt: skip
        if profile == "overdue":
            # the most overdue open invoice: 20-40 days (orange) or 50-120 days (red)
            overdue = rng.randint(20, 40) if level == "orange" else rng.randint(50, 120)
            for o in orders:
                if self.days_ago(o["due"]) <= overdue:
                    o["pay"] = None if o["due"] < today else o["pay"]
            oldest = min(
                (o for o in orders if self.days_ago(o["due"]) >= overdue),
                key=lambda o: self.days_ago(o["due"]) - overdue,
                default=None,
            )
            if oldest:
                oldest["pay"] = None
                oldest["due"] = today - timedelta(days=overdue)
        for o in orders:
            if o["pay"] and o["pay"] > today:
                o["pay"] = None  # not yet paid (and, for a good payer, not yet due either)
            if o["date"] > today - timedelta(days=3):
                o["no_invoice"] = rng.random() < 0.5  # a fresh order not invoiced yet
        cust["orders"] = orders
        # commercial contacts: calls, e-mails, meetings, the last one at a profile's distance
        if profile == "no_contact":
            last_contact = rng.randint(70, 110) if level == "orange" else rng.randint(135, 260)
        else:
            last_contact = rng.randint(2, 45)
        contacts, d = [], today - timedelta(days=last_contact)
        while d >= self.start:
            contacts.append(d)
            d -= timedelta(days=rng.randint(20, 55))
        cust["contact_dates"] = contacts
        cust["negative_dates"] = []
        if profile == "no_contact" and rng.random() < 0.6 or profile == "overdue":
            cust["negative_dates"] = sorted(
                today - timedelta(days=rng.randint(3, 40)) for _ in range(rng.randint(1, 3))
            )

    # -- documents -----------------------------------------------------------------------------

    def order_lines(self, amount, promo, discounted):
        """[(product, qty, price, discount)] adding up to about ``amount``."""
        rng = self.rng
        goods = list(self.products[:-1])
        chosen = rng.sample(goods, rng.choice([1, 2, 2, 3, 3, 4]))
        if rng.random() < 0.08:
            chosen.append(self.products[-1])
        lines, share = [], amount / len(chosen)
        for product in chosen:
            price = self.price[product.id]
            if promo:
                discount = 20.0
            elif discounted and rng.random() < 0.6:
                discount = rng.choice([3.0, 5.0, 5.0, 10.0])
            else:
                discount = 0.0
            qty = max(1, round(share / (price * (1 - discount / 100))))
            lines.append((product, qty, price, discount))
        return lines

    # -- bulk documents: copies of one order/invoice/payment made with the ORM ----------------

    def columns(self, table):
        self.env.cr.execute(
            "SELECT column_name, udt_name FROM information_schema.columns"
            " WHERE table_name = %s AND table_schema = current_schema()",
            [table],
        )
        return dict(self.env.cr.fetchall())

    def new_ids(self, table, n):
        self.env.cr.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
            [table, n],
        )
        return [r[0] for r in self.env.cr.fetchall()]

    def clone(self, table, proto_id, rows):
        """Insert copies of row ``proto_id`` of ``table``, each with its own overrides."""
        if not rows:
            return
        types = self.columns(table)
        keys = list(rows[0])
        others = [c for c in types if c not in keys]
        select = SQL(", ").join(
            [SQL("v.%s::%s", SQL.identifier(k), SQL(types[k])) for k in keys]
            + [SQL("p.%s", SQL.identifier(c)) for c in others]
        )
        target = SQL(", ").join(SQL.identifier(c) for c in keys + others)
        names = SQL(", ").join(SQL.identifier(k) for k in keys)
        for batch in chunks(rows, 2000):
            values = SQL(", ").join(
                SQL("(%s)", SQL(", ").join(SQL("%s", r[k]) for k in keys)) for r in batch
            )
            self.env.cr.execute(
                SQL(
                    "INSERT INTO %s (%s) SELECT %s FROM %s p, (VALUES %s) AS v(%s)"
                    " WHERE p.id = %s",
                    SQL.identifier(table), target, select, SQL.identifier(table),
                    values, names, proto_id,
                )
            )  # fmt: skip

    def make_prototype(self):
        """One order, its invoice and its payment, made by the ORM: the rows to copy."""
        env = self.env
        cust = next(c for c in self.customers if c["profile"] == "stable")
        order = env["sale.order"].create(
            {
                "partner_id": cust["partner"].id,
                "pricelist_id": self.pricelist.id,
                "order_line": [(0, 0, {"product_id": self.products[0].id,
                                       "product_uom_qty": 1})],
            }
        )  # fmt: skip
        order.action_confirm()
        invoice = order._create_invoices(grouped=True)
        invoice.action_post()
        payment = (
            env["account.payment.register"]
            .with_context(active_model="account.move", active_ids=invoice.ids)
            .create({"group_payment": False})
            ._create_payments()
        )
        lines = invoice.line_ids
        proto = {
            "order": order.id,
            "order_line": order.order_line.id,
            "invoice": invoice.id,
            "invoice_line": lines.filtered(lambda line: line.display_type == "product").id,
            "receivable": lines.filtered(lambda line: line.display_type == "payment_term").id,
            "payment": payment.id,
            "payment_move": payment.move_id.id,
            "liquidity": payment.move_id.line_ids.filtered(lambda line: line.debit).id,
            "counterpart": payment.move_id.line_ids.filtered(lambda line: line.credit).id,
            "partial": lines.matched_credit_ids.id,
            "full": lines.full_reconcile_id.id,
        }
        assert all(proto.values()), proto
        env.flush_all()
        # free the numbers the prototype took (it is deleted once copied)
        env.cr.execute(
            "UPDATE account_move SET name = 'PROTO/' || id WHERE id IN %s",
            [(invoice.id, payment.move_id.id)],
        )
        env.cr.execute("UPDATE sale_order SET name = 'PROTO' WHERE id = %s", [order.id])
        self.proto = proto
        self.timer.step("prototype order, invoice and payment")

    def drop_prototype(self):
        p, cr = self.proto, self.env.cr
        cr.execute("DELETE FROM account_move__account_payment WHERE payment_id = %s",
                   [p["payment"]])  # fmt: skip
        cr.execute("DELETE FROM sale_order_line_invoice_rel WHERE order_line_id = %s",
                   [p["order_line"]])  # fmt: skip
        cr.execute("DELETE FROM account_partial_reconcile WHERE id = %s", [p["partial"]])
        cr.execute("UPDATE account_move SET origin_payment_id = NULL WHERE id = %s",
                   [p["payment_move"]])  # fmt: skip
        cr.execute("DELETE FROM account_payment WHERE id = %s", [p["payment"]])
        cr.execute("DELETE FROM account_move_line WHERE move_id IN %s",
                   [(p["invoice"], p["payment_move"])])  # fmt: skip
        cr.execute("DELETE FROM account_full_reconcile WHERE id = %s", [p["full"]])
        cr.execute("DELETE FROM account_move WHERE id IN %s", [(p["invoice"], p["payment_move"])])
        cr.execute("DELETE FROM sale_order_line WHERE order_id = %s", [p["order"]])
        cr.execute("DELETE FROM sale_order WHERE id = %s", [p["order"]])
        cr.execute(
            "DELETE FROM mail_followers WHERE (res_model = 'sale.order' AND res_id = %s)"
            " OR (res_model = 'account.move' AND res_id IN %s)"
            " OR (res_model = 'account.payment' AND res_id = %s)",
            [p["order"], (p["invoice"], p["payment_move"]), p["payment"]],
        )
        cr.execute(
            "DELETE FROM mail_message WHERE (model = 'sale.order' AND res_id = %s)"
            " OR (model = 'account.move' AND res_id IN %s)"
            " OR (model = 'account.payment' AND res_id = %s)",
            [p["order"], (p["invoice"], p["payment_move"]), p["payment"]],
        )

    def create_documents(self):
        rng = self.rng
        self.make_prototype()
        planned = []
        for cust in self.customers:
            if cust["profile"] == "prospect":
                continue
            self.plan_customer(cust)
            for o in cust["orders"]:
                o["cust"] = cust
                discounted = not o["promo"] and rng.random() < 0.08
                o["lines"] = self.order_lines(o["amount"], o["promo"], discounted)
                contacts = cust["contacts"]
                o["buyer"] = (cust["partner"] if not contacts or rng.random() < 0.6
                              else rng.choice(contacts))  # fmt: skip
                o["when"] = datetime.combine(o["date"], datetime.min.time()) + timedelta(
                    hours=rng.randint(7, 16), minutes=rng.randint(0, 59)
                )
                planned.append(o)
        planned.sort(key=lambda o: o["when"])
        self.timer.step("planned %d orders" % len(planned))
        self.insert_orders(planned)
        self.timer.step("%d confirmed sale orders" % len(planned))
        invoiced = [o for o in planned if not o.get("no_invoice")]
        self.insert_invoices(invoiced)
        self.timer.step("%d posted invoices" % len(invoiced))
        paid = sorted((o for o in invoiced if o["pay"]), key=lambda o: (o["pay"], o["inv_id"]))
        self.insert_payments(paid)
        self.timer.step("%d payments" % len(paid))
        self.drop_prototype()
        self.env["ir.sequence"].search([("code", "=", "sale.order")]).write(
            {"number_next": len(planned) + 1}
        )
        self.env.invalidate_all()
        self.planned = planned

    def insert_orders(self, planned):
        p = self.proto
        ids = self.new_ids("sale_order", len(planned))
        n_lines = sum(len(o["lines"]) for o in planned)
        line_ids = iter(self.new_ids("sale_order_line", n_lines))
        orders, lines = [], []
        for n, (o, oid) in enumerate(zip(planned, ids, strict=True), start=1):
            cust = o["cust"]
            user = self.users[cust["seller"]]
            invoiced = not o.get("no_invoice")
            o["so_id"], o["so_name"], o["line_ids"] = oid, "S%05d" % n, []
            total = 0.0
            for seq, (product, qty, price, discount) in enumerate(o["lines"], start=1):
                subtotal = float_round(qty * (price * (1 - discount / 100.0)), 2)
                total += subtotal
                lid = next(line_ids)
                o["line_ids"].append((lid, product, qty, price, discount, subtotal))
                lines.append(
                    {
                        "id": lid, "order_id": oid, "sequence": seq * 10,
                        "order_partner_id": o["buyer"].id, "salesman_id": user.id,
                        "product_id": product.id, "name": product.display_name,
                        "product_uom_qty": qty, "price_unit": price,
                        "technical_price_unit": price, "discount": discount,
                        "price_subtotal": subtotal, "price_total": subtotal,
                        "price_reduce_taxexcl": round(subtotal / qty, 2),
                        "price_reduce_taxinc": round(subtotal / qty, 2),
                        "qty_invoiced": qty if invoiced else 0,
                        "qty_to_invoice": 0 if invoiced else qty,
                        "untaxed_amount_invoiced": subtotal if invoiced else 0,
                        "untaxed_amount_to_invoice": 0 if invoiced else subtotal,
                        "invoice_status": "invoiced" if invoiced else "to invoice",
                        "create_date": o["when"], "write_date": o["when"],
                    }
                )  # fmt: skip
            o["total"] = round(total, 2)
            orders.append(
                {
                    "id": oid, "name": o["so_name"], "partner_id": o["buyer"].id,
                    "partner_invoice_id": o["buyer"].id, "partner_shipping_id": o["buyer"].id,
                    "user_id": user.id, "team_id": self.team_of[cust["seller"]].id,
                    "pricelist_id": (self.promo_pricelist if o["promo"] else self.pricelist).id,
                    "payment_term_id": cust["partner"].property_payment_term_id.id,
                    "date_order": o["when"], "create_date": o["when"], "write_date": o["when"],
                    "validity_date": o["date"] + timedelta(days=30),
                    "amount_untaxed": o["total"], "amount_total": o["total"],
                    "invoice_status": "invoiced" if invoiced else "to invoice",
                    "client_order_ref": ("PO-%d" % self.rng.randint(10000, 99999)
                                         if self.rng.random() < 0.3 else None),
                }
            )  # fmt: skip
        self.clone("sale_order", p["order"], orders)
        self.clone("sale_order_line", p["order_line"], lines)

    def insert_invoices(self, invoiced):
        p = self.proto
        ids = self.new_ids("account_move", len(invoiced))
        n_lines = sum(len(o["lines"]) + 1 for o in invoiced)
        aml_ids = iter(self.new_ids("account_move_line", n_lines))
        moves, lines, receivables, rel = [], [], [], []
        per_year = Counter()
        for o, mid in sorted(zip(invoiced, ids, strict=True),
                             key=lambda t: (t[0]["invoice_date"], t[1])):  # fmt: skip
            cust, buyer = o["cust"], o["buyer"]
            commercial = cust["partner"]
            user = self.users[cust["seller"]]
            year = o["invoice_date"].year
            per_year[year] += 1
            name = "INV/%d/%05d" % (year, per_year[year])
            when = datetime.combine(o["invoice_date"], datetime.min.time()) + timedelta(hours=18)
            residual = 0.0 if o["pay"] else o["total"]
            o.update(inv_id=mid, inv_name=name)
            moves.append(
                {
                    "id": mid, "name": name, "sequence_prefix": "INV/%d/" % year,
                    "sequence_number": per_year[year], "partner_id": buyer.id,
                    "commercial_partner_id": commercial.id, "partner_shipping_id": buyer.id,
                    "invoice_user_id": user.id, "team_id": self.team_of[cust["seller"]].id,
                    "payment_reference": name,
                    "payment_state": "paid" if o["pay"] else "not_paid",
                    "invoice_partner_display_name": buyer.display_name,
                    "invoice_origin": o["so_name"], "date": o["invoice_date"],
                    "invoice_date": o["invoice_date"], "invoice_date_due": o["due"],
                    "invoice_payment_term_id": commercial.property_payment_term_id.id,
                    "amount_untaxed": o["total"], "amount_total": o["total"],
                    "amount_residual": residual, "amount_untaxed_signed": o["total"],
                    "amount_untaxed_in_currency_signed": o["total"],
                    "amount_total_signed": o["total"],
                    "amount_total_in_currency_signed": o["total"],
                    "amount_residual_signed": residual,
                    "create_date": when, "write_date": when,
                }
            )  # fmt: skip
            for seq, (sol_id, product, qty, price, discount, subtotal) in enumerate(o["line_ids"]):
                aml = next(aml_ids)
                rel.append((aml, sol_id))
                lines.append(
                    {
                        "id": aml, "move_id": mid, "move_name": name, "sequence": seq,
                        "partner_id": commercial.id, "product_id": product.id,
                        "name": product.display_name, "quantity": qty, "price_unit": price,
                        "discount": discount, "price_subtotal": subtotal,
                        "price_total": subtotal, "debit": 0.0, "credit": subtotal,
                        "balance": -subtotal, "amount_currency": -subtotal,
                        "date": o["invoice_date"], "invoice_date": o["invoice_date"],
                        "create_date": when, "write_date": when,
                    }
                )  # fmt: skip
            o["receivable_id"] = aml = next(aml_ids)
            receivables.append(
                {
                    "id": aml, "move_id": mid, "move_name": name, "name": name,
                    "partner_id": commercial.id, "debit": o["total"], "credit": 0.0,
                    "balance": o["total"], "amount_currency": o["total"],
                    "amount_residual": residual, "amount_residual_currency": residual,
                    "reconciled": bool(o["pay"]), "full_reconcile_id": None,
                    "matching_number": None, "date": o["invoice_date"],
                    "invoice_date": o["invoice_date"], "date_maturity": o["due"],
                    "create_date": when, "write_date": when,
                }
            )  # fmt: skip
        self.clone("account_move", p["invoice"], moves)
        self.clone("account_move_line", p["invoice_line"], lines)
        self.clone("account_move_line", p["receivable"], receivables)
        self.sql_insert_pairs(
            "sale_order_line_invoice_rel", "invoice_line_id", "order_line_id", rel
        )

    def insert_payments(self, paid):
        p, env = self.proto, self.env
        n = len(paid)
        pay_ids, move_ids = self.new_ids("account_payment", n), self.new_ids("account_move", n)
        full_ids, partial_ids = (self.new_ids("account_full_reconcile", n),
                                 self.new_ids("account_partial_reconcile", n))  # fmt: skip
        aml_ids = iter(self.new_ids("account_move_line", 2 * n))
        fulls, moves, liquidity, counterpart, payments, partials, rel = ([] for _ in range(7))
        per_year = Counter()
        for o, pid, mid, fid, rid in zip(paid, pay_ids, move_ids, full_ids, partial_ids,
                                         strict=True):  # fmt: skip
            commercial, total = o["cust"]["partner"], o["total"]
            year = o["pay"].year
            per_year[year] += 1
            name = "PBNK1/%d/%05d" % (year, per_year[year])
            when = datetime.combine(o["pay"], datetime.min.time()) + timedelta(hours=12)
            label = "Manual Payment: %s" % o["inv_name"]
            fulls.append({"id": fid, "create_date": when, "write_date": when})
            moves.append(
                {
                    "id": mid, "name": name, "sequence_prefix": "PBNK1/%d/" % year,
                    "sequence_number": per_year[year], "origin_payment_id": None,
                    "partner_id": commercial.id, "commercial_partner_id": commercial.id,
                    "ref": o["inv_name"],
                    "invoice_partner_display_name": commercial.display_name,
                    "date": o["pay"], "invoice_date_due": o["pay"], "amount_total": total,
                    "amount_total_signed": total, "amount_total_in_currency_signed": total,
                    "create_date": when, "write_date": when,
                }
            )  # fmt: skip
            common = {"move_id": mid, "move_name": name, "payment_id": pid,
                      "partner_id": commercial.id, "ref": o["inv_name"], "name": label,
                      "date": o["pay"], "date_maturity": o["pay"], "create_date": when,
                      "write_date": when}  # fmt: skip
            liquidity.append(
                {"id": next(aml_ids), **common, "debit": total, "credit": 0.0, "balance": total,
                 "amount_currency": total, "amount_residual": total,
                 "amount_residual_currency": total, "price_subtotal": total,
                 "price_total": total}
            )  # fmt: skip
            cid = next(aml_ids)
            counterpart.append(
                {"id": cid, **common, "debit": 0.0, "credit": total, "balance": -total,
                 "amount_currency": -total, "amount_residual": 0.0,
                 "amount_residual_currency": 0.0, "price_subtotal": -total,
                 "price_total": -total, "full_reconcile_id": fid, "matching_number": str(fid)}
            )  # fmt: skip
            payments.append(
                {"id": pid, "move_id": mid, "name": name, "partner_id": commercial.id,
                 "memo": o["inv_name"], "date": o["pay"], "amount": total,
                 "amount_company_currency_signed": total, "create_date": when,
                 "write_date": when}
            )  # fmt: skip
            max_date = max(o["pay"], o["invoice_date"])
            partials.append(
                {"id": rid, "debit_move_id": o["receivable_id"], "credit_move_id": cid,
                 "full_reconcile_id": fid, "max_date": max_date, "amount": total,
                 "debit_amount_currency": total, "credit_amount_currency": total,
                 "create_date": when, "write_date": when}
            )  # fmt: skip
            rel.append((o["inv_id"], pid, o["receivable_id"], fid))
        self.clone("account_full_reconcile", p["full"], fulls)
        self.clone("account_move", p["payment_move"], moves)
        self.clone("account_payment", p["payment"], payments)
        env.cr.execute(
            "UPDATE account_move m SET origin_payment_id = p.id FROM account_payment p"
            " WHERE p.move_id = m.id AND p.id = ANY(%s)",
            [pay_ids],
        )
        self.clone("account_move_line", p["liquidity"], liquidity)
        self.clone("account_move_line", p["counterpart"], counterpart)
        self.clone("account_partial_reconcile", p["partial"], partials)
        self.sql_insert_pairs(
            "account_move__account_payment", "invoice_id", "payment_id", [r[:2] for r in rel]
        )
        self.sql_values_update(
            "account_move_line",
            [(receivable, full) for _i, _p, receivable, full in rel],
            "full_reconcile_id = v.d, matching_number = v.d::text",
            "int",
        )

    def sql_insert_pairs(self, table, column_a, column_b, pairs):
        """INSERT INTO table (column_a, column_b) VALUES (a, b), ... in batches."""
        for batch in chunks(pairs, 5000):
            self.env.cr.execute(
                SQL(
                    "INSERT INTO %s (%s, %s) VALUES %s",
                    SQL.identifier(table),
                    SQL.identifier(column_a),
                    SQL.identifier(column_b),
                    SQL(", ").join(SQL("(%s, %s)", a, b) for a, b in batch),
                )
            )

    def sql_values_update(self, table, rows, assignments, cast):
        """UPDATE table SET <assignments> FROM (VALUES (id, d), ...) v WHERE id matches."""
        for batch in chunks(rows, 5000):
            values = SQL(", ").join(SQL("(%s, %s::" + cast + ")", i, d) for i, d in batch)
            self.env.cr.execute(
                SQL(
                    "UPDATE %s t SET " + assignments + " FROM (VALUES %s) AS v(id, d)"
                    " WHERE t.id = v.id",
                    SQL.identifier(table),
                    values,
                )
            )

    def create_contacts(self):
        env, rng = self.env, self.rng
        types = {
            "call": env.ref("mail.mail_activity_data_call"),
            "email": env.ref("mail.mail_activity_data_email"),
            "meeting": env.ref("mail.mail_activity_data_meeting"),
        }
        negative_types = [
            t
            for t in (
                self.ref("crm_traffic_light_core.mail_activity_type_debt_collection"),
                self.ref("crm_traffic_light_core.mail_activity_type_payment_problem"),
            )
            if t
        ]
        subtype = env.ref("mail.mt_activities")
        messages, events = [], []
        for cust in self.customers:
            if cust["profile"] == "prospect":
                continue
            partner = cust["partner"]
            seller = self.users[cust["seller"]]
            for d in cust["contact_dates"]:
                kind = rng.choice(["call", "call", "call", "email", "email", "meeting"])
                when = datetime.combine(d, datetime.min.time()) + timedelta(
                    hours=rng.randint(8, 16), minutes=rng.choice([0, 15, 30, 45])
                )
                who = rng.choice(cust["contacts"]) if cust["contacts"] else partner
                note = rng.choice(CONTACT_NOTES[kind])
                messages.append(
                    {
                        "model": "res.partner",
                        "res_id": partner.id,
                        "message_type": "notification",
                        "subtype_id": subtype.id,
                        "mail_activity_type_id": types[kind].id,
                        "author_id": seller.partner_id.id,
                        "date": when,
                        "body": "<p>%s done (%s): %s</p>" % (types[kind].name, who.name, note),
                    }
                )
                if kind == "meeting" and self.days_ago(d) < 400:
                    events.append(
                        {
                            "name": "%s - %s" % (partner.name, note.split(":")[0]),
                            "start": when,
                            "stop": when + timedelta(hours=1),
                            "user_id": seller.id,
                            "partner_ids": [(6, 0, [seller.partner_id.id, who.id])],
                            "description": note,
                            "res_model_id": env["ir.model"]._get_id("res.partner"),
                            "res_id": partner.id,
                        }
                    )
            for d in cust["negative_dates"]:
                if not negative_types:
                    break
                activity_type = rng.choice(negative_types)
                messages.append(
                    {
                        "model": "res.partner",
                        "res_id": partner.id,
                        "message_type": "notification",
                        "subtype_id": subtype.id,
                        "mail_activity_type_id": activity_type.id,
                        "author_id": seller.partner_id.id,
                        "date": datetime.combine(d, datetime.min.time()) + timedelta(hours=10),
                        "body": "<p>%s done: %s</p>"
                        % (activity_type.name, rng.choice(NEGATIVE_NOTES)),
                    }
                )
        # one message made by the ORM, the others copied from it in SQL
        first = env["mail.message"].create(messages[0])
        env.flush_all()
        ids = self.new_ids("mail_message", len(messages) - 1)
        copies = [
            {"id": i, "res_id": m["res_id"], "mail_activity_type_id": m["mail_activity_type_id"],
             "author_id": m["author_id"], "date": m["date"], "body": m["body"],
             "create_date": m["date"], "write_date": m["date"]}
            for i, m in zip(ids, messages[1:], strict=True)
        ]  # fmt: skip
        self.clone("mail_message", first.id, copies)
        env.cr.execute(
            "UPDATE mail_message SET create_date = date, write_date = date WHERE id = %s",
            [first.id],
        )
        self.timer.step("%d done activities (calls, e-mails, meetings)" % len(messages))
        Event = env["calendar.event"]
        for batch in chunks(events, 500):
            Event.create(batch)
        env.cr.execute(
            "UPDATE calendar_event SET create_date = start - interval '7 days',"
            " write_date = start WHERE start < now()"
        )
        self.timer.step("%d calendar meetings" % len(events))
        # a few next steps planned in the calendar and as activities
        upcoming = []
        for cust in rng.sample([c for c in self.customers if c["profile"] != "prospect"], 40):
            seller = self.users[cust["seller"]]
            when = datetime.combine(self.today, datetime.min.time()) + timedelta(
                days=rng.randint(1, 20), hours=rng.randint(8, 15)
            )
            upcoming.append(
                {
                    "res_model_id": env["ir.model"]._get_id("res.partner"),
                    "res_id": cust["partner"].id,
                    "activity_type_id": types[rng.choice(["call", "email", "meeting"])].id,
                    "summary": "Follow up on the next order",
                    "date_deadline": when.date(),
                    "user_id": seller.id,
                }
            )
        env["mail.activity"].create(upcoming)
        self.timer.step("%d planned activities" % len(upcoming))

    def backdate_partners(self):
        rows = []
        for cust in self.customers:
            first = cust["orders"][0]["date"] if cust.get("orders") else self.today
            created = datetime.combine(first, datetime.min.time()) - timedelta(
                days=self.rng.randint(5, 60)
            )
            rows.append((cust["partner"].id, created))
            rows += [(c.id, created) for c in cust["contacts"]]
        self.sql_values_update("res_partner", rows, "create_date = v.d, write_date = v.d",
                               "timestamp")  # fmt: skip
        self.timer.step("backdated the customers")

    def run(self):
        print("Generating demo data (seed %d, anchored on %s)" % (SEED, self.today), flush=True)
        self.setup_company()
        self.setup_staff()
        self.setup_products()
        self.create_customers()
        self.create_documents()
        self.create_contacts()
        self.backdate_partners()
        self.env.invalidate_all()
        planned = Counter(
            (c["profile"], c["level"]) for c in self.customers if c["profile"] != "prospect"
        )
        print("Customer histories by design:")
        for (profile, level), n in sorted(planned.items(), key=lambda kv: (kv[0][1], kv[0][0])):
            print("  %-14s -> %-6s %4d" % (profile, level, n))
        print("Generation took %.1f s" % self.timer.total(), flush=True)


def summary(env):
    cr = env.cr
    cr.execute(
        "SELECT (SELECT count(*) FROM sale_order WHERE state = 'sale'),"
        " (SELECT count(*) FROM account_move WHERE move_type = 'out_invoice'"
        "  AND state = 'posted'),"
        " (SELECT count(*) FROM account_payment),"
        " (SELECT count(*) FROM account_move WHERE move_type = 'out_invoice'"
        "  AND state = 'posted' AND payment_state = 'not_paid'"
        "  AND invoice_date_due < current_date),"
        " (SELECT min(date_order)::date FROM sale_order)"
    )
    orders, invoices, payments, overdue, first = cr.fetchone()
    print(
        "Documents: %d confirmed orders since %s, %d posted invoices (%d overdue), %d payments"
        % (orders, first, invoices, overdue, payments)
    )


def run_engine(env):
    if "crm.traffic.light.engine" not in env:
        print("Traffic light engine not installed: flags will appear once it is installed "
              "(daily scheduled action or the Recompute button).")  # fmt: skip
        return
    start = time.monotonic()
    env["crm.traffic.light.engine"]._cron_full_run()
    env.invalidate_all()
    counts = defaultdict(int)
    Partner = env["res.partner"].with_company(env.company)
    for flag in ("green", "orange", "red"):
        counts[flag] = Partner.search_count([("traffic_light", "=", flag)])
    total = sum(counts.values()) or 1
    print(
        "Traffic lights computed in %.1f s: %s"
        % (
            time.monotonic() - start,
            ", ".join(
                "%d %s (%.0f%%)" % (counts[f], f, 100.0 * counts[f] / total)
                for f in ("green", "orange", "red")
            ),
        )
    )


DEMO_NOTES = {
    "price": "Competitor offered a lower price; we matched it on the main product lines.",
    "demand": "Customer's own sales dropped this season; agreed a smaller monthly order.",
    "quality": "Complaint about a defective batch; replaced it and visited the customer.",
    "delivery": "Late deliveries in the last quarter; promised a fixed delivery day.",
    "payment": "Overdue invoices; agreed a payment schedule with the accountant.",
}


def close_some_alerts(env):
    """Give the alerts a history so the reports have data: the engine raises every alert
    today, so spread their raising over the past two months, record a first action on most
    of them and close about half with a reason and a note, deterministically."""
    if "crm.traffic.light.alert" not in env:
        return
    rng = random.Random(20240607)
    Alert = env["crm.traffic.light.alert"].with_context(tracking_disable=True, mail_notrack=True)
    alerts = Alert.search([("state", "in", ("new", "in_progress", "escalated"))], order="id")
    reasons = env["crm.traffic.light.alert.reason"].search([], order="sequence, id")
    if not alerts or not reasons:
        return
    now = datetime.now().replace(microsecond=0)
    closed = Alert.browse()
    for alert in alerts:
        raised = now - timedelta(days=rng.randint(3, 60), hours=rng.randint(0, 23))
        roll = rng.random()
        vals = {"date_raised": raised}
        if roll < 0.8:
            vals["date_first_action"] = raised + timedelta(hours=rng.randint(1, 96))
            if alert.state == "new":
                vals["state"] = "in_progress"
        alert.write(vals)
        if roll < 0.5:
            reason = reasons[min(int(rng.random() ** 1.5 * len(reasons)), len(reasons) - 1)]
            key = (reason.get_external_id().get(reason.id) or "").rsplit("alert_reason_", 1)[-1]
            alert.write(
                {
                    "reason_id": reason.id,
                    "note": DEMO_NOTES.get(key, "Called the customer and agreed next steps."),
                }
            )
            alert.action_resolve()
            closed_at = vals["date_first_action"] + timedelta(days=rng.randint(1, 20))
            alert.write({"date_closed": min(closed_at, now)})
            closed |= alert
    print(
        "Alert history: %d alerts spread over 60 days, %d closed with a reason"
        % (len(alerts), len(closed))
    )


def check_languages(env):
    """Print what each demo user reads in their language: a product, a sales team, a menu of
    Odoo and one of the addon. Stops the demo when a Polish or Russian translation is missing."""
    product = env["product.template"].search([("default_code", "=", "IS-001")])
    team = env["crm.team"].search([("name", "=", TEAMS[0])])
    odoo_menu = env.ref("sale.sale_menu_root")
    addon_menu = env.ref(
        "crm_traffic_light_core.menu_customer_health_root", raise_if_not_found=False
    )
    records = [product, team, odoo_menu] + ([addon_menu] if addon_menu else [])
    english = [r.with_context(lang="en_US").name for r in records]
    missing = []
    print("What the users read (their language):")
    for login, _name, _team, _role, lang in STAFF:
        user = env["res.users"].search([("login", "=", login)])
        names = [r.with_env(env(user=user, context={"lang": user.lang})).name for r in records]
        print("  %-10s %s  %s" % (login, user.lang, " | ".join(names)))
        if user.lang != lang:
            missing.append("%s works in %s instead of %s" % (login, user.lang, lang))
        elif lang in UI_LANGS:
            expected = TRANSLATIONS[english[0]][UI_LANGS.index(lang)]
            if names[0] != expected:
                missing.append("%s reads the product %r, not %r" % (login, names[0], expected))
            missing += [
                "%s reads %r untranslated" % (login, en)
                for en, name in zip(english[1:], names[1:], strict=True)
                if name == en
            ]
    if missing:
        sys.exit("Missing translations: " + "; ".join(missing))


def main():
    odoo.tools.config.parse_config(["-c", conf, "--log-level=warn"])
    db = odoo.tools.config["db_name"]
    registry = odoo.modules.registry.Registry.new(db)
    ctx = {
        "tracking_disable": True,
        "mail_create_nolog": True,
        "mail_notrack": True,
        "no_mail_to_attendees": True,
        "mail_auto_subscribe_no_notify": True,
        "mail_activity_quick_update": True,
        "lang": "en_US",
    }
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, ctx)
        DemoGenerator(env).run()
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"lang": "en_US"})
        summary(env)
        run_engine(env)
        close_some_alerts(env)
        check_languages(env)


if __name__ == "__main__":
    main()
