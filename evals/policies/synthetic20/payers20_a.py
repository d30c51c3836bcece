"""Twentieth synthetic batch, part A: a national coverage determination (NCD) decision memo
with a transmittal header and a table of contents (enzyme replacement therapy for Pompe
disease: infantile-onset and late-onset); a plain-text mainframe report printed with ASCII box
tables (tafenoquine: radical cure of Plasmodium vivax malaria and malaria prophylaxis); a
classic decision table with Y / N / - rule columns and X action rows (droxidopa: neurogenic
orthostatic hypotension, first request and renewal). Our own words, fictional payers."""

from __future__ import annotations

import textwrap

from render import Crit, Doc, Ind, c, g


def _t(
    d: Doc,
    text: str,
    style: str = "",
    size: float = 10.0,
    h: float = 4.8,
    indent: float = 0.0,
    font: str = "helvetica",
    gap: float = 1.2,
) -> None:
    """A paragraph, moved whole to the next page when it would not fit (so that no
    criterion is split by a page break)."""
    d.set_font(font, style, size)
    lines = d.multi_cell(d.width - indent, h, text, dry_run=True, output="LINES")
    if d.get_y() + len(lines) * h > d.page_break_trigger:
        d.add_page()
        d.set_font(font, style, size)
    d.set_x(d.l_margin + indent)
    d.multi_cell(d.width - indent, h, text, new_x="LMARGIN", new_y="NEXT")
    d.ln(gap)


# =========================================================================================
# 1. NCD decision memo: transmittal header, contents with dot leaders, the manual section
#    "110.31" with A. General / B. Nationally Covered Indications (numbered indications,
#    criteria as prose with embedded "(a) ...; (b) ..." lists, one indented list) /
#    C. Nationally Non-Covered Indications / D. Other.
# =========================================================================================


def _inline(root: Crit) -> str:
    """The root's children as one sentence: "(a) ...; (b) ...; and (c) ...", a group's
    alternatives embedded as "(i) ..., or (ii) ..." after its lead-in."""
    parts = []
    for k, kid in enumerate(root.kids):
        if kid.is_group:
            joiner = ", or " if kid.op == "any_of" else ", and "
            alts = joiner.join(
                f"({'i' * (j + 1) if j < 3 else 'iv'}) {a.text}" for j, a in enumerate(kid.kids)
            )
            text = f"{kid.text} {alts}"
        else:
            text = kid.text
        last = k == len(root.kids) - 1
        parts.append(("and " if last else "") + f"({chr(97 + k)}) {text}")
    return "; ".join(parts) + "."


def _toc_line(d: Doc, title: str, page: int, indent: float = 0.0) -> None:
    d.set_font("helvetica", "", 10)
    d.set_x(d.l_margin + indent)
    room = d.width - indent - 10
    dots = "." * int((room - d.get_string_width(title) - 2) / d.get_string_width("."))
    d.cell(room, 5, f"{title} {dots}")
    d.cell(10, 5, str(page), align="R", new_x="LMARGIN", new_y="NEXT")


