"""Nineteenth synthetic batch, part B: an EHR documentation template (SmartPhrase) printed
from the template editor, with {YES/NO} pick-lists after each criterion and *** blanks
(tasimelteon: Non-24-hour sleep-wake disorder and Smith-Magenis syndrome); an eligibility
point-count scorecard whose approval rule is a score ("every R line and a total of 8 or more")
(nitisinone: hereditary tyrosinemia type 1 and alkaptonuria). Our own words, fictional
plans."""

from __future__ import annotations

from payers19_a import _t
from render import Crit, Doc, Ind, c, g

# =========================================================================================
# 4. EHR SmartPhrase printout: template name, @SMARTLINKS@, "***" blanks, "{YES/NO:20455}"
#    pick-lists after each numbered item; conditions named by an ICD-10 code and its
#    description; the logic only in a bracketed reviewer note above each list.
# =========================================================================================

YN = "  {YES/NO:20455}"


def _phrase_list(d: Doc, root: Crit) -> None:
    for k, kid in enumerate(root.kids, 1):
        if kid.is_group:
            _t(d, f"{k}. {kid.text}", "", 9.5, 4.6, 4, "courier", gap=0.3)
            for j, alt in enumerate(kid.kids):
                _t(d, f"{chr(97 + j)}. {alt.text}{YN}", "", 9.5, 4.6, 12, "courier", gap=0.3)
        else:
            _t(d, f"{k}. {kid.text}{YN}", "", 9.5, 4.6, 4, "courier", gap=0.3)
    d.ln(2)


