#!/usr/bin/env python3
"""Builds bench/pii-eval/corpus.jsonl, the labelled PII evaluation corpus (stdlib only).

Every sentence is assembled from text pieces and labelled values, so entity offsets are
computed (UTF-8 bytes), never typed. Values are fictional: NANP 555-01xx, Ofcom drama ranges,
placeholder digit runs for other countries, IBANs and card numbers computed here with valid
check digits for made-up bank codes, invented streets in example towns.

    python3 bench/pii-eval/make_corpus.py            # rewrites corpus.jsonl and heldout.jsonl next to this file
    python3 bench/pii-eval/make_corpus.py --check    # exits 1 if a committed file is stale

heldout.jsonl comes from heldout_templates.py (other words, formats and languages, written before
the detectors were tuned); see README.md.
"""
import json
import random
import re
import sys
from pathlib import Path

SEED = 20240501
rng = random.Random(SEED)


def pick(seq):
    return rng.choice(seq)


# ---- checksums ---------------------------------------------------------------------------

def luhn_ok(digits):
    total = 0
    for i, c in enumerate(reversed(digits)):
        d = int(c)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def luhn_complete(prefix, length):
    body = prefix + "".join(str(rng.randint(0, 9)) for _ in range(length - len(prefix) - 1))
    for c in "0123456789":
        if luhn_ok(body + c):
            return body + c
    raise AssertionError


def iban_for(cc, bban):
    n = int("".join(str(int(c, 36)) for c in bban + cc + "00"))
    return cc + "%02d" % (98 - n % 97) + bban


def iban_ok(iban):
    s = iban.replace(" ", "")
    s = s[4:] + s[:4]
    return int("".join(str(int(c, 36)) for c in s)) % 97 == 1


def grouped4(s):
    return " ".join(s[i:i + 4] for i in range(0, len(s), 4))


# ---- value generators: each returns (text, form) -------------------------------------------

US_AREAS = ["202", "212", "312", "415", "617", "305", "206", "512", "303", "404", "713", "503"]


def phone_us():
    a, line = pick(US_AREAS), "01%02d" % rng.randint(0, 99)
    forms = [
        ("+1 {a}-555-{l}", "us_intl_dash"), ("({a}) 555-{l}", "us_paren"), ("{a}-555-{l}", "us_dash"),
        ("{a}.555.{l}", "us_dots"), ("+1 ({a}) 555-{l}", "us_intl_paren"), ("1-{a}-555-{l}", "us_1_dash"),
        ("+1.{a}.555.{l}", "us_intl_dots"), ("{a} 555 {l}", "us_spaces"), ("+1{a}555{l}", "us_e164"),
        ("({a}) 555-{l} ext. {x}", "us_ext"), ("{a}-555-{l} x{x}", "us_x_ext"), ("+1 {a} 555 {l}", "us_intl_spaces"),
    ]
    f, form = pick(forms)
    return f.format(a=a, l=line, x=rng.randint(2, 999)), form


def phone_uk():
    x = "%03d" % rng.randint(0, 999)
    forms = [
        ("07700 900{x}", "uk_mobile"), ("+44 7700 900{x}", "uk_mobile_intl"), ("+44 (0)7700 900{x}", "uk_mobile_trunk"),
        ("020 7946 0{x}", "uk_london"), ("+44 20 7946 0{x}", "uk_london_intl"), ("0113 496 0{x}", "uk_leeds"),
        ("+44 161 496 0{x}", "uk_manchester_intl"), ("01632 960{x}", "uk_fiction_area"), ("+44 (0) 20 7946 0{x}", "uk_trunk"),
        ("0161 496 0{x}", "uk_manchester"),
    ]
    f, form = pick(forms)
    return f.format(x=x), form


DE_NUMBERS = [("30", "1234567"), ("30", "12345678"), ("89", "1234567"), ("40", "12345678"), ("221", "1234567"),
              ("69", "12345678"), ("171", "2345678"), ("151", "23456789"), ("160", "1234567"), ("711", "1234567")]


def phone_de():
    area, sub = pick(DE_NUMBERS)
    split = sub[:3] + " " + sub[3:]
    forms = [
        ("0{a} {s}", "de_space"), ("0{a}/{s}", "de_slash"), ("0{a}-{s}", "de_dash"), ("(0{a}) {s}", "de_paren"),
        ("+49 {a} {s}", "de_intl"), ("+49 (0){a} {s}", "de_intl_trunk"), ("+49-{a}-{s}", "de_intl_dash"),
        ("0049 {a} {s}", "de_00"), ("0{a} {split}", "de_split"), ("+49 (0) {a} {split}", "de_intl_trunk_split"),
        ("0{a} {s}-{dw}", "de_durchwahl"), ("0{a} / {split}", "de_slash_spaced"),
    ]
    f, form = pick(forms)
    return f.format(a=area, s=sub, split=split, dw=rng.randint(10, 99)), form


FR_NUMBERS = ["1 23 45 67 89", "6 12 34 56 78", "7 12 34 56 78", "4 91 23 45 67", "5 56 12 34 56", "2 99 12 34 56",
              "6 39 98 12 34", "9 72 12 34 56"]


def phone_fr():
    n = pick(FR_NUMBERS)
    compact = n.replace(" ", "")
    forms = [
        ("0" + n, "fr_spaces"), ("+33 " + n, "fr_intl"), ("+33 (0)" + n, "fr_intl_trunk"), ("0" + n.replace(" ", "."), "fr_dots"),
        ("0" + n.replace(" ", "-"), "fr_dashes"), ("0" + compact, "fr_compact"), ("+33" + compact, "fr_e164"),
        ("+33 (0) " + n, "fr_intl_trunk_space"),
    ]
    return pick(forms)


