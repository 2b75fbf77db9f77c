"""Held-out templates and value formats for bench/pii-eval/heldout.jsonl (stdlib only).

Written before the detectors were tuned on corpus.jsonl, in other words and other formats than
the development corpus, and in two more languages (Italian, Dutch). The scorer
(tests/rules/pii_eval_test.cpp) reports this set only in aggregate — per type and per written
form — and never lists its sentences, so the packs are not tuned to them. Imported by
make_corpus.py, which owns the random generator and computes every offset.
"""

# ---- value formats: each takes the generator and returns (text, form) ----------------------

def h_phone(r, lang):
    n4 = "%04d" % r.randint(100, 199)  # NANP 555-01xx
    a = r.choice(["212", "312", "415", "646", "718", "805", "907", "919"])
    x = "%03d" % r.randint(0, 999)
    forms = {
        "en": [("{a}/555-{n}", "us_slash"), ("({a})555-{n}", "us_paren_tight"), ("+1-{a}-555-{n} ext 12", "us_ext_word"),
               ("{a}.555.{n} x204", "us_dots_x"), ("+1 ({a}) 555 {n}", "us_intl_paren_space"),
               ("07700 900 {x}", "uk_mobile_split"), ("+44 (0) 7700 900{x}", "uk_trunk_mobile"), ("0113 496 0{x2}", "uk_leeds"),
               ("+44 113 496 0{x2}", "uk_leeds_intl"), ("(020) 7946 0{x2}", "uk_london_paren"), ("+61 4 1234 5{x}", "au_mobile"),
               ("+1 (613) 555-{n}", "ca_ottawa")],
        "de": [("0 30 / 12 34 56 {dd}", "de_pairs"), ("+49 (0) 89 / 123 456-{dd}", "de_slash_ext"), ("(030) 123 45 {dd}", "de_paren_split"),
               ("0172-1234{dd}", "de_mobile_dash"), ("+49 172 123 45 {dd}", "de_mobile_intl"), ("+43 (0)1 234 56 {dd}", "at_trunk"),
               ("+41 (0)44 123 45 {dd}", "ch_trunk"), ("0049 (0)40 123456{d}", "de_00_trunk")],
        "fr": [("06.12.34.56.{dd}", "fr_dots"), ("+33 6 12 34 56 {dd}", "fr_intl_mobile"), ("01 42 68 53 {dd} poste 12", "fr_poste"),
               ("(0)1 42 68 53 {dd}", "fr_paren_trunk"), ("+33(0)4 78 12 34 {dd}", "fr_tight_trunk"), ("+32 2 123 45 {dd}", "be_intl"),
               ("0032 2 123 45 {dd}", "be_00")],
        "es": [("+34 91 123 45 {dd}", "es_intl_madrid"), ("91-123-45-{dd}", "es_dashes"), ("0034 612 34 56 {dd}", "es_00_pairs"),
               ("612-345-6{dd}", "es_mobile_dashes"), ("(+34) 93 123 45 {dd}", "es_paren_cc"), ("+52 55 1234 56{dd}", "mx_intl")],
        "it": [("06 1234 56{dd}", "it_rome"), ("+39 06 1234 56{dd}", "it_rome_intl"), ("347 123 45{dd}", "it_mobile"),
               ("+39 347 123 45{dd}", "it_mobile_intl"), ("02-1234-56{dd}", "it_milan_dash"), ("0039 02 1234 56{dd}", "it_00")],
        "nl": [("020 123 45{dd}", "nl_amsterdam"), ("+31 20 123 45{dd}", "nl_intl"), ("06-123456{dd}", "nl_mobile_dash"),
               ("+31 (0)6 123456{dd}", "nl_trunk_mobile"), ("010 - 123 45 {dd}", "nl_rotterdam_spaced"), ("+31 (0)10 123 45 {dd}", "nl_trunk")],
    }[lang]
    f, form = r.choice(forms)
    return f.format(a=a, n=n4, x=x, x2="%03d" % r.randint(0, 999), dd="%02d" % r.randint(0, 99), d=r.randint(0, 9)), form