def smartphrase_tasimelteon() -> tuple[Doc, list[Ind], list[str]]:
    def header(d: Doc) -> None:
        d.set_font("helvetica", "", 7.5)
        d.set_xy(d.l_margin, 7)
        d.cell(0, 4, "SmartPhrase Editor - printed view")
        d.set_xy(d.l_margin, 7)
        d.cell(0, 4, "Northfield Community Health Plan - Pharmacy PA team", align="R")
        d.set_y(15)

    def footer(d: Doc) -> None:
        d.set_y(-11)
        d.set_font("helvetica", "", 7.5)
        d.cell(0, 4, f"Printed 01/08/2026 by PA_REVIEWER_14   Page {d.page_no()} of {{nb}}",
               align="C")

    d = Doc(header, footer, margin=18)
    d.add_page()
    d.set_fill_color(225, 232, 225)
    d.set_font("helvetica", "B", 10)
    d.multi_cell(d.width, 5.5, "Name: .PAHETLIOZ    Owner: PHARMACY PA POOL    Shared: 37 "
                 "users\nDescription: Prior authorization review note, tasimelteon "
                 "(Hetlioz capsules, Hetlioz LQ suspension). Criteria approved by P&T "
                 "11/2025.", fill=True, new_x="LMARGIN", new_y="NEXT")
    d.ln(3)
    _t(d, "Tasimelteon PA review - @NAME@, @AGE@ @SEX@, MRN @MRN@\nRequest received: @TODAY@ "
       "from ***\nProduct requested: {HETLIOZ PRODUCT:20461}\nDiagnosis on request: "
       "{DX PICK:20462}", "", 9.5, 4.6, 0, "courier")
    n24_dx = "G47.24 Circadian rhythm sleep disorder, free running type (non-24-hour " \
             "sleep-wake disorder)"
    _t(d, n24_dx, "B", 10, 5)
    n24_lead = "[Approve 6 months only if every item is YES; for item 4, a or b is enough]"
    _t(d, n24_lead, "I", 9.5, 4.6, 0, "courier")
    n24 = g("all_of", n24_lead,
            c("Member is 18 or older."),
            c("Totally blind: no light perception in either eye, per an eye examination."),
            c("Sleep diary or actigraphy for at least 4 weeks shows bedtime and wake time "
              "drifting later day by day."),
            g("any_of", "Melatonin:",
              c("taken nightly for at least 3 months at a fixed time, and the drift went on"),
              c("not tolerated or unsafe for this member")),
            c("Prescribed by a sleep medicine specialist or neurologist."))
    _phrase_list(d, n24)
    n24_c_lead = "[Renewal, 12 months: both items YES]"
    _t(d, n24_c_lead, "I", 9.5, 4.6, 0, "courier")
    n24_c = g("all_of", n24_c_lead,
              c("Sleep diary shows night sleep lasting longer and daytime naps shorter "
                "than before tasimelteon."),
              c("The capsule is taken at the same time every night, about an hour before "
                "bedtime."))
    _phrase_list(d, n24_c)
    sms_dx = "Q93.88 Other microdeletions (Smith-Magenis syndrome) with nighttime sleep " \
             "disturbance"
    _t(d, sms_dx, "B", 10, 5)
    sms_lead = "[Approve 12 months only if every item is YES]"
    _t(d, sms_lead, "I", 9.5, 4.6, 0, "courier")
    sms = g("all_of", sms_lead,
            c("Age 3 years or older."),
            c("Smith-Magenis syndrome confirmed by chromosome testing (a 17p11.2 deletion) "
              "or a disease-causing RAI1 variant."),
            c("Night waking or early waking recorded in a sleep diary kept by a parent or "
              "carer for at least 2 weeks."),
            c("Suspension for members under 16 years and capsules for those 16 or older."),
            c("A sleep specialist, neurologist or developmental pediatrician is involved "
              "in care."))
    _phrase_list(d, sms)
    _t(d, "[Not covered - if any is YES, route to pharmacist for denial]", "I", 9.5, 4.6,
       0, "courier")
    excl = [
        "Insomnia, jet lag or shift-work sleep problems without Non-24 or Smith-Magenis "
        "syndrome",
        "Taken with fluvoxamine or another strong CYP1A2 inhibitor",
        "Taken with rifampin or another strong CYP3A4 inducer",
        "Taken with ramelteon or melatonin on the same night",
    ]
    for e in excl:
        _t(d, f"- {e}{YN}", "", 9.5, 4.6, 4, "courier", gap=0.3)
    d.ln(2)
    _t(d, "Reviewer decision: {PA DECISION:20463}   Approval length: ***   Reviewer: @ME@",
       "", 9.5, 4.6, 0, "courier")
    inds = [
        Ind("Non-24-hour sleep-wake disorder in totally blind adults (tasimelteon)", n24_dx,
            ["Non-24", "free-running circadian rhythm disorder"], ["G47.24"], n24, n24_c,
            n24_c_lead),
        Ind("Nighttime sleep disturbance in Smith-Magenis syndrome (tasimelteon)", sms_dx,
            ["SMS", "Smith-Magenis syndrome"], ["Q93.88"], sms),
    ]
    return d, inds, excl


# =========================================================================================
# 5. Eligibility point-count scorecard: one ruled table per sheet, "Line | Finding | Type |
#    Points", R (required) lines and O (optional) lines; the logic is only in the scoring
#    rule sentence above the table ("every R line and a total of 8 or more").
# =========================================================================================


def _score_table(d: Doc, rows: list[tuple[str, str, str]]) -> None:
    d.table_head([14, d.width - 54, 18, 22], ["Line", "Finding", "Type", "Points"])
    for k, (text, kind, pts) in enumerate(rows, 1):
        d.row([str(k), text, kind, pts])
    d.row(["", "TOTAL (reviewer adds the points of the lines that are met)", "", "____"])
    d.end_table()