def phone_es():
    forms = [
        ("612 34 56 78", "es_mobile_pairs"), ("612 345 678", "es_mobile_triples"), ("+34 612 34 56 78", "es_intl"),
        ("+34 912 345 678", "es_intl_fixed"), ("91 234 56 78", "es_madrid"), ("(+34) 612 345 678", "es_paren_cc"),
        ("+34 655 12 34 56", "es_intl_mobile"), ("93 123 45 67", "es_barcelona"), ("0034 612 345 678", "es_00"),
    ]
    return pick(forms)


def phone_other():
    forms = [
        ("+91 98765 43210", "in_mobile_intl"), ("+91-98765-43210", "in_dashes"), ("098765 43210", "in_trunk"),
        ("+39 06 1234 5678", "it_rome"), ("+39 347 123 4567", "it_mobile"), ("+31 20 123 4567", "nl_amsterdam"),
        ("+31 6 12345678", "nl_mobile"), ("+61 2 9876 5432", "au_sydney"), ("+81 3-1234-5678", "jp_tokyo"),
        ("+55 11 91234-5678", "br_sao_paulo"), ("+41 44 123 45 67", "ch_zurich"), ("+43 1 234 5678", "at_vienna"),
        ("+32 2 123 45 67", "be_brussels"), ("+353 1 234 5678", "ie_dublin"), ("+52 55 1234 5678", "mx_cdmx"),
        ("+86 138 0013 8000", "cn_mobile"), ("+48 22 123 45 67", "pl_warsaw"), ("+46 8 123 456 78", "se_stockholm"),
        ("+1 416 555 0123", "ca_toronto"), ("+7 495 123-45-67", "ru_moscow"), ("+27 21 123 4567", "za_cape_town"),
    ]
    return pick(forms)


def email():
    locals_ = ["jane.doe", "j.smith+news", "marie-claire.dupont", "hans.mueller", "contact", "info", "user_42",
               "anna.k", "max.mustermann", "p.garcia", "o'neil", "team.lead", "lucia.fernandez", "k.tanaka",
               "jean-pierre", "sam", "office", "hello"]
    domains = ["example.org", "example.com", "example.net", "mail.example.com", "beispiel.example",
               "exemple.example", "jane-doe.example.net", "example.co.uk", "ejemplo.example", "sub.example.de",
               "example.fr", "example.es"]
    return pick(locals_) + "@" + pick(domains), "plain"


def email_obfuscated():
    return pick(["jane.doe [at] example [dot] org", "hans (at) example (dot) com", "marie at example dot fr",
                 "info[at]example[dot]net"]), "obfuscated"


IBAN_BBANS = {
    "DE": lambda: "%08d" % rng.randint(10000000, 99999999) + "%010d" % rng.randint(0, 10 ** 10 - 1),
    "FR": lambda: "%05d%05d" % (rng.randint(10000, 99999), rng.randint(0, 99999)) + "%011d" % rng.randint(0, 10 ** 11 - 1) + "%02d" % rng.randint(1, 97),
    "ES": lambda: "%04d%04d%02d%010d" % (rng.randint(0, 9999), rng.randint(0, 9999), rng.randint(0, 99), rng.randint(0, 10 ** 10 - 1)),
    "GB": lambda: "EXMP" + "%06d" % rng.randint(0, 999999) + "%08d" % rng.randint(0, 10 ** 8 - 1),
    "NL": lambda: "EXMP" + "%010d" % rng.randint(0, 10 ** 10 - 1),
    "IT": lambda: "X" + "%05d%05d" % (rng.randint(0, 99999), rng.randint(0, 99999)) + "%012d" % rng.randint(0, 10 ** 12 - 1),
    "BE": lambda: "%012d" % rng.randint(0, 10 ** 12 - 1),
    "AT": lambda: "%016d" % rng.randint(0, 10 ** 16 - 1),
    "CH": lambda: "%05d" % rng.randint(0, 99999) + "%012d" % rng.randint(0, 10 ** 12 - 1),
    "PL": lambda: "%024d" % rng.randint(0, 10 ** 24 - 1),
    "PT": lambda: "%021d" % rng.randint(0, 10 ** 21 - 1),
    "IE": lambda: "EXMP" + "%06d%08d" % (rng.randint(0, 999999), rng.randint(0, 10 ** 8 - 1)),
    "LU": lambda: "%03d" % rng.randint(0, 999) + "%013d" % rng.randint(0, 10 ** 13 - 1),
}


def iban(cc=None):
    cc = cc or pick(list(IBAN_BBANS))
    value = iban_for(cc, IBAN_BBANS[cc]())
    assert iban_ok(value)
    if rng.random() < 0.7:
        return grouped4(value), "printed_" + cc
    return value, "electronic_" + cc


def iban_bad_check():
    value = iban_for("DE", IBAN_BBANS["DE"]())
    check = int(value[2:4])
    bad = value[:2] + "%02d" % ((check + 1) % 97 or 3) + value[4:]
    assert not iban_ok(bad)
    return grouped4(bad)


CARD_PREFIXES = [("4", 16, "visa"), ("4", 13, "visa"), ("51", 16, "mastercard"), ("55", 16, "mastercard"),
                 ("2221", 16, "mastercard"), ("2720", 16, "mastercard"), ("34", 15, "amex"), ("37", 15, "amex"),
                 ("6011", 16, "discover"), ("65", 16, "discover"), ("3528", 16, "jcb"), ("36", 14, "diners"),
                 ("62", 16, "unionpay"), ("6759", 16, "maestro")]


def card_digits():
    prefix, length, brand = pick(CARD_PREFIXES)
    return luhn_complete(prefix, length), brand


def format_card(d, style):
    if len(d) == 15:
        parts = [d[:4], d[4:10], d[10:]]
    elif len(d) == 14:
        parts = [d[:4], d[4:10], d[10:]]
    else:
        parts = [d[i:i + 4] for i in range(0, len(d), 4)]
    return {"space": " ", "dash": "-", "compact": ""}[style].join(parts)


def card():
    if rng.random() < 0.15:
        d, brand = pick([("4111111111111111", "visa"), ("5555555555554444", "mastercard"), ("378282246310005", "amex")])
    else:
        d, brand = card_digits()
    style = pick(["space", "space", "dash", "compact"])
    return format_card(d, style), brand + "_" + style