def h_email(r, lang):
    local = r.choice(["anna.rossi", "pieter.dejong", "m.dupont", "jan_kowalski", "lena-marie", "info", "kontakt",
                      "a.b.c", "mario+promo", "s.jansen"])
    dom = r.choice(["example.org", "example.com", "esempio.example", "voorbeeld.example", "mail.example.net",
                    "example.co.uk", "example.it", "example.nl"])
    name, tld = dom.rsplit(".", 1)
    forms = [
        (local + "@" + dom, "plain"), (local.upper() + "@" + dom.upper(), "uppercase"),
        (local + " [at] " + name + " [dot] " + tld, "obf_brackets"), (local + "(at)" + name + "(dot)" + tld, "obf_parens"),
        (local + " at " + name + " dot " + tld, "obf_words"), (local + " AT " + name + " DOT " + tld, "obf_words_caps"),
        (local + "&#64;" + dom, "entity_dec"), (local + "&#x40;" + dom, "entity_hex"), (local + "{at}" + dom, "obf_braces"),
        (local + " (at) " + dom, "obf_parens_space"), (local + "[at]" + name + "[.]" + tld, "obf_dot_brackets"),
    ]
    return r.choice(forms)


IBAN_H = {  # country: BBAN maker (digits/letters), then how it is printed
    "DE": lambda r: "%018d" % r.randint(10 ** 16, 10 ** 18 - 1),
    "IT": lambda r: "Y" + "%010d" % r.randint(0, 10 ** 10 - 1) + "%012d" % r.randint(0, 10 ** 12 - 1),
    "NL": lambda r: "ABNA" + "%010d" % r.randint(0, 10 ** 10 - 1),
    "FR": lambda r: "%023d" % r.randint(0, 10 ** 23 - 1),
    "ES": lambda r: "%020d" % r.randint(0, 10 ** 20 - 1),
    "BE": lambda r: "%012d" % r.randint(0, 10 ** 12 - 1),
    "GB": lambda r: "NWBK" + "%014d" % r.randint(0, 10 ** 14 - 1),
    "AT": lambda r: "%016d" % r.randint(0, 10 ** 16 - 1),
    "CH": lambda r: "%017d" % r.randint(0, 10 ** 17 - 1),
}


def h_iban(r, iban_for, lang):
    cc = {"en": r.choice(["GB", "DE", "NL"]), "de": r.choice(["DE", "AT", "CH"]), "fr": r.choice(["FR", "BE"]),
          "es": "ES", "it": "IT", "nl": r.choice(["NL", "BE"])}[lang]
    v = iban_for(cc, IBAN_H[cc](r))
    style = r.choice(["space4", "compact", "lower_space4", "dash4", "space_after_cc", "nbsp4", "irregular"])
    g = [v[i:i + 4] for i in range(0, len(v), 4)]
    if style == "space4":
        return " ".join(g), "h_space4"
    if style == "compact":
        return v, "h_compact"
    if style == "lower_space4":
        return " ".join(g).lower(), "h_lowercase"
    if style == "dash4":
        return "-".join(g), "h_dash4"
    if style == "space_after_cc":
        return v[:2] + " " + v[2:4] + " " + " ".join(v[4 + i:8 + i] for i in range(0, len(v) - 4, 4)), "h_cc_split"
    if style == "nbsp4":
        return "\u00a0".join(g), "h_nbsp4"
    return v[:4] + " " + v[4:12] + " " + v[12:], "h_irregular"