def _ncd_build(toc: dict[str, int]) -> tuple[Doc, list[Ind], list[str], dict[str, int]]:
    seen: dict[str, int] = {}

    def header(d: Doc) -> None:
        if d.page_no() == 1:
            d.set_y(12)
            return
        d.set_font("helvetica", "", 8)
        d.set_xy(d.l_margin, 9)
        d.cell(0, 4, "NHCA Pub. 100-03 National Coverage Determinations  |  Transmittal 241")
        d.set_xy(d.l_margin, 9)
        d.cell(0, 4, "NCD 110.31", align="R")
        d.line(d.l_margin, 14, d.w - d.r_margin, 14)
        d.set_y(18)

    def footer(d: Doc) -> None:
        d.set_y(-13)
        d.set_font("helvetica", "", 8)
        d.cell(0, 4, f"Page {d.page_no()} of {{nb}}", align="C")

    def mark(key: str) -> None:
        seen[key] = d.page_no()

    def section(title: str, key: str) -> None:
        if d.get_y() > d.page_break_trigger - 30:
            d.add_page()
        mark(key)
        _t(d, title, "B", 11, 5.5, gap=1.5)

    d = Doc(header, footer, margin=20)
    d.set_auto_page_break(True, margin=20)
    d.add_page()
    # --- transmittal header -------------------------------------------------------------
    top = d.get_y()
    d.set_font("helvetica", "", 9)
    left = ["NHCA Manual System", "Pub. 100-03 National Coverage Determinations", "Transmittal 241"]
    right = [
        "Department of Health Coverage",
        "National Health Coverage Administration (NHCA)",
        "Date: November 20, 2025",
        "Change Request 14127",
    ]
    for k, text in enumerate(left):
        d.set_xy(d.l_margin, top + k * 4.6)
        d.cell(80, 4.6, text, new_x="LMARGIN")
    for k, text in enumerate(right):
        d.set_xy(d.l_margin + 88, top + k * 4.6)
        d.cell(0, 4.6, text, new_x="LMARGIN")
    d.set_y(top + 4 * 4.6 + 3)
    d.line(d.l_margin, d.get_y(), d.w - d.r_margin, d.get_y())
    d.ln(2)
    mark("transmittal")
    _t(d, "SUBJECT: Enzyme Replacement Therapy for Pompe Disease (NCD 110.31)", "B", 10)
    _t(
        d,
        "I. SUMMARY OF CHANGES: This transmittal adds section 110.31 to the National "
        "Coverage Determinations Manual after the national coverage analysis CAG-00617N. It "
        "sets national conditions for enzyme replacement therapy (ERT) in Pompe disease.",
        "",
        9.5,
        4.6,
    )
    _t(d, "EFFECTIVE DATE: January 1, 2026\nIMPLEMENTATION DATE: February 2, 2026", "B", 9.5, 4.6)
    _t(
        d,
        "Disclaimer for manual changes only: the revision date and transmittal number apply "
        "only to the red italicized material. Any other material was previously published and "
        "remains unchanged.",
        "I",
        8.5,
        4.2,
    )
    _t(d, "II. CHANGES IN MANUAL INSTRUCTIONS: (R = REVISED, N = NEW, D = DELETED)", "", 9.5, 4.6)
    d.table_head([22, d.width - 22], ["R/N/D", "CHAPTER / SECTION / SUBSECTION / TITLE"])
    d.row(["N", "1/110.31/Enzyme Replacement Therapy for Pompe Disease"])
    d.end_table()
    _t(
        d,
        "III. FUNDING: No additional funding will be provided by NHCA; contractors carry out "
        "these instructions within their current operating budgets. IV. ATTACHMENTS: Business "
        "Requirements; Manual Instruction.",
        "",
        9.5,
        4.6,
    )
    # --- contents -----------------------------------------------------------------------
    _t(d, "Contents", "B", 11, 5.5)
    for title, key, indent in (
        ("Decision memo summary", "summary", 0),
        ("110.31 Enzyme Replacement Therapy for Pompe Disease", "ncd", 0),
        ("A. General", "A", 6),
        ("B. Nationally Covered Indications", "B", 6),
        ("C. Nationally Non-Covered Indications", "C", 6),
        ("D. Other", "D", 6),
        ("Business requirements", "business", 0),
    ):
        _toc_line(d, title, toc.get(key, 0), indent)
    d.ln(3)
    # --- decision memo summary ----------------------------------------------------------
    section("Decision memo summary (CAG-00617N)", "summary")
    _t(
        d,
        "NHCA has decided to cover ERT for Pompe disease nationally under the conditions "
        "in section B of NCD 110.31 and not to cover it in the situations in section C. Uses "
        "that sections B and C do not address are left to regional contractors. The analysis "
        "reviewed the randomized trials of alglucosidase alfa and avalglucosidase alfa, "
        "registry data on survival in infants, and 41 public comments.",
        "",
        10,
        4.8,
    )
    # --- the NCD ------------------------------------------------------------------------
    d.add_page()
    mark("ncd")
    _t(
        d,
        "110.31 - Enzyme Replacement Therapy for Pompe Disease (Effective January 1, 2026)",
        "B",
        12,
        6,
        gap=2,
    )
    section("A. General", "A")
    _t(
        d,
        "Pompe disease (glycogen storage disease type II, acid maltase deficiency) is an "
        "autosomal recessive disorder: a shortage of the lysosomal enzyme acid alpha-"
        "glucosidase (GAA) lets glycogen collect in heart, skeletal and breathing muscle. The "
        "infantile-onset form appears in the first months of life with a thickened heart "
        "muscle, floppiness and trouble feeding and breathing and, untreated, is usually fatal "
        "before age 2. Late-onset forms appear at any age from childhood to late adulthood as "
        "slowly worsening weakness of the trunk, hips, shoulders and diaphragm.",
    )
    _t(
        d,
        "ERT supplies recombinant GAA by intravenous infusion every 2 weeks. Three products "
        "are approved: alglucosidase alfa (all forms of the disease), avalglucosidase alfa "
        "(late-onset disease, age 1 year and older) and cipaglucosidase alfa, taken with oral "
        "miglustat, for adults with late-onset disease who weigh at least 40 kg.",
    )
    section("B. Nationally Covered Indications", "B")
    _t(
        d,
        "Effective for claims with dates of service on or after January 1, 2026, NHCA covers "
        "ERT for Pompe disease (ICD-10-CM E74.02) only as described in this section. A "
        "beneficiary must meet every condition of the indication that applies.",
    )
    iopd_anchor = "1. Infantile-onset Pompe disease (IOPD)."
    iopd_lead = (
        "ERT with alglucosidase alfa is reasonable and necessary, and is covered for "
        "an initial period of 12 months, for a beneficiary with IOPD when the medical "
        "record documents all of the following:"
    )
    iopd = g(
        "all_of",
        iopd_lead,
        c(
            "signs of the disease, including hypertrophic cardiomyopathy on echocardiogram, "
            "began before 12 months of age"
        ),
        g(
            "any_of",
            "the diagnosis is confirmed by either",
            c(
                "GAA enzyme activity in the affected range in blood leukocytes, skin "
                "fibroblasts or muscle"
            ),
            c("two disease-causing variants in the GAA gene, one on each allele"),
        ),
        c(
            "the cross-reactive immunologic material (CRIM) status is known from a CRIM "
            "assay or from the genotype, and a CRIM-negative infant begins immune "
            "tolerance induction with the first infusion"
        ),
        c(
            "treatment is directed by a biochemical geneticist or by a physician at a "
            "center experienced in lysosomal storage disorders"
        ),
        c(
            "the dose is 20 mg/kg every 2 weeks by intravenous infusion in a setting "
            "equipped to manage anaphylaxis"
        ),
    )
    _t(d, f"{iopd_anchor} {iopd_lead} {_inline(iopd)}", indent=5)
    lopd_anchor = "2. Late-onset Pompe disease (LOPD)."
    lopd_lead = (
        "ERT with alglucosidase alfa, avalglucosidase alfa, or cipaglucosidase alfa "
        "with miglustat (adults of 40 kg or more), is covered for an initial period "
        "of 12 months for a beneficiary with LOPD when all of the following are "
        "documented:"
    )
    lopd = g(
        "all_of",
        lopd_lead,
        c(
            "the beneficiary is 1 year of age or older and had no cardiomyopathy in the "
            "first year of life;"
        ),
        c(
            "the diagnosis is confirmed by deficient GAA enzyme activity together with two "
            "disease-causing GAA variants;"
        ),
        g(
            "at_least",
            "the disease is clinically active, shown by at least two of the following:",
            c("upright forced vital capacity (FVC) below 80% of predicted;"),
            c("a fall in FVC of 10% or more from sitting to lying;"),
            c("weakness of the hip or shoulder girdle muscles on manual muscle testing;"),
            c(
                "creatine kinase above the upper limit of normal, or raised urinary glucose "
                "tetrasaccharide (Hex4);"
            ),
            n=2,
        ),
        c(
            "a 6-minute walk test and upright and supine FVC are recorded within 90 days "
            "before the first infusion, as the baseline for continued coverage; and"
        ),
        c("a neuromuscular specialist or a biochemical geneticist prescribes the treatment."),
    )
    _t(d, f"{lopd_anchor} {lopd_lead}", indent=5, gap=0.8)
    for k, kid in enumerate(lopd.kids):
        _t(d, f"{chr(97 + k)}.  {kid.text}", indent=12, gap=0.5)
        for j, alt in enumerate(kid.kids):
            _t(d, f"{['i', 'ii', 'iii', 'iv'][j]}.  {alt.text}", indent=20, gap=0.5)
    d.ln(1)
    lopd_c_lead = (
        "Coverage for LOPD continues for further periods of 12 months when the "
        "treating physician documents all of the following:"
    )
    lopd_c = g(
        "all_of",
        lopd_c_lead,
        c("the 6-minute walk test and FVC were repeated within the last 6 months"),
        g(
            "any_of",
            "the disease is stable or better, meaning either",
            c("the 6-minute walk distance has not fallen by more than 10% from the baseline"),
            c(
                "upright FVC has not fallen by more than 10 percentage points of predicted "
                "from the baseline"
            ),
        ),
        c("infusions have been given every 2 weeks without an unplanned gap longer than 6 weeks"),
    )
    _t(d, f"{lopd_c_lead} {_inline(lopd_c)}", indent=5)
    section("C. Nationally Non-Covered Indications", "C")
    _t(
        d,
        "NHCA has determined that ERT for Pompe disease is not reasonable and necessary, and "
        "is nationally non-covered, in the following situations:",
    )
    excl = [
        "Beneficiaries with two GAA variants found by newborn screening or family testing who "
        "have no weakness, normal breathing tests and a normal creatine kinase.",
        "Low GAA activity explained by pseudodeficiency alleles, without two disease-causing "
        "variants.",
        "Two enzyme replacement products given in the same period.",
        "Cipaglucosidase alfa given without miglustat, or to a beneficiary who weighs less "
        "than 40 kg.",
    ]
    for k, e in enumerate(excl, 1):
        _t(d, f"{k}.  {e}", indent=5, gap=0.5)
    d.ln(1)
    section("D. Other", "D")
    _t(
        d,
        "1. Claims are billed with the HCPCS code of the product given (J0221 alglucosidase "
        "alfa, J0219 avalglucosidase alfa, J1203 cipaglucosidase alfa) and ICD-10-CM E74.02. "
        "Oral miglustat is billed to the beneficiary's drug benefit.",
    )
    _t(
        d,
        "2. Infusion in the home is covered under this NCD only where the regional "
        "contractor's home infusion rules are also met.",
    )
    _t(
        d,
        "3. This NCD does not change coverage of the immune tolerance drugs or of "
        "ventilator support, which remain under their own sections.",
    )
    section("Business requirements", "business")
    d.table_head([22, d.width - 52, 30], ["Number", "Requirement", "Responsibility"])
    d.row(
        [
            "14127.1",
            "Contractors shall pay ERT claims for Pompe disease that meet NCD "
            "110.31 B with dates of service on or after January 1, 2026.",
            "A/B MAC",
        ]
    )
    d.row(
        [
            "14127.2",
            "Contractors shall deny claims in the situations of NCD 110.31 C with "
            "group code CO and reason code 50.",
            "A/B MAC",
        ]
    )
    d.end_table()
    inds = [
        Ind(
            "Infantile-onset Pompe disease (enzyme replacement therapy)",
            iopd_anchor,
            [
                "IOPD",
                "Pompe disease",
                "glycogen storage disease type II",
                "acid maltase deficiency",
            ],
            ["E74.02"],
            iopd,
        ),
        Ind(
            "Late-onset Pompe disease (enzyme replacement therapy)",
            lopd_anchor,
            ["LOPD", "Pompe disease", "acid maltase deficiency"],
            ["E74.02"],
            lopd,
            lopd_c,
            lopd_c_lead,
        ),
    ]
    return d, inds, excl, seen