def card_luhn_invalid():
    d, _ = card_digits()
    bad = d[:-1] + str((int(d[-1]) + 1) % 10)
    assert not luhn_ok(bad)
    return format_card(bad, "space")


def address_us():
    return "%d %s %s, %s, %s %05d" % (rng.randint(1, 9999), pick(["Maple", "Oak", "Example", "Elm", "Cedar", "Willow"]),
                                      pick(["Street", "Avenue", "Road", "Lane", "Drive", "Boulevard"]),
                                      pick(["Springfield", "Riverton", "Fairview", "Lakeside"]),
                                      pick(["IL", "OR", "TX", "OH", "CA"]), rng.randint(10000, 99999)), "us"


def address_uk():
    return "%d %s %s, %s %s" % (rng.randint(1, 250), pick(["Example", "Station", "Church", "Mill", "Park"]),
                               pick(["Road", "Street", "Lane", "Close"]), pick(["Manchester", "Leeds", "London", "Bristol"]),
                               pick(["M1 2AB", "LS1 4AP", "NW1 6XE", "BS1 5TR", "EC1A 1BB"])), "uk"


def address_de():
    return "%s%s %d%s, %05d %s" % (pick(["Muster", "Beispiel", "Linden", "Garten", "Schiller", "Goethe"]),
                                   pick(["straße", "weg", "allee", "platz", "str."]), rng.randint(1, 199),
                                   pick(["", "", "a", "b"]), rng.randint(1067, 99998),
                                   pick(["Berlin", "München", "Hamburg", "Köln", "Leipzig"])), "de"


def address_fr():
    return "%d %s %s, %05d %s" % (rng.randint(1, 150), pick(["rue", "avenue", "boulevard", "place", "impasse"]),
                                  pick(["de la Paix", "des Lilas", "du Moulin", "de l'Exemple", "Victor Hugo"]),
                                  rng.randint(1000, 95999), pick(["Paris", "Lyon", "Marseille", "Lille", "Nantes"])), "fr"


def address_es():
    return "%s %s %d, %05d %s" % (pick(["Calle", "Avenida", "Plaza"]), pick(["de Ejemplo", "Mayor", "del Sol", "de la Luna"]),
                                  rng.randint(1, 120), rng.randint(1000, 52999), pick(["Madrid", "Sevilla", "Valencia", "Bilbao"])), "es"


MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
    "de": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"],
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
}


def rand_date():
    return rng.randint(1950, 2005), rng.randint(1, 12), rng.randint(1, 28)


def bdate(lang):
    y, m, d = rand_date()
    name = MONTHS[lang][m - 1]
    if lang == "en":
        return pick([("%d %s %d" % (d, name, y), "en_dmy"), ("%s %d, %d" % (name, d, y), "en_mdy"),
                     ("%04d-%02d-%02d" % (y, m, d), "iso"), ("%02d/%02d/%04d" % (m, d, y), "us_numeric")])
    if lang == "de":
        return pick([("%02d.%02d.%04d" % (d, m, y), "de_numeric"), ("%d. %s %d" % (d, name, y), "de_written"),
                     ("%d.%d.%d" % (d, m, y), "de_short")])
    if lang == "fr":
        return pick([("%d %s %d" % (d, name, y), "fr_written"), ("%02d/%02d/%04d" % (d, m, y), "fr_numeric")])
    return pick([("%d de %s de %d" % (d, name, y), "es_written"), ("%02d/%02d/%04d" % (d, m, y), "es_numeric")])


def age(lang, years=False):
    n = rng.randint(18, 70)
    if lang == "en":
        return ("%d years old" % n if years else "turned %d" % n), "age"
    return {"de": "%d Jahre alt" % n, "fr": "%d ans" % n, "es": "%d años" % n}[lang], "age"


# ---- templates ---------------------------------------------------------------------------
# {phone} {email} {iban} {card} {address} {birth} {age} are labelled slots; the language picks
# the generators. Everything else is literal text (traps included, annotated by kind).

SLOT_TYPES = {"phone": "phone", "phone2": "phone", "email": "email", "email_obf": "email", "iban": "iban",
              "card": "payment_card", "address": "postal_address", "birth": "birth_date", "age": "birth_date",
              "age_years": "birth_date"}


def filler(lang, slot):
    if slot in ("phone", "phone2"):
        if lang == "en":
            return pick([phone_us, phone_us, phone_uk, phone_other])()
        return {"de": lambda: pick([phone_de, phone_de, phone_de, phone_other])(),
                "fr": lambda: pick([phone_fr, phone_fr, phone_fr, phone_other])(),
                "es": lambda: pick([phone_es, phone_es, phone_other])()}[lang]()
    if slot == "email":
        return email()
    if slot == "email_obf":
        return email_obfuscated()
    if slot == "iban":
        return iban({"en": None, "de": pick(["DE", "AT", "CH", None]), "fr": pick(["FR", "BE", "LU", None]),
                     "es": pick(["ES", "PT", None])}[lang])
    if slot == "card":
        return card()
    if slot == "address":
        return {"en": lambda: pick([address_us, address_us, address_uk])(), "de": address_de, "fr": address_fr,
                "es": address_es}[lang]()
    if slot == "birth":
        return bdate(lang)
    if slot == "age":
        return age(lang)
    if slot == "age_years":
        return age(lang, years=True)
    raise KeyError(slot)