def scorecard_nitisinone() -> tuple[Doc, list[Ind], list[str]]:
    def header(d: Doc) -> None:
        d.set_font("helvetica", "B", 8)
        d.set_xy(d.l_margin, 8)
        d.cell(0, 4, "Prairie Hills Health Cooperative - Rare Disease Drug Scorecards")
        d.set_font("helvetica", "", 8)
        d.set_xy(d.l_margin, 8)
        d.cell(0, 4, "SC-NIT-2026", align="R")
        d.set_y(17)

    def footer(d: Doc) -> None:
        d.set_y(-12)
        d.set_font("helvetica", "", 7.5)
        d.cell(0, 4, f"A line scores only when the record documents it. Page {d.page_no()}",
               align="C")

    d = Doc(header, footer, margin=18)
    d.add_page()
    _t(d, "Nitisinone scorecard (Orfadin, Nityr and generic capsules; Harliku)", "B", 14, 7)
    _t(d, "How to score: give each line its points when the member's records show it, "
       "otherwise 0. Lines of type R are required: a request with any R line at 0 is not "
       "approved, whatever the total. Lines of type O add points toward the total. Each "
       "sheet states the total needed and the approval length.")
    ht_dx = "Sheet A - E70.21 Tyrosinemia (hereditary tyrosinemia type 1, HT-1)"
    _t(d, ht_dx, "B", 11, 5.5)
    ht_rule = "Approve 12 months when all 4 R lines score (total 8)."
    _t(d, ht_rule, "B")
    ht_rows = [
        ("Succinylacetone is raised in blood or urine, or FAH gene testing shows two "
         "disease-causing variants.", "R", "2"),
        ("A metabolic geneticist or pediatric hepatologist prescribes it.", "R", "2"),
        ("A diet low in tyrosine and phenylalanine has been started, with a metabolic "
         "dietitian.", "R", "2"),
        ("The dose is 1 to 2 mg per kg a day, written with the current weight.", "R", "2"),
    ]
    _score_table(d, ht_rows)
    ht = g("all_of", ht_rule, *[c(t) for t, _, _ in ht_rows])
    ht_c_rule = "Sheet A2 - HT-1 renewal. Approve 12 months when all 3 R lines score."
    _t(d, ht_c_rule, "B")
    ht_c_rows = [
        ("Succinylacetone is undetectable or still falling on treatment.", "R", "2"),
        ("Plasma tyrosine was measured in the last 6 months and was below 500 micromol/L.",
         "R", "2"),
        ("Alpha-fetoprotein and liver imaging were checked in the last 12 months.", "R", "2"),
    ]
    _score_table(d, ht_c_rows)
    ht_c = g("all_of", ht_c_rule, *[c(t) for t, _, _ in ht_c_rows])
    ak_dx = "Sheet B - for members with alkaptonuria (ICD-10-CM E70.29)"
    _t(d, ak_dx, "B", 11, 5.5)
    ak_rule = ("Approve 12 months (Harliku 2 mg once daily) when all 3 R lines score and the "
               "total is 8 or more.")
    _t(d, ak_rule, "B")
    ak_r = [
        ("Age 18 or older.", "R", "2"),
        ("Urine homogentisic acid is raised on a quantitative test, or HGD gene testing "
         "shows two disease-causing variants.", "R", "2"),
        ("Plasma tyrosine and an eye examination are planned within 3 months of the start.",
         "R", "2"),
    ]
    ak_o = [
        ("Blue-grey pigment (ochronosis) of the sclera or ear cartilage.", "O", "1"),
        ("Back or large-joint arthropathy on x-ray or MRI.", "O", "1"),
        ("Aortic valve sclerosis or stenosis on echocardiogram.", "O", "1"),
        ("Kidney or prostate stones.", "O", "1"),
    ]
    _score_table(d, ak_r + ak_o)
    ak = g("all_of", ak_rule, *[c(t) for t, _, _ in ak_r],
           g("at_least", "", *[c(t) for t, _, _ in ak_o], n=2))
    _t(d, "Not scored - never approved", "B", 11, 5.5)
    excl = [
        "Tyrosinemia type 2 or type 3, or transient tyrosinemia of the newborn.",
        "Children with alkaptonuria (under 18 years).",
        "Nitisinone with no dietary protein control in HT-1.",
        "Use after a liver transplant that has corrected HT-1.",
    ]
    for k, e in enumerate(excl, 1):
        _t(d, f"N{k}  {e}", "", 9.5, 4.6, 4, gap=0.6)
    inds = [
        Ind("Hereditary tyrosinemia type 1 (nitisinone)", ht_dx, ["HT-1", "tyrosinemia type 1"],
            ["E70.21"], ht, ht_c, ht_c_rule),
        Ind("Alkaptonuria (nitisinone)", ak_dx, ["AKU", "alkaptonuria", "ochronosis"],
            ["E70.29"], ak),
    ]
    return d, inds, excl