def ncd_pompe() -> tuple[Doc, list[Ind], list[str]]:
    # Two passes: the first finds the page of each section for the contents page.
    _, _, _, pages = _ncd_build({})
    d, inds, excl, again = _ncd_build(pages)
    assert again == pages, (pages, again)
    return d, inds, excl


# =========================================================================================
# 2. Mainframe report printed to PDF: 132-column monospaced lines, report header on every
#    page, criteria sets as ASCII box tables (+----+ borders, | separators) with the
#    condition in the first column, criteria wrapped inside the CRITERION cell, the logic
#    only in the APPROVAL RULE lines above each table.
# =========================================================================================

COLS = (22, 8, 4, 86, 6)  # CONDITION, ICD-10, ROW, CRITERION, SOURCE (inner widths)
LH = 3.6  # line height for 8-point Courier


def _border() -> str:
    return "+" + "+".join("-" * (w + 2) for w in COLS) + "+"


def _line(cells: list[str]) -> str:
    return "|" + "|".join(f" {t:<{w}} " for t, w in zip(cells, COLS, strict=True)) + "|"


def _box_rows(condition: str, icd: str, rows: list[tuple[str, str, str]]) -> list[str]:
    """Table body lines: each (row id, criterion, source) wraps inside its cell; the
    condition and code wrap down the first columns from the first line. A criterion's
    first twelve words stay on its first line (the line its row id is printed on)."""
    cond = textwrap.wrap(condition, COLS[0], break_on_hyphens=False)
    codes = textwrap.wrap(icd, COLS[1], break_on_hyphens=False)
    body: list[list[str]] = []
    for rid, text, src in rows:
        wrapped = textwrap.wrap(text, COLS[3], break_on_hyphens=False)
        head = " ".join(text.split()[:12])
        assert head in wrapped[0], f"first words wrap: {text!r}"
        for k, part in enumerate(wrapped):
            body.append(["", "", rid if k == 0 else "", part, src if k == 0 else ""])
    while len(body) < len(cond):
        body.append(["", "", "", "", ""])
    for k, part in enumerate(cond):
        body[k][0] = part
    for k, part in enumerate(codes):
        body[k][1] = part
    return [_line(cells) for cells in body]