POSITIVE = {
    "en": [
        "Call me at {phone} after 6pm.", "You can reach our office on {phone}.", "Phone: {phone}",
        "My number is {phone}, text anytime.", "WhatsApp: {phone}", "For bookings ring {phone} or email {email}.",
        "Cell {phone} / Office {phone2}", "Questions? {phone}", "{phone} (mobile)", "Contact Jane Doe, {phone}, {email}",
        "T: {phone} | E: {email}", "Text me on {phone} if the door is locked.", "Our hotline {phone} is open on weekdays.",
        "Fax {phone}", "Reach out anytime: {phone}.", "Jane's new number: {phone}", "If you find my dog please call {phone}!",
        "Emergency contact: John Doe {phone}", "Jane Doe — {phone} — Springfield", "Tel {phone}",
        "Email me at {email}.", "Send your CV to {email} before Friday.", "Contact: {email}", "Write to {email} or {email_obf}.",
        "My address is {email}, no spam please.", "Please transfer the deposit to IBAN {iban}.",
        "Bank details: {iban} (Example Bank)", "IBAN: {iban}, BIC EXMPDEFF", "Refunds go to {iban}.",
        "My card number is {card}, expiry 12/27.", "Charge it to {card} please.", "Card: {card} exp 09/26",
        "Use my Visa {card} for the hotel.", "{card} is the card on file.",
        "I live at {address}.", "Ship it to {address}.", "Our new office: {address}", "Send letters to {address}.",
        "I was born on {birth} in Ohio.", "DOB: {birth}", "Date of birth: {birth}", "Jane was born {birth}.",
        "Happy birthday to me, I {age} yesterday!", "Proud to say I'm {age_years} today.",
        "Reach me on {phone} or at {address}.", "Born {birth}; phone {phone}.",
    ],
    "de": [
        "Ruf mich an unter {phone}.", "Telefon: {phone}", "Mein Handy: {phone}", "Tel. {phone}, Fax {phone2}",
        "Erreichbar unter {phone} (Mo–Fr).", "Mobil {phone}", "Festnetz {phone}", "Kontakt: {phone} oder {email}",
        "Bei Fragen {phone}", "Tel.: {phone}", "Schreib mir an {email}.", "E-Mail: {email}", "Mail an {email_obf}",
        "Bitte überweisen Sie den Betrag auf {iban}.", "IBAN: {iban}, BIC: EXMPDEFFXXX", "Kontoverbindung {iban}",
        "Meine Kreditkarte: {card}", "Kartennummer {card}, gültig bis 08/27", "Bezahlt mit {card}.", "Ich wohne in der {address}.",
        "Anschrift: {address}", "Lieferadresse {address}", "Ich bin am {birth} geboren.", "geboren am {birth} in Köln",
        "Geburtsdatum: {birth}", "Ich bin {age} und wohne in Berlin.", "Jana Beispiel, {address}, Tel. {phone}",
    ],
    "fr": [
        "Appelez-moi au {phone}.", "Tél. : {phone}", "Portable : {phone}", "Mon numéro : {phone}",
        "Joignable au {phone} du lundi au vendredi.", "Fixe {phone}, portable {phone2}", "Contact : {phone} ou {email}",
        "Une question ? {phone}", "Écrivez-moi à {email}.", "Courriel : {email}", "Mail : {email_obf}",
        "Virement sur l'IBAN {iban}.", "Coordonnées bancaires : {iban}", "RIB {iban}", "Carte bancaire : {card}",
        "Ma carte {card} expire en 03/26.", "J'habite au {address}.", "Adresse : {address}", "Livraison au {address}.",
        "Je suis née le {birth}.", "né le {birth} à Lyon", "Date de naissance : {birth}", "J'ai eu {age} hier.",
        "Marie Exemple, {address}, tél. {phone}",
    ],
    "es": [
        "Llámame al {phone}.", "Teléfono: {phone}", "Mi móvil es {phone}.", "Contacto: {phone} o {email}",
        "WhatsApp {phone}", "¿Dudas? {phone}", "Escríbeme a {email}.", "Correo: {email}",
        "Transferencia a la cuenta {iban}.", "IBAN: {iban}", "Tarjeta: {card}", "Mi tarjeta {card} caduca en 11/25.",
        "Vivo en {address}.", "Pagué con la tarjeta {card}.", "Dirección: {address}", "Nací el {birth}.", "Fecha de nacimiento: {birth}",
        "Cumplí {age} el mes pasado.", "Lucía Ejemplo, {address}, tel. {phone}",
    ],
}