def h_card(r, luhn_complete, lang):
    prefix, length, brand = r.choice([("4", 16, "visa"), ("53", 16, "mc"), ("2223", 16, "mc2"), ("37", 15, "amex"),
                                      ("6011", 16, "discover"), ("3530", 16, "jcb"), ("4", 19, "visa19")])
    d = luhn_complete(prefix, length)
    style = r.choice(["dash", "compact", "space", "dots"])
    if length == 15:
        parts = [d[:4], d[4:10], d[10:]]
    elif length == 19:
        parts = [d[:4], d[4:8], d[8:12], d[12:16], d[16:]]
    else:
        parts = [d[i:i + 4] for i in range(0, length, 4)]
    sep = {"dash": "-", "compact": "", "space": " ", "dots": "."}[style]
    return sep.join(parts), brand + "_" + style


MONTHS_H = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
    "en_short": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
    "de": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"],
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
    "it": ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"],
    "nl": ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"],
}


def h_date(r, lang):
    y, m, d = r.randint(1945, 2006), r.randint(1, 12), r.randint(1, 28)
    suffix = "th" if d in (4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 24, 25, 26, 27, 28) else {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd"}[d]
    forms = {
        "en": [("%d%s %s %d" % (d, suffix, MONTHS_H["en"][m - 1], y), "en_ordinal"), ("%s %d%s, %d" % (MONTHS_H["en"][m - 1], d, suffix, y), "en_mdy_ordinal"),
               ("%02d-%s-%d" % (d, MONTHS_H["en_short"][m - 1], y), "en_dd_mon_yyyy"), ("%d/%02d/%02d" % (y, m, d), "ymd_slash"),
               ("%d %s. %d" % (d, MONTHS_H["en_short"][m - 1], y), "en_short_month"), ("the %d%s of %s %d" % (d, suffix, MONTHS_H["en"][m - 1], y), "en_the_of"),
               ("%d.%d.%d" % (m, d, y), "us_dots")],
        "de": [("%d. %s %d" % (d, MONTHS_H["de"][m - 1], y), "de_written"), ("%02d.%02d.%02d" % (d, m, y % 100), "de_two_digit_year"),
               ("%d.%d.%d" % (d, m, y), "de_short")],
        "fr": [("%d %s %d" % (d, MONTHS_H["fr"][m - 1], y), "fr_written"), ("%s %s %d" % ("1er" if d == 1 else str(d), MONTHS_H["fr"][m - 1], y), "fr_written_er"),
               ("%02d/%02d/%d" % (d, m, y), "fr_numeric"), ("%02d.%02d.%d" % (d, m, y), "fr_dots")],
        "es": [("%d de %s de %d" % (d, MONTHS_H["es"][m - 1], y), "es_written"), ("%02d/%02d/%d" % (d, m, y), "es_numeric"),
               ("%d-%02d-%d" % (d, m, y), "es_dashes")],
        "it": [("%d %s %d" % (d, MONTHS_H["it"][m - 1], y), "it_written"), ("%02d/%02d/%d" % (d, m, y), "it_numeric")],
        "nl": [("%d %s %d" % (d, MONTHS_H["nl"][m - 1], y), "nl_written"), ("%02d-%02d-%d" % (d, m, y), "nl_dashes")],
    }[lang]
    text, form = r.choice(forms)
    return text, form


def h_age(r, lang):
    """An age as a change ("turned 34", "34 geworden"), for "I just {age}" sentences."""
    n = r.randint(19, 79)
    return {"en": "turned %d" % n, "de": "%d geworden" % n, "fr": "%d ans" % n, "es": "%d años" % n,
            "it": "%d anni" % n, "nl": "%d geworden" % n}[lang], "age"


def h_age_years(r, lang):
    """An age as a state ("34 years old", "34 Jahre alt", "34 ans")."""
    n = r.randint(19, 79)
    return {"en": "%d years old" % n, "de": "%d Jahre alt" % n, "fr": "%d ans" % n, "es": "%d años" % n,
            "it": "%d anni" % n, "nl": "%d jaar" % n}[lang], "age"


STREETS = {
    "uk": lambda r: "%d %s %s, %s %s" % (r.randint(1, 300), r.choice(["Kings", "Victoria", "Albert", "Mill", "Bridge"]),
                                          r.choice(["Road", "Street", "Avenue", "Crescent", "Gardens", "Lane"]),
                                          r.choice(["Bristol", "York", "Oxford", "Cardiff", "Brighton"]),
                                          r.choice(["BS8 1TH", "YO1 7HH", "OX1 3BG", "CF10 1AA", "BN1 1AE", "M4 5JD"])),
    "uk_flat": lambda r: "Flat %d, %d %s Road, %s %s" % (r.randint(1, 20), r.randint(1, 200), r.choice(["Station", "Church", "Park"]),
                                                        r.choice(["Leeds", "Sheffield"]), r.choice(["LS6 2AB", "S1 2HE"])),
    "us": lambda r: "%d %s %s, %s, %s %05d" % (r.randint(10, 9999), r.choice(["N Main", "W 5th", "Lincoln", "Park", "Sunset"]),
                                              r.choice(["St", "Ave", "Blvd", "Rd", "Dr"]), r.choice(["Austin", "Denver", "Portland", "Boise"]),
                                              r.choice(["TX", "CO", "OR", "ID"]), r.randint(10000, 99999)),
    "us_apt": lambda r: "%d %s Street, Apt %d%s, %s, %s %05d" % (r.randint(10, 999), r.choice(["Elm", "Pine", "Hill"]), r.randint(1, 30),
                                                                r.choice(["A", "B", ""]), r.choice(["Salem", "Dayton"]), r.choice(["OR", "OH"]),
                                                                r.randint(10000, 99999)),
    "de": lambda r: "%s %d%s, %05d %s" % (r.choice(["Hauptstraße", "Bahnhofstr.", "Am Markt", "Kirchweg", "Rosenallee", "Lindenplatz", "Unter den Linden"]),
                                          r.randint(1, 150), r.choice(["", "a", " b"]), r.randint(1067, 99998),
                                          r.choice(["Dresden", "Bonn", "Mainz", "Kiel", "Frankfurt am Main"])),
    "at": lambda r: "%s %d, %04d %s" % (r.choice(["Mariahilfer Straße", "Getreidegasse", "Herrengasse"]), r.randint(1, 99),
                                        r.randint(1010, 9999), r.choice(["Wien", "Salzburg", "Graz"])),
    "fr": lambda r: "%d%s %s %s, %05d %s" % (r.randint(1, 200), r.choice(["", " bis", ","]), r.choice(["rue", "avenue", "boulevard", "allée", "chemin", "quai"]),
                                             r.choice(["Jean Jaurès", "de la République", "du Général de Gaulle", "des Écoles", "Pasteur"]),
                                             r.randint(1000, 95999), r.choice(["Toulouse", "Bordeaux", "Nice", "Rennes", "Strasbourg"])),
    "be": lambda r: "%s %d, %04d %s" % (r.choice(["Rue de la Loi", "Avenue Louise", "Chaussée de Wavre"]), r.randint(1, 300),
                                        r.randint(1000, 9999), r.choice(["Bruxelles", "Namur", "Liège"])),
    "es": lambda r: "%s %s, %d, %05d %s" % (r.choice(["Calle", "C/", "Avenida", "Paseo", "Plaza"]), r.choice(["Mayor", "de Alcalá", "del Prado", "de Gracia", "Real"]),
                                            r.randint(1, 200), r.randint(1000, 52999), r.choice(["Madrid", "Barcelona", "Sevilla", "Zaragoza"])),
    "es_floor": lambda r: "C/ %s %d, %dº %s, %05d %s" % (r.choice(["Serrano", "Goya", "Velázquez"]), r.randint(1, 120), r.randint(1, 8),
                                                       r.choice(["A", "B", "izda.", "dcha."]), r.randint(28001, 28080), "Madrid"),
    "it": lambda r: "%s %s %d, %05d %s" % (r.choice(["Via", "Viale", "Piazza", "Corso"]), r.choice(["Roma", "Garibaldi", "Dante", "Mazzini", "Vittorio Veneto"]),
                                           r.randint(1, 200), r.randint(10, 98168), r.choice(["Milano", "Torino", "Firenze", "Bologna", "Napoli"])),
    "it_dash": lambda r: "Via %s, %d - %05d %s (%s)" % (r.choice(["Verdi", "Manzoni", "Cavour"]), r.randint(1, 99), r.randint(10100, 20199),
                                                      r.choice(["Torino", "Milano"]), r.choice(["TO", "MI"])),
    "nl": lambda r: "%s %d%s, %04d %s %s" % (r.choice(["Keizersgracht", "Hoofdstraat", "Stationsweg", "Kerklaan", "Marktplein", "Damrak"]),
                                            r.randint(1, 400), r.choice(["", "A", "-2"]), r.randint(1000, 9999),
                                            r.choice(["AB", "CD", "KL", "XY"]), r.choice(["Utrecht", "Amsterdam", "Leiden", "Groningen"])),
}

ADDRESS_BY_LANG = {"en": ["uk", "uk_flat", "us", "us_apt"], "de": ["de", "de", "at"], "fr": ["fr", "fr", "be"],
                   "es": ["es", "es_floor"], "it": ["it", "it_dash"], "nl": ["nl"]}


def h_address(r, lang):
    kind = r.choice(ADDRESS_BY_LANG[lang])
    return STREETS[kind](r), "h_" + kind


# ---- templates ---------------------------------------------------------------------------
# Slots: {phone} {email} {iban} {card} {address} {birth} {age}; literal text otherwise.

HELD_POSITIVE = {
    "en": [
        "Give me a ring on {phone} whenever.", "You'll find me at {address}.", "Drop a line to {email} anytime.",
        "I was born {birth}, so yes, I'm old.", "Birthday: {birth}", "DOB {birth} (please keep private)",
        "I just {age} and feel great.", "Now {age_years}, still climbing.", "Sort code aside, my IBAN is {iban}.",
        "Pay by card: {card} (exp 03/28).", "Visa ending... no, the whole thing: {card}", "Mobile: {phone} / mail: {email}",
        "Home address — {address}", "Invoices to {email} please; questions to {phone}.", "Account {iban} (Example Bank)",
        "Happy to help, call {phone} or visit {address}.", "Born on {birth} in a small town.", "Ping {email} for the slides.",
    ],
    "de": [
        "Erreichbar unter {phone} (abends).", "Meine Adresse: {address}", "Schreibt mir einfach an {email}.",
        "Geboren: {birth}", "Ich bin am {birth} geboren und wohne in Dresden.", "Ich bin {age_years} und liebe Berge.",
        "Ich bin letzte Woche {age}.",
        "Bitte auf {iban} überweisen, danke!", "Zahlung per Karte {card}.", "Büro: {address}, Tel. {phone}",
        "Kontakt per Mail: {email}", "Geburtsdatum {birth}", "Meine Bankverbindung lautet {iban}.",
    ],
    "fr": [
        "Vous pouvez m'appeler au {phone}.", "Notre adresse : {address}", "Écrivez à {email} pour réserver.",
        "Je suis né le {birth} à Nantes.", "Date de naissance : {birth}", "J'ai {age_years} et toujours la forme.",
        "Mon IBAN : {iban}", "Paiement avec la carte {card}.", "Bureau : {address} — tél. {phone}", "Courriel : {email}",
    ],
    "es": [
        "Puedes llamarme al {phone} por la tarde.", "Mi dirección es {address}.", "Escribidme a {email}.",
        "Nací el {birth} en Bilbao.", "Fecha de nacimiento: {birth}", "Tengo {age_years} y vivo en Madrid.",
        "Mi IBAN es {iban}.", "Pago con tarjeta {card}.", "Oficina: {address}, teléfono {phone}",
    ],
    "it": [
        "Chiamami al {phone}.", "Il mio indirizzo è {address}.", "Scrivimi a {email}.", "Sono nato il {birth} a Torino.",
        "Data di nascita: {birth}", "Ho {age_years} e vivo a Milano.", "IBAN: {iban}", "Carta di credito {card}.",
        "Ufficio: {address}, tel. {phone}", "Nata il {birth}.",
    ],
    "nl": [
        "Bel me op {phone}.", "Mijn adres is {address}.", "Mail naar {email}.", "Ik ben geboren op {birth} in Utrecht.",
        "Geboortedatum: {birth}", "Ik ben {age_years} oud.", "Ik ben gisteren {age}.", "Rekeningnummer {iban}", "Betaald met creditcard {card}.",
        "Kantoor: {address}, tel. {phone}",
    ],
}

HELD_TRAPS = {
    "en": ["Shipment 7712-5550-1234 left the depot on 2025-03-14.", "Firmware 4.12.0.1175 fixes bug #20255501.",
           "Call center hours: 8:00-20:00, Mon-Sat.", "See https://example.org/users/4155550199/photos for more.",
           "ISBN-13: 978-0-306-40615-7", "Transaction ID 9f8e7d6c-1234-5678-9abc-def012345678", "Invoice no. 2024-118-7734",
           "Order total 1,234.56 EUR, 12 items.", "Released 14 March 2019; 2nd edition 2021.", "The bridge turned 100 last year.",
           "Measurements: 2.5 x 10.75 x 33.3 cm", "Tracking: 1Z 999 AA1 01 2345 6784", "Population 1,234,567 (2021)",
           "Room 12.04, building 3, floor 2", "Coupon 4000-1234-5678-9010 expired", "Serial 5555 5555 5555 4443 (not a card)",
           "Unix time 1700000000 in logs", "Lat 51.5007, lon -0.1246", "Score: 21-14 at half time", "Meeting ID 845 2213 9870"],
    "de": ["Auftragsnummer 2024-55501-47", "Rechnungsdatum 15.03.2024, fällig 14.04.2024", "Artikel-Nr. 4006381333931",
           "Öffnungszeiten 08:00–18:00", "Aktenzeichen 3 O 1234/23", "Die Firma wurde 1990 gegründet.",
           "Preis 1.299,00 € zzgl. 19 % MwSt.", "Kundennr. 12345678", "Ausgabe 03/2024, Seite 12-15",
           "Fahrzeug-Ident-Nr. WVWZZZ1JZXW000001"],
    "fr": ["Commande 2024/05/0042 livrée le 12/05/2024.", "Numéro client : 0612 3456", "SIRET 732 829 320 00074",
           "Horaires : 9h-12h, 14h-18h", "La tour a été inaugurée le 31 mars 1889.", "Prix : 12,50 € TTC",
           "Facture n° FA-2024-00123", "Lot 2023-11-07-88 retiré de la vente"],
    "es": ["Pedido 2024-0512-99 enviado el 13/05/2024.", "Referencia catastral 9872023VH5797S0001WX", "Precio 2.499,99 €",
           "Horario: 10:00-14:00 y 17:00-20:00", "El edificio se inauguró el 3 de marzo de 1975.", "Número de pedido 612345987"],
    "it": ["Ordine n. 2024/0512/77 spedito il 13/05/2024.", "Partita IVA 01234567890", "Prezzo 1.299,00 € IVA inclusa",
           "Orari 9:00-13:00", "Il museo è stato aperto il 12 aprile 1990.", "Codice articolo 8001234567890"],
    "nl": ["Bestelnummer 2024-0512-55 verzonden op 13-05-2024.", "KvK-nummer 12345678", "Prijs € 1.299,00 incl. btw",
           "Openingstijden 9.00-17.30 uur", "Het gebouw is op 12 april 1990 geopend.", "Factuurnummer 20240512-0042"],
}

HELD_PER_LANG = {"en": (90, 20), "de": (60, 10), "fr": (50, 8), "es": (45, 6), "it": (45, 6), "nl": (45, 6)}