def printout_tafenoquine() -> tuple[Doc, list[Ind], list[str]]:
    def header(d: Doc) -> None:
        d.set_font("courier", "", 8)
        d.set_xy(d.l_margin, 10)
        for text in (
            f"1PBM410R{'NORTHGATE COOPERATIVE HEALTH PLAN':^106}RUN DATE: 01/06/26  PAGE:"
            f"{d.page_no():>4}",
            f" REPORT: FORMULARY EXCEPTION CRITERIA LISTING{'ENVIRONMENT: PROD':^69}RUN "
            "TIME: 02:14:07",
            " DRUG: TAFENOQUINE SUCCINATE (KRINTAFEL 150 MG TAB, ARAKODA 100 MG TAB)     "
            "P&T APPROVED: 12/09/25   VERSION: 004",
            " " + "=" * 142,
        ):
            d.cell(0, LH, text, new_x="LMARGIN", new_y="NEXT")
        d.ln(LH)

    def footer(d: Doc) -> None:
        d.set_y(-12)
        d.set_font("courier", "", 8)
        d.cell(
            0,
            LH,
            f" PBM410R  CONFIDENTIAL - FOR CLAIMS AND CLINICAL REVIEW STAFF ONLY"
            f"{'':>69}PAGE {d.page_no():>3}",
        )

    d = Doc(header, footer, margin=16)
    d.def_orientation = "L"
    d.set_auto_page_break(True, margin=16)
    d.add_page(orientation="L")

    def out(lines: list[str]) -> None:
        d.set_font("courier", "", 8)
        for text in lines:
            d.set_x(d.l_margin)
            d.cell(0, LH, text, new_x="LMARGIN", new_y="NEXT")

    def para(text: str, lead: str = " ") -> None:
        out(
            textwrap.wrap(
                text,
                140,
                initial_indent=lead,
                subsequent_indent=" " * len(lead),
                break_on_hyphens=False,
            )
        )

    head = [
        " " + _border(),
        " " + _line(["CONDITION", "ICD-10", "ROW", "CRITERION", "SOURCE"]),
        " " + _border(),
    ]
    para(
        "THIS LISTING PRINTS THE CLINICAL CRITERIA SETS LOADED IN THE PA ENGINE FOR THE DRUG "
        "ABOVE. A SET APPLIES TO THE CONDITION IN ITS FIRST COLUMN. SOURCE SHOWS WHERE THE "
        "ENGINE OR THE REVIEWER FINDS EACH ROW: ELIG = ELIGIBILITY FILE, CLAIM = CLAIMS "
        "HISTORY, LAB = LAB RESULT ON FILE OR FAXED, CHART = PRESCRIBER RECORDS. DENY REASONS "
        "ARE CHECKED BEFORE ANY SET."
    )
    out([""])
    rc_set = " CRITERIA SET TQ-01   PRODUCT: KRINTAFEL 150 MG TABLET   MAX QTY: 2 TABS / 30 DAYS"
    rc_rule = (
        "APPROVE ONE COURSE (2 TABLETS, 300 MG AS A SINGLE DOSE) FOR 30 DAYS WHEN ROWS 01 "
        "THROUGH 06 ARE ALL MET."
    )
    rc = g(
        "all_of",
        rc_rule,
        c("PATIENT IS 16 YEARS OF AGE OR OLDER."),
        g(
            "any_of",
            "P. VIVAX INFECTION IS CONFIRMED BY ONE OF THE FOLLOWING:",
            c("THICK OR THIN BLOOD SMEAR REPORTED AS PLASMODIUM VIVAX."),
            c("PCR OR RAPID ANTIGEN TEST POSITIVE FOR P. VIVAX OR FOR A NON-FALCIPARUM SPECIES."),
        ),
        c(
            "CHLOROQUINE OR ANOTHER BLOOD-STAGE ANTIMALARIAL IS GIVEN FOR THE SAME ATTACK, "
            "STARTED BEFORE OR ON THE DAY OF THE TAFENOQUINE DOSE."
        ),
        c("QUANTITATIVE G6PD TEST SHOWS ENZYME ACTIVITY OF AT LEAST 70 PERCENT OF NORMAL."),
        g(
            "any_of",
            "PREGNANCY IS EXCLUDED BY ONE OF THE FOLLOWING:",
            c("NEGATIVE URINE OR SERUM PREGNANCY TEST IN THE 7 DAYS BEFORE THE DOSE."),
            c("PATIENT CANNOT BECOME PREGNANT (MALE, POSTMENOPAUSAL OR STERILIZED)."),
        ),
        c("QUANTITY IS TWO 150 MG TABLETS TAKEN TOGETHER AS ONE DOSE, WITH FOOD."),
    )
    rc_rows = [
        ("01", rc.kids[0].text, "ELIG"),
        ("02", rc.kids[1].text, ""),
        ("02A", rc.kids[1].kids[0].text, "LAB"),
        ("02B", rc.kids[1].kids[1].text, "LAB"),
        ("03", rc.kids[2].text, "CLAIM"),
        ("04", rc.kids[3].text, "LAB"),
        ("05", rc.kids[4].text, ""),
        ("05A", rc.kids[4].kids[0].text, "LAB"),
        ("05B", rc.kids[4].kids[1].text, "CHART"),
        ("06", rc.kids[5].text, "CLAIM"),
    ]
    rc_cond = "PLASMODIUM VIVAX MALARIA - RADICAL CURE (PREVENTION OF RELAPSE)"
    out([rc_set])
    para(rc_rule, " APPROVAL RULE: ")
    para("A ROW WITH LETTERED SUB-ROWS IS MET WHEN ANY ONE OF ITS SUB-ROWS IS MET.", " " * 16)
    out(
        head
        + [" " + x for x in _box_rows(rc_cond, "B51.0 B51.8 B51.9", rc_rows)]
        + [" " + _border(), ""]
    )
    px_set = " CRITERIA SET TQ-02   PRODUCT: ARAKODA 100 MG TABLET     MAX QTY: 32 TABS / 180 DAYS"
    px_rule = (
        "APPROVE FOR THE LENGTH OF THE STAY PLUS 2 WEEKS, UP TO 6 MONTHS, WHEN ROWS 01 "
        "THROUGH 05 ARE ALL MET."
    )
    px = g(
        "all_of",
        px_rule,
        c("PATIENT IS 18 YEARS OF AGE OR OLDER."),
        c(
            "TRAVEL TO AN AREA WITH MALARIA TRANSMISSION IS BOOKED, WITH THE DESTINATION AND "
            "DATES ON THE REQUEST."
        ),
        c("QUANTITATIVE G6PD TEST SHOWS ENZYME ACTIVITY OF AT LEAST 70 PERCENT OF NORMAL."),
        g(
            "any_of",
            "PREGNANCY IS EXCLUDED BY ONE OF THE FOLLOWING:",
            c("NEGATIVE URINE OR SERUM PREGNANCY TEST IN THE 7 DAYS BEFORE THE FIRST DOSE."),
            c("PATIENT CANNOT BECOME PREGNANT (MALE, POSTMENOPAUSAL OR STERILIZED)."),
        ),
        c(
            "QUANTITY COVERS 3 DAILY LOADING DOSES, ONE DOSE A WEEK WHILE AWAY AND ONE DOSE "
            "IN THE WEEK AFTER RETURN (200 MG = 2 TABLETS PER DOSE)."
        ),
    )
    px_rows = [
        ("01", px.kids[0].text, "ELIG"),
        ("02", px.kids[1].text, "CHART"),
        ("03", px.kids[2].text, "LAB"),
        ("04", px.kids[3].text, ""),
        ("04A", px.kids[3].kids[0].text, "LAB"),
        ("04B", px.kids[3].kids[1].text, "CHART"),
        ("05", px.kids[4].text, "CLAIM"),
    ]
    px_cond = "MALARIA PROPHYLAXIS (PREVENTION) FOR TRAVEL"
    out([px_set])
    para(px_rule, " APPROVAL RULE: ")
    para("A ROW WITH LETTERED SUB-ROWS IS MET WHEN ANY ONE OF ITS SUB-ROWS IS MET.", " " * 16)
    out(
        head
        + [" " + x for x in _box_rows(px_cond, "Z29.8 Z71.84", px_rows)]
        + [" " + _border(), ""]
    )
    excl = [
        "G6PD DEFICIENCY, OR G6PD STATUS NOT KNOWN FROM A QUANTITATIVE TEST.",
        "BREASTFEEDING AN INFANT WHO IS G6PD DEFICIENT OR WHOSE G6PD STATUS IS NOT KNOWN.",
        "HISTORY OF A PSYCHOTIC DISORDER, OR CURRENT PSYCHOTIC SYMPTOMS.",
        "RADICAL CURE REQUESTED FOR P. FALCIPARUM OR P. MALARIAE INFECTION ONLY (NO LIVER "
        "STAGE TO CLEAR).",
        "PROPHYLAXIS FOR MORE THAN 6 MONTHS OF CONTINUOUS DOSING.",
    ]
    if d.get_y() > d.page_break_trigger - 40:
        d.add_page()
    out([" DENY REASONS  (CHECKED BEFORE TQ-01 AND TQ-02; ANY ONE DENIES WITH REASON CODE PA-NC)"])
    w = len(_border()) - 10  # the deny table is as wide as the criteria tables
    out(
        [
            " +" + "-" * 7 + "+" + "-" * w + "+",
            f" | {'CODE':<5} | {'DENY REASON':<{w - 2}} |",
            " +" + "-" * 7 + "+" + "-" * w + "+",
        ]
    )
    for k, e in enumerate(excl, 1):
        out([f" | {'X' + str(k):<5} | {e:<{w - 2}} |"])
    out([" +" + "-" * 7 + "+" + "-" * w + "+", ""])
    out(
        [
            " CONTROL TOTALS:  CRITERIA SETS     2   ROWS PRINTED    17   DENY REASONS     5",
            " *** END OF REPORT PBM410R ***",
        ]
    )
    inds = [
        Ind(
            "Radical cure of Plasmodium vivax malaria (tafenoquine)",
            rc_set,
            ["P. vivax malaria", "vivax malaria relapse prevention", "radical cure"],
            ["B51.9", "B51.8", "B51.0"],
            rc,
        ),
        Ind(
            "Malaria prophylaxis for travel (tafenoquine)",
            px_set,
            ["malaria prevention", "antimalarial prophylaxis"],
            ["Z29.8", "Z71.84"],
            px,
        ),
    ]
    return d, inds, excl