TRAPS = {
    "en": [
        ("The meeting is on 2024-05-01 at 10:30 in room 4.12.", "date_time"),
        ("Order #2024-0517-88 has shipped; tracking 1Z999AA10123456784.", "order_tracking"),
        ("Invoice INV-2023-11-0042 is due on 05/31/2024.", "invoice"),
        ("ISBN 978-3-16-148410-0, 2nd edition, 312 pages.", "isbn"),
        ("Request id 123e4567-e89b-12d3-a456-426614174000 failed.", "uuid"),
        ("See https://example.org/posts/2025550147 for details.", "url_digits"),
        ("Open https://example.com/track?id=4155550123&ref=77 to follow it.", "url_query"),
        ("Download v2.14.1 or build 10.0.19041.1234.", "version"),
        ("The server at 192.168.100.200 answers on port 8443.", "ip"),
        ("Coordinates: 48.856613, 2.352222.", "coordinates"),
        ("Total: $1,299.00 (incl. 20% VAT).", "price"),
        ("Tweet 1790123456789012345 got 12,345 likes.", "snowflake"),
        ("Unix timestamp 1714567890 marks the release.", "timestamp"),
        ("Card ending in 4242 was declined.", "card_fragment"),
        ("Order number 2025550147 is confirmed.", "order_number"),
        ("Population: 8 336 817 (2020 census).", "population"),
        ("Flight LH 2025 departs at 14:30, seat 12A.", "flight"),
        ("Postal code 10115, PO Box 1234.", "postal_code"),
        ("Patent US 10,123,456 B2 was granted in 2019.", "patent"),
        ("Use promo code 2025-5501-47 at checkout.", "promo_code"),
        ("The srcset lists image@2x.png and logo@3x.webp.", "srcset"),
        ("Install it with npm i react@18.2.0 first.", "npm_version"),
        ("Mention @jane_doe2025 in your post.", "handle"),
        ("Tracking number: 9400 1000 0000 0000 0000 00.", "tracking"),
        ("SKU 4006381333931 is out of stock.", "ean"),
        ("Build 20240501.3 passed all 1,024 tests.", "build"),
        ("Scores were 98.5, 87.25 and 1234.5678.", "decimals"),
        ("Temperatures ranged 12-15 °C between 2019-2024.", "ranges"),
        ("Ticket 2025550147-B was closed on 2024-05-02.", "ticket"),
        ("SSN 078-05-1120 is the famous invalid example.", "ssn"),
        ("The call lasted 12:45 and cost 3.99 USD.", "duration"),
        ("We shipped 1 234 567 units in 2023.", "quantity"),
        ("Meet me on 12/04/2024 at 9.30.", "date"),
        ("Account 4111 1111 1111 1112 is not a valid card.", "luhn_invalid"),
        ("Gift card code 1234-5678-9012-3456.", "gift_code"),
        ("Page 1234567 of the archive.", "page"),
        ("The report covers 01.01.2023 - 31.12.2023.", "date_range"),
        ("Released on March 3, 2021 by Example Press.", "non_birth_date"),
        ("Our company turned 30 this year.", "company_age"),
        ("Serial number SN 5550147202 printed on the box.", "serial"),
    ],
    "de": [
        ("Termin am 12.04.2024 um 14:30 Uhr.", "date_time"),
        ("Bestellnummer 2025550147 wurde versandt.", "order_number"),
        ("Rechnung Nr. 2024-0042 vom 01.05.2024.", "invoice"),
        ("Sendungsnummer 00340434161234567890.", "tracking"),
        ("Preis: 1.234,56 € inkl. MwSt.", "price"),
        ("Version 3.2.1 erschien am 01.02.2024.", "version"),
        ("Kundennummer: 0301234567", "customer_number"),
        ("Aktenzeichen 12 O 345/21.", "case_number"),
        ("PLZ 10115 Berlin.", "postal_code"),
        ("Öffnungszeiten 9–18 Uhr, seit 2019–2024 unverändert.", "ranges"),
        ("Artikelnummer 4006381333931.", "ean"),
        ("Die Einwohnerzahl beträgt 3.677.472.", "population"),
        ("Siehe https://beispiel.example/artikel/0301234567 für Details.", "url_digits"),
        ("Ticket-ID 2024-0517-0042 ist erledigt.", "ticket"),
        ("Falsche IBAN: {iban_bad}", "iban_bad_check"),
        ("Die Karte 4000 0000 0000 0001 ist ungültig.", "luhn_invalid"),
        ("Das Konzert am 3. März 2021 war ausverkauft.", "non_birth_date"),
        ("Steuernummer 21/815/08150.", "tax_number"),
        ("IP-Adresse 10.20.30.40 gesperrt.", "ip"),
        ("Lieferung KW 18/2024, Charge 2024-05-01-7788.", "batch"),
    ],
    "fr": [
        ("Rendez-vous le 12/04/2024 à 14h30.", "date_time"),
        ("Commande n° 2024-0517-88 expédiée.", "order"),
        ("Facture FAC-2023-0042 du 01/05/2024.", "invoice"),
        ("Numéro de suivi : 6A12345678901.", "tracking"),
        ("Prix : 1 234,56 €.", "price"),
        ("Version 10.0.19041 disponible.", "version"),
        ("Code postal 75002 Paris.", "postal_code"),
        ("Population : 2 165 423 habitants.", "population"),
        ("Référence commande 0612345678 à rappeler.", "reference"),
        ("Voir https://exemple.example/p/0612345678 pour le suivi.", "url_digits"),
        ("ISBN 978-2-07-036822-8, édition de poche.", "isbn"),
        ("IBAN erroné : {iban_bad}", "iban_bad_check"),
        ("Carte 5500 0000 0000 0005 refusée : numéro invalide.", "luhn_invalid"),
        ("Le musée a ouvert le 12 avril 1990.", "non_birth_date"),
        ("SIRET 123 456 789 00012.", "siret"),
        ("Coordonnées GPS : 45.764043, 4.835659.", "coordinates"),
    ],
    "es": [
        ("La reunión es el 12/04/2024 a las 10:30.", "date_time"),
        ("Pedido n.º 2024-0517-88 enviado.", "order"),
        ("Factura 2023/0042 del 01/05/2024.", "invoice"),
        ("Precio: 1.234,56 €.", "price"),
        ("Código postal 28013 Madrid.", "postal_code"),
        ("Versión 2.14.1 publicada.", "version"),
        ("Número de seguimiento 1Z999AA10123456784.", "tracking"),
        ("Referencia del pedido 612345678.", "reference"),
        ("IBAN incorrecto: {iban_bad}", "iban_bad_check"),
        ("La tarjeta 4111 1111 1111 1112 no es válida.", "luhn_invalid"),
        ("El estadio abrió el 12 de abril de 1990.", "non_birth_date"),
        ("Consulta https://ejemplo.example/ficha/912345678 en línea.", "url_digits"),
    ],
}

# Hand-written sentences: a list of literal pieces and (type, value, form) triples.
HAND = [
    ("en", ["Hi, I'm Jane Doe, born ", ("birth_date", "12 April 1990", "en_dmy"), " in Springfield. Reach me at ",
            ("email", "jane.doe@example.org", "plain"), " or ", ("phone", "+1 202-555-0147", "us_intl_dash"), "."]),
    ("en", ["Call ", ("phone", "(202) 555-0147", "us_paren"), " about order #88213 before Friday."]),
    ("en", ["My new number is ", ("phone", "(202) 555-0147", "us_paren"), " and my old one was ",
            ("phone", "202.555.0199", "us_dots"), "."]),
    ("en", ["Office: ", ("postal_address", "1600 Example Avenue, Springfield, IL 62704", "us"), " — open 9:00-17:00."]),
    ("en", ["Wire to ", ("iban", "GB29 NWBK 6016 1331 9268 19", "printed_GB"), " and quote invoice 2024-0042."]),
    ("en", ["Paid with ", ("payment_card", "4111 1111 1111 1111", "visa_space"), " on 2024-05-01, receipt 1234567."]),
    ("en", ["Srcset: hero@2x.jpg 2x, hero@3x.jpg 3x; contact ", ("email", "press@example.com", "plain"), "."]),
    ("en", ["UK office ", ("phone", "+44 20 7946 0958", "uk_london_intl"), ", mobile ", ("phone", "07700 900461", "uk_mobile"),
            ", fax ", ("phone", "020 7946 0959", "uk_london"), "."]),
    ("en", ["tel:", ("phone", "+12025550147", "tel_uri"), " is the link target on my site."]),
    ("en", ["Version 2.0.1 was released on 2024-05-01; call ", ("phone", "1-800-555-0199", "us_1_dash"), " for support."]),
    ("en", ["Born on ", ("birth_date", "July 4, 1985", "en_mdy"), ", I ", ("birth_date", "turned 39", "age"), " last summer."]),
    ("en", ["Text ", ("phone", "+1 (415) 555-0132", "us_intl_paren"), " or DM @jane_example — not 415-555-013."]),
    ("en", ["Reach me at ", ("phone", "+91 98765 43210", "in_mobile_intl"), " (India) or ", ("phone", "+61 2 9876 5432", "au_sydney"), "."]),
    ("en", ["Postal: ", ("postal_address", "221 Example Street, London NW1 6XE", "uk"), ". Landline ", ("phone", "020 7946 0321", "uk_london"), "."]),
    ("de", ["Hallo, ich bin Max Mustermann, geboren am ", ("birth_date", "12.04.1990", "de_numeric"), ", wohnhaft in der ",
            ("postal_address", "Musterstraße 12, 10115 Berlin", "de"), ". Handy: ", ("phone", "0171 2345678", "de_space"), "."]),
    ("de", ["Büro ", ("phone", "+49 (0)30 1234 5678", "de_intl_trunk_split"), ", Durchwahl -12; Fax ", ("phone", "030 1234567-99", "de_durchwahl"), "."]),
    ("de", ["Überweisung an ", ("iban", "DE89 3704 0044 0532 0130 00", "printed_DE"), ", Verwendungszweck Rechnung 2024-0042."]),
    ("de", ["Termin 03.05.2024, 14:00 Uhr; Rückruf unter ", ("phone", "089 1234567", "de_space"), "."]),
    ("de", ["Grüße — Jürgen Müller, Tel.: ", ("phone", "+49 30 1234567", "de_intl"), " und ☎ ", ("phone", "0221 1234567", "de_space"), "."]),
    ("de", ["Mein Geburtstag ist am ", ("birth_date", "3. März 1985", "de_written"), " und ich bin ", ("birth_date", "39 Jahre alt", "age"), "."]),
    ("de", ["Tel/Fax:", ("phone", "+49 40 12345678", "de_intl"), " – E-Mail ", ("email", "info@beispiel.example", "plain")]),
    ("fr", ["Bonjour, je m'appelle Marie Exemple, née le ", ("birth_date", "12 avril 1990", "fr_written"), ". Portable : ",
            ("phone", "06 12 34 56 78", "fr_spaces"), ", courriel ", ("email", "marie.exemple@exemple.example", "plain"), "."]),
    ("fr", ["Adresse : ", ("postal_address", "12 rue de l'Exemple, 75002 Paris", "fr"), " — digicode 4512B."]),
    ("fr", ["Standard ", ("phone", "+33 (0)1 23 45 67 89", "fr_intl_trunk"), " ; commande 2024-0517-88 en cours."]),
    ("fr", ["RIB : ", ("iban", "FR14 2004 1010 0505 0001 3M02 606", "printed_FR"), " (banque fictive)."]),
    ("fr", ["J'ai fêté mes ", ("birth_date", "30 ans", "age"), " le mois dernier à Lyon."]),
    ("es", ["Hola, soy Lucía Ejemplo, nací el ", ("birth_date", "12 de abril de 1990", "es_written"), ". Móvil: ",
            ("phone", "612 34 56 78", "es_mobile_pairs"), "."]),
    ("es", ["Oficina ", ("phone", "(+34) 912 345 678", "es_paren_cc"), ", pedido 2024-0517-88."]),
    ("es", ["Dirección: ", ("postal_address", "Calle Mayor 12, 28013 Madrid", "es"), "; IBAN ", ("iban", "ES91 2100 0418 4502 0005 1332", "printed_ES"), "."]),
]