# =========================================================================================
# 3. Decision table: condition stubs as questions in rows, rule columns R1..R6 with
#    Y / N / - entries, action rows marked X; one table per request type of one condition;
#    a legend; the logic only in the rule columns.
# =========================================================================================


def _decision_table(
    d: Doc, stubs: list[str], rules: list[str], actions: list[tuple[str, str]]
) -> None:
    """``rules``: one string per rule column, one character per stub (Y, N or -);
    ``actions``: (action text, the rule numbers marked X, e.g. "12")."""
    n = len(rules)
    widths = [12, d.width - 12 - 13 * n] + [13] * n
    d.table_head(widths, ["", "Conditions"] + [f"R{k + 1}" for k in range(n)])
    for k, stub in enumerate(stubs):
        d.row([f"C{k + 1}", stub] + [rule[k] for rule in rules])
    d.row(["", "Actions"] + [""] * n, fill=235, bold=True)
    for k, (text, marks) in enumerate(actions, 1):
        d.row([f"A{k}", text] + ["X" if str(r + 1) in marks else "" for r in range(n)])
    d.end_table()


def dectable_droxidopa() -> tuple[Doc, list[Ind], list[str]]:
    def header(d: Doc) -> None:
        d.set_font("helvetica", "B", 9)
        d.set_xy(d.l_margin, 9)
        d.cell(0, 4, "Cedar Basin Health Alliance - Pharmacy Decision Tables")
        d.set_font("helvetica", "", 8.5)
        d.set_xy(d.l_margin, 9)
        d.cell(0, 4, "DT-DROX  version 3  effective 02/01/2026", align="R")
        d.line(d.l_margin, 14.5, d.w - d.r_margin, 14.5)
        d.set_y(19)

    def footer(d: Doc) -> None:
        d.set_y(-13)
        d.set_font("helvetica", "", 8)
        d.cell(
            0,
            4,
            f"Approved by the Pharmacy and Therapeutics Committee 12/11/2025   |   "
            f"page {d.page_no()} of {{nb}}",
            align="C",
        )

    d = Doc(header, footer, margin=18)
    d.add_page()
    _t(d, "Droxidopa (Northera and generic capsules)", "B", 14, 7, gap=1)
    _t(
        d,
        "Prior authorization decision tables for neurogenic orthostatic hypotension",
        "",
        11,
        5.5,
        gap=3,
    )
    _t(d, "How to read a decision table", "B", 10.5, 5)
    _t(
        d,
        "Each table is for one condition and one kind of request. Answer every condition "
        "(C1, C2, ...) from the records sent with the request, then find the rule column "
        "whose entries match the answers. The actions marked in that column are the decision. "
        "Every combination of answers matches exactly one rule.",
    )
    d.set_fill_color(240, 240, 240)
    d.set_font("helvetica", "", 9.5)
    d.multi_cell(
        d.width,
        4.8,
        "Legend:   Y = yes     N = no     - = does not matter (either "
        "answer leads to the same action)     X = take this action",
        border=1,
        fill=True,
        new_x="LMARGIN",
        new_y="NEXT",
    )
    d.ln(2)
    _t(d, "Check first: requests that are never approved", "B", 10.5, 5)
    _t(d, "Deny without using the tables when the records show any of these:")
    excl = [
        "Orthostatic hypotension that is not neurogenic: from dehydration, blood loss, heart "
        "disease or blood-pressure medicines.",
        "Orthostatic hypotension caused by diabetic autonomic neuropathy.",
        "Supine blood pressure above 180/110 mm Hg before droxidopa is started.",
        "Treatment of low blood pressure in hospital, in shock or during anesthesia.",
    ]
    for e in excl:
        _t(d, f"-  {e}", indent=5, gap=0.5)
    d.ln(2)
    first_anchor = "Table 1. DT-DROX-01 - neurogenic orthostatic hypotension, first request"
    first_rule = "Approve 3 months only when the answers match rule R1 or R2."
    _t(d, first_anchor, "B", 11, 5.5, gap=0.5)
    _t(d, first_rule, "I")
    first = g(
        "all_of",
        first_rule,
        c(
            "Is the member 18 or older, with neurogenic orthostatic hypotension caused by "
            "Parkinson disease, multiple system atrophy, pure autonomic failure or "
            "non-diabetic autonomic neuropathy?"
        ),
        c(
            "Within 3 minutes of standing or head-up tilt, did systolic pressure fall by at "
            "least 20 mm Hg or diastolic pressure by at least 10 mm Hg, measured in the "
            "last 3 months?"
        ),
        c(
            "Does the record describe dizziness, lightheadedness, blurred vision or "
            "near-fainting on standing that limits daily activities?"
        ),
        g(
            "any_of",
            "",
            c(
                "Was midodrine taken for at least 4 weeks without enough benefit, or stopped "
                "because of side effects?"
            ),
            c(
                "Was fludrocortisone taken for at least 4 weeks without enough benefit, or "
                "stopped because of side effects, or is it unsafe for the member (heart "
                "failure, low potassium)?"
            ),
        ),
    )
    stubs = [k.text for k in first.kids[:3]] + [k.text for k in first.kids[3].kids]
    _decision_table(
        d,
        stubs,
        ["YYYY-", "YYYNY", "YYYNN", "N----", "YN---", "YYN--"],
        [
            ("Approve 3 months (up to 600 mg three times a day)", "12"),
            ("Deny", "356"),
            ("Refer to the medical director (another neurogenic cause)", "4"),
        ],
    )
    if d.get_y() > d.page_break_trigger - 80:
        d.add_page()
    cont_anchor = "Table 2. DT-DROX-02 - neurogenic orthostatic hypotension, renewal"
    cont_rule = "Approve 6 months only when the answers match rule R1 or R2."
    _t(d, cont_anchor, "B", 11, 5.5, gap=0.5)
    _t(d, cont_rule, "I")
    cont = g(
        "all_of",
        cont_rule,
        g(
            "any_of",
            "",
            c(
                "Does the prescriber's note record less dizziness, lightheadedness or fainting "
                "on standing than before droxidopa?"
            ),
            c(
                "Is the standing systolic pressure at least 10 mm Hg higher than before "
                "droxidopa, measured at the same time of day?"
            ),
        ),
        c(
            "Was supine blood pressure, with the head raised 30 degrees, below 180/110 mm Hg "
            "at the last visit?"
        ),
    )
    stubs = [k.text for k in cont.kids[0].kids] + [cont.kids[1].text]
    _decision_table(
        d,
        stubs,
        ["Y-Y", "NYY", "NNY", "--N"],
        [
            ("Approve 6 months", "12"),
            ("Deny", "3"),
            ("Refer to the medical director (supine hypertension)", "4"),
        ],
    )
    if d.get_y() > d.page_break_trigger - 85:
        d.add_page()
    dbh_anchor = "Table 3. DT-DROX-03 - dopamine beta-hydroxylase (DBH) deficiency, any request"
    dbh_rule = "Approve 12 months only when the answers match rule R1 or R2."
    _t(d, dbh_anchor, "B", 11, 5.5, gap=0.5)
    _t(d, dbh_rule, "I")
    dbh = g(
        "all_of",
        dbh_rule,
        c(
            "Does the member faint or nearly faint on standing, with a fall in systolic "
            "pressure of at least 20 mm Hg within 3 minutes?"
        ),
        g(
            "any_of",
            "",
            c("Has genetic testing found two disease-causing variants in the DBH gene?"),
            c(
                "Is plasma norepinephrine undetectable or nearly so, with plasma dopamine "
                "raised, on a sample taken lying down?"
            ),
        ),
        c("Is the prescriber a neurologist, cardiologist or autonomic specialist?"),
    )
    stubs = [dbh.kids[0].text] + [k.text for k in dbh.kids[1].kids] + [dbh.kids[2].text]
    _decision_table(
        d,
        stubs,
        ["YY-Y", "YNYY", "YNN-", "N---", "YY-N", "YNYN"],
        [
            ("Approve 12 months (dose by weight for a child)", "12"),
            ("Deny", "34"),
            ("Refer to the medical director (prescriber)", "56"),
        ],
    )
    _t(d, "Notes", "B", 10.5, 5)
    _t(
        d,
        "Rule R4 of Table 1 sends other neurogenic causes to the medical director, who may "
        "approve under the plan's exception process. Droxidopa is taken during the day, the "
        "last dose at least 3 hours before bedtime. Renewal requests are reviewed with Table "
        "2 only when Table 1 was met for the first request.",
        "",
        9.5,
        4.6,
    )
    inds = [
        Ind(
            "Symptomatic neurogenic orthostatic hypotension in adults (droxidopa)",
            first_anchor,
            ["nOH", "neurogenic orthostatic hypotension"],
            ["I95.1", "G90.3", "G20.A1"],
            first,
            cont,
            cont_anchor,
        ),
        Ind(
            "Orthostatic hypotension in dopamine beta-hydroxylase deficiency (droxidopa)",
            dbh_anchor,
            ["DBH deficiency", "norepinephrine deficiency"],
            ["E70.89", "I95.1"],
            dbh,
        ),
    ]
    return d, inds, excl