# Harder sentences, written before the detectors were run on them (formats from more countries,
# traps with phone words nearby).
HARD = [
    ("en", ["You can text or call me on ", ("phone", "202 555 0143", "us_spaces"), " anytime after 5."]),
    ("en", ["Support line: ", ("phone", "1 (800) 555-0175", "us_1_paren"), ", Monday to Friday."]),
    ("en", ["Reach Jane at ", ("email", "jane_doe@example.org", "plain"), " or ", ("phone", "+1 646 555 0112", "us_intl_spaces"), "."]),
    ("en", ["Whatsapp me: ", ("phone", "+44 7700 900 077", "uk_mobile_intl")]),
    ("en", ["My direct line is ", ("phone", "020-7946-0123", "uk_dashes"), "."]),
    ("en", ["Tel: ", ("phone", "+1-303-555-0186", "us_intl_dash"), " / Fax: ", ("phone", "+1-303-555-0187", "us_intl_dash")]),
    ("en", ["If urgent, ring ", ("phone", "0161 496 0000", "uk_manchester"), " and ask for Sam."]),
    ("en", ["Emergency? Dial 911 or the night nurse at ", ("phone", "212.555.0191", "us_dots"), "."]),
    ("en", ["Office hours 9am-5pm, phone ", ("phone", "(617) 555-0110 x 22", "us_x_ext"), "."]),
    ("en", ["the number on the flyer was ", ("phone", "415 555 0199", "us_spaces"), " but it's disconnected"]),
    ("en", ["Our order hotline: ", ("phone", "1-800-555-0133", "us_1_dash"), "; order #A-55512."]),
    ("en", ["Phone: ", ("phone", "+61 412 345 678", "au_mobile_intl")]),
    ("en", ["Contact: ", ("phone", "+353 87 123 4567", "ie_mobile_intl")]),
    ("en", ["Call ", ("phone", "+27 82 123 4567", "za_mobile_intl"), " for the Cape Town office."]),
    ("en", ["New Zealand office ", ("phone", "+64 9 123 4567", "nz_intl")]),
    ("en", ["Singapore: ", ("phone", "+65 6123 4567", "sg_intl"), ", Hong Kong ", ("phone", "+852 2123 4567", "hk_intl")]),
    ("en", ["Invoice #55512-01 dated 03/04/2024 totals $2,034.50."]),
    ("en", ["Call number QA76.73.C153 2019 in the library."]),
    ("en", ["Batch 2024-05-01-0147 expires 2026-04-30."]),
    ("en", ["Model number 555-0147-B is discontinued."]),
    ("en", ["The 2020 census counted 331,449,281 people."]),
    ("en", ["Lat/long 37.7749, -122.4194"]),
    ("en", ["Her GPA was 3.85 out of 4.0 in 2019."]),
    ("en", ["Agenda: 09:00 – 10:30 keynote, 10:45 – 12:00 workshops."]),
    ("en", ["Order ID: 112-7654321-1234567"]),
    ("en", ["UPS tracking 1Z 999 AA1 01 2345 6784"]),
    ("en", ["FedEx 7489 2384 2374 arrives Tuesday."]),
    ("en", ["Routing number 021000021, account 000123456789."]),
    ("en", ["Passport no. 123456789"]),
    ("en", ["Postcode SW1A 1AA, London"]),
    ("en", ["Call me maybe: released 2012, 4:15 long, 1.2 billion views."]),
    ("en", ["Reference: 2024/05/01-0042"]),
    ("en", ["Score 2-1 after 90+3 minutes"]),
    ("en", ["Download 1.5 GB, version 3.10.12"]),
    ("en", ["Windows 10 build 19045.3803"]),
    ("en", ["ticket nr. 202-555-0147 was escalated"]),
    ("en", ["Ping me: ", ("email", "first.last@sub.example.co.uk", "plain"), "."]),
    ("en", ["<", ("email", "jane.doe@example.org", "plain"), ">"]),
    ("en", ["mailto:", ("email", "info@example.com", "plain")]),
    ("en", ["Contact ", ("email", "JANE.DOE@EXAMPLE.ORG", "uppercase")]),
    ("en", ["Email: ", ("email", "jane.doe+newsletter@example.com", "plain"), ";"]),
    ("en", ["Photos: avatar@2x.png, banner@3x.jpg"]),
    ("en", ["Run pip install requests==2.31.0 and npm i lodash@4.17.21"]),
    ("en", ["user@localhost is not routable"]),
    ("en", ["Twitter: @jane_doe"]),
    ("en", ["IBAN: ", ("iban", "NL74EXMP0123456789", "electronic_NL")]),
    ("en", ["Pay to IBAN ", ("iban", "DE44 5001 0517 5407 3249 31", "printed_DE"), " by Friday."]),
    ("en", ["Ref. DE12 3456 7890 1234 5678 90 is not an account."]),
    ("en", ["Card: ", ("payment_card", "4242 4242 4242 4242", "visa_space"), " (test)"]),
    ("en", ["Amex ", ("payment_card", "3714 496353 98431", "amex_space"), " on file"]),
    ("en", ["MC ", ("payment_card", "5105-1051-0510-5100", "mastercard_dash")]),
    ("en", ["Order 1234 5678 9012 3456 shipped."]),
    ("de", ["Sie erreichen mich unter ", ("phone", "0176 12345678", "de_space"), "."]),
    ("de", ["Rückfragen gern an ", ("phone", "040 / 123 456 78", "de_slash_spaced")]),
    ("de", ["Telefonisch: ", ("phone", "+49 (0)221 123 456-0", "de_intl_trunk_split")]),
    ("de", ["Zentrale: ", ("phone", "089 12 34 56-0", "de_durchwahl"), ", Fax -99"]),
    ("de", ["Ihre Vorgangsnummer lautet 2024-0517-0042."]),
    ("de", ["Zahlbar bis 15.06.2024, Betrag 1.234,00 EUR."]),
    ("de", ["Flug LH 400 am 12.05.2024 um 10:35."]),
    ("de", ["Registergericht Amtsgericht Köln HRB 12345"]),
    ("de", ["USt-IdNr. DE123456789"]),
    ("de", ["IBAN ", ("iban", "CH56 0483 5012 3456 7800 9", "printed_CH"), " (Beispielbank)"]),
    ("fr", ["Tél : ", ("phone", "04 78 12 34 56", "fr_spaces"), " – Fax : ", ("phone", "04 78 12 34 57", "fr_spaces")]),
    ("fr", ["Vous pouvez me joindre au ", ("phone", "07 81 23 45 67", "fr_spaces"), "."]),
    ("fr", ["Standard : ", ("phone", "+33 (0)4 72 00 00 00", "fr_intl_trunk")]),
    ("fr", ["Numéro de commande : 2024-05-12-7781"]),
    ("fr", ["Le 12/05/2024 à 18h00, salle 204."]),
    ("fr", ["SIREN 123 456 789 – TVA FR12 123456789"]),
    ("es", ["Puedes llamarme al ", ("phone", "655 12 34 56", "es_mobile_pairs"), " o escribirme."]),
    ("es", ["Atención al cliente: ", ("phone", "900 123 456", "es_freephone"), " (gratuito)."]),
    ("es", ["Teléfono fijo: ", ("phone", "91 123 45 67", "es_madrid")]),
    ("es", ["Pedido 2024-0517-0042 del 12/05/2024"]),
    ("es", ["El DNI 12345678Z no es un teléfono."]),
    ("es", ["Precio 1.299,00 € IVA incluido"]),
    ("es", ["Cuenta ", ("iban", "PL61 1090 1014 0000 0712 1981 2874", "printed_PL"), " para pagos."]),
]

PER_LANG = {"en": (150, 40), "de": (80, 20), "fr": (70, 16), "es": (55, 12)}  # positives, traps


def assemble(parts):
    text, entities = "", []
    for p in parts:
        if isinstance(p, str):
            text += p
            continue
        type_, value, form = p
        start = len(text.encode("utf-8"))
        text += value
        entities.append({"type": type_, "start": start, "end": len(text.encode("utf-8")), "form": form})
    return text, entities


def from_template(lang, template):
    parts = []
    for piece in re.split(r"(\{\w+\})", template):
        m = re.fullmatch(r"\{(\w+)\}", piece)
        if not m:
            if piece:
                parts.append(piece)
            continue
        slot = m.group(1)
        if slot == "iban_bad":
            parts.append(iban_bad_check())
            continue
        value, form = filler(lang, slot)
        parts.append((SLOT_TYPES[slot], value, form))
    return assemble(parts)


def build():
    rows = []
    for lang, (n_pos, n_trap) in PER_LANG.items():
        templates = POSITIVE[lang]
        for i in range(n_pos):
            text, ents = from_template(lang, templates[i % len(templates)])
            rows.append({"lang": lang, "text": text, "entities": ents, "kind": "positive"})
        traps = TRAPS[lang]
        for i in range(max(n_trap, len(traps))):
            template, kind = traps[i % len(traps)]
            text, ents = from_template(lang, template)
            rows.append({"lang": lang, "text": text, "entities": ents, "kind": "trap", "trap": kind})
        # Mixed: a trap and a positive in one sentence.
        for i in range(n_trap):
            trap, kind = traps[(i * 7) % len(traps)]
            text_t, ents_t = from_template(lang, trap)
            text_p, ents_p = from_template(lang, templates[(i * 5) % len(templates)])
            joined = text_t + " " + text_p
            shift = len(text_t.encode("utf-8")) + 1
            ents = ents_t + [dict(e, start=e["start"] + shift, end=e["end"] + shift) for e in ents_p]
            rows.append({"lang": lang, "text": joined, "entities": ents, "kind": "mixed", "trap": kind})
    for lang, parts in HAND + HARD:
        text, ents = assemble(parts)
        rows.append({"lang": lang, "text": text, "entities": ents, "kind": "hand"})
    return number(rows)


def build_heldout():
    import heldout_templates as h
    r = random.Random("heldout-20240601")
    fillers = {
        "phone": lambda lang: h.h_phone(r, lang), "email": lambda lang: h.h_email(r, lang),
        "iban": lambda lang: h.h_iban(r, iban_for, lang), "address": lambda lang: h.h_address(r, lang),
        "birth": lambda lang: h.h_date(r, lang), "age": lambda lang: h.h_age(r, lang),
        "age_years": lambda lang: h.h_age_years(r, lang),
        "card": lambda lang: h.h_card(r, lambda prefix, length: luhn_complete_with(r, prefix, length), lang),
    }

    def fill(lang, template):
        parts = []
        for piece in re.split(r"(\{\w+\})", template):
            m = re.fullmatch(r"\{(\w+)\}", piece)
            if not m:
                if piece:
                    parts.append(piece)
                continue
            value, form = fillers[m.group(1)](lang)
            parts.append((SLOT_TYPES[m.group(1)], value, form))
        return assemble(parts)

    rows = []
    for lang, (n_pos, n_trap) in h.HELD_PER_LANG.items():
        templates = h.HELD_POSITIVE[lang]
        for i in range(n_pos):
            text, ents = fill(lang, templates[i % len(templates)])
            rows.append({"lang": lang, "text": text, "entities": ents, "kind": "positive"})
        traps = h.HELD_TRAPS[lang]
        for i in range(max(n_trap, len(traps))):
            rows.append({"lang": lang, "text": traps[i % len(traps)], "entities": [], "kind": "trap"})
        for i in range(n_trap // 2):
            trap = traps[(i * 3) % len(traps)]
            text_p, ents_p = fill(lang, templates[(i * 7) % len(templates)])
            shift = len(trap.encode("utf-8")) + 1
            rows.append({"lang": lang, "text": trap + " " + text_p, "kind": "mixed",
                         "entities": [dict(e, start=e["start"] + shift, end=e["end"] + shift) for e in ents_p]})
    return number(rows, "h")


def luhn_complete_with(r, prefix, length):
    body = prefix + "".join(str(r.randint(0, 9)) for _ in range(length - len(prefix) - 1))
    for c in "0123456789":
        if luhn_ok(body + c):
            return body + c
    raise AssertionError


def number(rows, tag=""):
    counters = {}
    out = []
    for row in rows:
        counters[row["lang"]] = counters.get(row["lang"], 0) + 1
        row = {"id": "%s%s-%04d" % (tag, row["lang"], counters[row["lang"]]), **row}
        b = row["text"].encode("utf-8")
        for e in row["entities"]:
            assert 0 <= e["start"] < e["end"] <= len(b), row
            b[e["start"]:e["end"]].decode("utf-8")  # spans fall on character boundaries
        out.append(row)
    return out


def main():
    sys.path.insert(0, str(Path(__file__).parent))
    stale = False
    for name, rows in (("corpus.jsonl", build()), ("heldout.jsonl", build_heldout())):
        path = Path(__file__).with_name(name)
        data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
        if "--check" in sys.argv[1:]:
            stale = stale or not (path.exists() and path.read_text(encoding="utf-8") == data)
            continue
        path.write_text(data, encoding="utf-8")
        counts = {}
        for r in rows:
            for e in r["entities"]:
                counts[e["type"]] = counts.get(e["type"], 0) + 1
        print("%s: %d sentences, entities: %s" % (name, len(rows), ", ".join("%s=%d" % kv for kv in sorted(counts.items()))))
    sys.exit(1 if stale else 0)


if __name__ == "__main__":
    main()
