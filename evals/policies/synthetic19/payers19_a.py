"""Nineteenth synthetic batch, part A: a Summary of Benefits and Coverage chart whose
"Limitations, Exceptions & Other Important Information" column holds the criteria
(roflumilast: COPD and seborrheic dermatitis); a provider-portal secure-message thread printed
from the browser (carglumic acid: NAGS deficiency and organic-acidemia hyperammonemia); a
utilization-management configuration ticket whose acceptance criteria are written as
Given / When / Then scenarios (desmopressin: central diabetes insipidus and nocturnal
enuresis). Our own words, fictional plans."""

from __future__ import annotations

from render import Crit, Doc, Ind, Item, c, g


def _t(d: Doc, text: str, style: str = "", size: float = 9.5, h: float = 4.6,
       indent: float = 0.0, font: str = "helvetica", w: float = 0.0, gap: float = 1.0) -> None:
    d.set_font(font, style, size)
    d.set_x(d.l_margin + indent)
    d.multi_cell((w or d.width) - indent, h, text, new_x="LMARGIN", new_y="NEXT")
    d.ln(gap)


# =========================================================================================
# 1. Summary of Benefits and Coverage (SBC): landscape, the "Important Questions" table,
#    then the "Common Medical Event" chart; the drug's rows carry the criteria in the last
#    column ("Limitations, Exceptions, & Other Important Information").
# =========================================================================================


def _limit_cell(lead: str, root: Crit, note: str = "") -> list[Item]:
    out = [Item(0, "", lead, "B")]
    for kid in root.kids:
        out.append(Item(0, "-", kid.text))
        out += [Item(1, "o", alt.text) for alt in kid.kids]
    if note:
        out.append(Item(0, "", note, "I"))
    return out


def sbc_roflumilast() -> tuple[Doc, list[Ind], list[str]]:
    def header(d: Doc) -> None:
        d.set_font("helvetica", "B", 9)
        d.set_xy(d.l_margin, 7)
        d.cell(0, 4, "Summary of Benefits and Coverage: What this Plan Covers & What You Pay "
               "for Covered Services")
        d.set_font("helvetica", "", 8)
        d.set_xy(d.l_margin, 7)
        d.cell(0, 4, "Coverage Period: 01/01/2026 - 12/31/2026", align="R")
        d.set_xy(d.l_margin, 11.5)
        d.cell(0, 4, "Bluewater Cooperative Health Plan: Silver PPO 3500")
        d.set_xy(d.l_margin, 11.5)
        d.cell(0, 4, "Coverage for: Individual + Family | Plan Type: PPO", align="R")
        d.line(d.l_margin, 16.5, d.w - d.r_margin, 16.5)
        d.set_y(19)

    def footer(d: Doc) -> None:
        d.set_y(-12)
        d.set_font("helvetica", "", 7.5)
        d.cell(0, 4, "* For more information about limitations and exceptions, see the plan or "
               "policy document at www.bluewatercoop.example/sbc.", align="L")
        d.set_x(d.l_margin)
        d.cell(0, 4, f"{d.page_no()} of {{nb}}", align="R")

    d = Doc(header, footer, margin=12)
    d.def_orientation = "L"
    d.add_page(orientation="L")
    _t(d, "The Summary of Benefits and Coverage (SBC) document will help you choose a health "
       "plan. The SBC shows you how you and the plan would share the cost for covered health "
       "care services. This edition adds the plan's conditions for one specialty drug, "
       "roflumilast, in the prescription drug rows of the chart.", "", 8.5, 4)
    d.table_head([70, 70, d.width - 140], ["Important Questions", "Answers",
                                           "Why This Matters:"])
    d.row(["What is the overall deductible?", "$3,500 individual / $7,000 family",
           "Generally, you must pay all of the costs from providers up to the deductible "
           "amount before this plan begins to pay."])
    d.row(["Do you need a referral to see a specialist?", "No.",
           "You can see the specialist you choose without a referral."])
    d.row(["Are there services covered before you meet your deductible?",
           "Yes. Preventive care and generic drugs.",
           "This plan covers some items and services even if you haven't yet met the "
           "deductible amount."])
    d.end_table()
    ev = "If you need drugs to treat your illness or condition"
    widths = [38, 52, 34, 32, d.width - 156]
    d.table_head(widths, ["Common Medical Event", "Services You May Need",
                          "What You Will Pay: Network Provider (You will pay the least)",
                          "Out-of-Network Provider", "Limitations, Exceptions, & Other "
                          "Important Information"])
    d.row([ev, "Generic drugs (Tier 1)", "$10 copay / 30-day supply", "Not covered",
           "Mail order: 90-day supply for 2.5 copays."])
    copd_cell = ("Specialty drug (Tier 4): roflumilast tablets (Daliresp and generic) for "
                 "severe chronic obstructive pulmonary disease (COPD) with chronic bronchitis")
    copd_lead = "Prior authorization required. First approval 12 months; all must be documented:"
    copd = g("all_of", copd_lead,
             c("Age 18 or older."),
             c("Post-bronchodilator FEV1 of 50% of predicted or less on spirometry."),
             c("Chronic bronchitis: a productive cough on most days for 3 months in each of 2 "
               "years in a row."),
             c("At least 2 exacerbations treated with oral steroids or antibiotics, or 1 "
               "that needed a hospital stay, in the past 12 months."),
             c("The exacerbations happened while taking a long-acting muscarinic antagonist "
               "and a long-acting beta agonist together for at least 3 months; roflumilast "
               "is added to them, not used in place of them."))
    d.row([ev, copd_cell, "40% coinsurance after deductible", "Not covered",
           _limit_cell(copd_lead, copd)])
    copd_c_lead = "Renewal every 12 months; both must be documented:"
    copd_c = g("all_of", copd_c_lead,
               c("Fewer exacerbations, or none, in the 12 months on roflumilast than in the "
                 "12 months before it."),
               c("The long-acting bronchodilators are still being taken with it."))
    d.row([ev, "Roflumilast tablets for COPD, renewal", "40% coinsurance after deductible",
           "Not covered", _limit_cell(copd_c_lead, copd_c)])
    sd_cell = ("Non-preferred brand (Tier 3): roflumilast 0.3% topical foam (Zoryve) for "
               "seborrheic dermatitis of the scalp, face or body")
    sd_lead = "Prior authorization required. Approval 6 months when all are documented:"
    sd = g("all_of", sd_lead,
           c("Age 9 years or older."),
           c("Seborrheic dermatitis diagnosed on examination, with redness and greasy scale "
             "on the scalp, face, ears, chest or skin folds."),
           c("A topical antifungal (ketoconazole or ciclopirox shampoo, cream or gel) used "
             "for at least 4 weeks did not clear it."),
           g("any_of", "Plus one of these, also without clearing:",
             c("a low- or medium-potency topical corticosteroid used for at least 2 weeks"),
             c("pimecrolimus cream or tacrolimus ointment used for at least 4 weeks")))
    d.row([ev, sd_cell, "$75 copay / 30-day supply", "Not covered",
           _limit_cell(sd_lead, sd, "Quantity limit: one 60 g can per 30 days.")])
    sd_c_lead = "Renewal 12 months when both are documented:"
    sd_c = g("all_of", sd_c_lead,
             c("Redness, scaling and itch are clearly less than before the foam was started."),
             c("The foam is used once a day on the affected areas only."))
    d.row([ev, "Roflumilast topical foam for seborrheic dermatitis, renewal",
           "$75 copay / 30-day supply", "Not covered", _limit_cell(sd_c_lead, sd_c)])
    excl = [
        "Asthma, or COPD without chronic bronchitis (emphysema alone).",
        "Moderate or severe liver impairment (Child-Pugh B or C).",
        "Roflumilast tablets used alone, without long-acting bronchodilators.",
        "The 0.3% foam or cream for cosmetic use or for dandruff without seborrheic "
        "dermatitis.",
    ]
    d.row([ev, "Roflumilast: uses this plan does not cover", "Not covered", "Not covered",
           [Item(0, "", "Roflumilast is not covered for:", "B")]
           + [Item(0, "-", e) for e in excl]])
    d.end_table()
    _t(d, "Excluded Services & Other Covered Services: see your plan document for the full "
       "list. Language Access Services: call 1-800-555-0148.", "", 8, 4)
    inds = [
        Ind("Severe COPD with chronic bronchitis and exacerbations (roflumilast tablets)",
            copd_cell, ["COPD", "chronic obstructive pulmonary disease"], ["J44.1", "J44.9"],
            copd, copd_c, "Roflumilast tablets for COPD, renewal"),
        Ind("Seborrheic dermatitis (roflumilast 0.3% foam)", sd_cell,
            ["seborrheic dermatitis"], ["L21.9", "L21.0", "L21.8"], sd, sd_c,
            "Roflumilast topical foam for seborrheic dermatitis, renewal"),
    ]
    return d, inds, excl


# =========================================================================================
# 2. Provider-portal secure-message thread printed from the browser: print line and URL,
#    one boxed header per message (From / To / Sent / Subject), the criteria inside the
#    plan pharmacist's replies as "1)" lines with "a)" alternatives; conditions named by
#    questions ("Does your patient have ...?").
# =========================================================================================


def _message(d: Doc, sender: str, to: str, sent: str, subject: str) -> None:
    if d.get_y() > d.page_break_trigger - 45:
        d.add_page()
    d.ln(2)
    y = d.get_y()
    d.set_fill_color(236, 240, 246)
    d.rect(d.l_margin, y, d.width, 17, style="F")
    d.set_font("helvetica", "", 8.5)
    for k, (label, value) in enumerate((("From:", sender), ("To:", to), ("Sent:", sent))):
        d.set_xy(d.l_margin + 2, y + 1 + k * 4)
        d.set_font("helvetica", "B", 8.5)
        d.cell(14, 4, label)
        d.set_font("helvetica", "", 8.5)
        d.cell(0, 4, value)
    d.set_xy(d.l_margin + 2, y + 13)
    d.set_font("helvetica", "B", 8.5)
    d.cell(0, 4, f"Subject: {subject}")
    d.set_y(y + 20)


def _numbered(d: Doc, root: Crit) -> None:
    for k, kid in enumerate(root.kids, 1):
        _t(d, f"{k})  {kid.text}", "", 9.5, 4.6, 6, gap=0.6)
        for j, alt in enumerate(kid.kids):
            _t(d, f"{chr(97 + j)})  {alt.text}", "", 9.5, 4.6, 13, gap=0.6)


def thread_carglumic() -> tuple[Doc, list[Ind], list[str]]:
    def header(d: Doc) -> None:
        d.set_font("helvetica", "", 7.5)
        d.set_xy(d.l_margin, 6)
        d.cell(0, 4, "1/22/26, 10:14 AM")
        d.set_xy(d.l_margin, 6)
        d.cell(0, 4, "ProviderLink | Message Center | Thread 48213", align="R")
        d.set_y(15)

    def footer(d: Doc) -> None:
        d.set_y(-11)
        d.set_font("helvetica", "", 7.5)
        d.cell(0, 4, "https://providerlink.riverbendhp.example/messages/thread/48213?print=1")
        d.set_x(d.l_margin)
        d.cell(0, 4, f"{d.page_no()}/{{nb}}", align="R")

    d = Doc(header, footer, margin=16)
    d.add_page()
    d.set_fill_color(20, 80, 110)
    d.set_text_color(255)
    d.set_font("helvetica", "B", 12)
    d.cell(0, 9, "  Riverbend Health Plan  -  ProviderLink", fill=True, new_x="LMARGIN",
           new_y="NEXT")
    d.set_text_color(0)
    _t(d, "Home > Messages > Pharmacy > Carglumic acid (Carbaglu) coverage question", "", 8,
       4)
    _t(d, "Thread status: Closed - answered. 4 messages. This thread may be shared with "
       "other staff of your practice.", "I", 8, 4)
    _message(d, "Dr. Hana Whitfield, Biochemical Genetics, Lakeside Children's", "Pharmacy "
             "Prior Authorization", "Mon 1/19/2026 4:52 PM", "Carglumic acid - what do you "
             "need?")
    _t(d, "Hello, we follow several children with urea cycle and organic acid disorders and "
       "would like to know what the plan needs before it pays for carglumic acid "
       "dispersible tablets, both for long-term use and for acute episodes. Thank you.")
    _message(d, "Pharmacy Prior Authorization (Marta Lindqvist, PharmD)", "Dr. Hana "
             "Whitfield", "Tue 1/20/2026 9:31 AM", "RE: Carglumic acid - what do you need?")
    _t(d, "Dear Dr. Whitfield, thank you for asking ahead. Our criteria for carglumic acid are "
       "below; please send the records that show each numbered point.")
    nags_q = ("Does your patient have N-acetylglutamate synthase (NAGS) deficiency with "
              "hyperammonemia?")
    _t(d, nags_q, "B")
    nags_lead = ("If so, we approve the first request for 6 months when all of these points "
                 "are shown:")
    _t(d, nags_lead)
    nags = g("all_of", nags_lead,
             c("NAGS deficiency confirmed by genetic testing showing two disease-causing "
               "variants in the NAGS gene, or by low NAGS enzyme activity in liver tissue."),
             c("Plasma ammonia above the upper limit of normal for age during at least one "
               "episode, with the value and date."),
             g("any_of", "Either of these applies:",
               c("ammonia came down after a trial of carglumic acid in hospital"),
               c("the genetic result is already known and carglumic acid is being started "
                 "before a first crisis")),
             c("A biochemical (metabolic) geneticist prescribes it or is consulted on the "
               "plan of care."),
             c("The dose is written per kilogram of body weight, with the current weight."))
    _numbered(d, nags)
    oa_q = ("Does your patient have propionic acidemia or methylmalonic acidemia and come in "
            "with high ammonia?")
    _t(d, oa_q, "B")
    oa_lead = "Then we approve up to 7 days for that episode when all of these are shown:"
    _t(d, oa_lead)
    oa = g("all_of", oa_lead,
           c("The acidemia is confirmed by urine organic acids, blood acylcarnitines or "
             "genetic testing."),
           c("Plasma ammonia in this episode is above the upper limit of normal for age."),
           c("It is given together with other ammonia-lowering care (stopping protein, "
             "intravenous glucose and lipid, and a scavenger drug or dialysis when needed)."),
           c("A metabolic geneticist or a pediatric intensive care physician directs the "
             "treatment."))
    _numbered(d, oa)
    _t(d, "Kind regards, Marta")
    _message(d, "Dr. Hana Whitfield", "Pharmacy Prior Authorization", "Tue 1/20/2026 "
             "11:05 AM", "RE: RE: Carglumic acid - what do you need?")
    _t(d, "Thank you. What do you need when a NAGS patient's approval runs out, and is "
       "anything never covered?")
    _message(d, "Pharmacy Prior Authorization (Marta Lindqvist, PharmD)", "Dr. Hana "
             "Whitfield", "Wed 1/21/2026 8:47 AM", "RE: RE: RE: Carglumic acid - what do "
             "you need?")
    nags_c_lead = ("For NAGS deficiency we renew for 12 months at a time when all three "
                   "points are shown:")
    _t(d, nags_c_lead)
    nags_c = g("all_of", nags_c_lead,
               c("Ammonia has stayed in the normal range on carglumic acid, or there have "
                 "been fewer hyperammonemic crises than before it was started."),
               c("A plasma ammonia and amino acid panel were checked in the last 6 months."),
               c("The metabolic geneticist still follows the patient at least once a year."))
    _numbered(d, nags_c)
    _t(d, "We do not cover carglumic acid for:")
    excl = [
        "Other urea cycle disorders (for example OTC or CPS1 deficiency) unless NAGS "
        "deficiency is also confirmed.",
        "Long-term use in propionic or methylmalonic acidemia between episodes.",
        "Hyperammonemia from liver failure, valproate or other acquired causes.",
        "Doses above 250 mg per kg per day.",
    ]
    for e in excl:
        _t(d, f"-  {e}", "", 9.5, 4.6, 6, gap=0.6)
    _t(d, "Marta Lindqvist, PharmD | Riverbend Health Plan Pharmacy Services | Reply to this "
       "thread; do not send protected health information by e-mail.", "I", 8.5, 4.2)
    inds = [
        Ind("N-acetylglutamate synthase (NAGS) deficiency with hyperammonemia (carglumic "
            "acid)", nags_q, ["NAGS deficiency", "hyperammonemia due to NAGS deficiency"],
            ["E72.20", "E72.29"], nags, nags_c, nags_c_lead),
        Ind("Acute hyperammonemia in propionic or methylmalonic acidemia (carglumic acid)",
            oa_q, ["propionic acidemia", "methylmalonic acidemia"], ["E71.121", "E71.120"],
            oa),
    ]
    return d, inds, excl


# =========================================================================================
# 3. UM configuration ticket: ticket fields, a description, then "Acceptance criteria" as
#    monospaced Given / When / Then scenarios, criteria as "*" lines under "When ..." and
#    "-" alternatives; an "Out of scope" list gives the exclusions.
# =========================================================================================


def _scenario(d: Doc, title: str, given: list[str], when: str, root: Crit,
              then: list[str]) -> None:
    if d.get_y() > d.page_break_trigger - 50:
        d.add_page()
    _t(d, title, "B", 9, 4.4, 0, "courier", gap=0.4)
    for line in given:
        _t(d, line, "", 9, 4.4, 5, "courier", gap=0.2)
    _t(d, when, "", 9, 4.4, 5, "courier", gap=0.2)
    for kid in root.kids:
        _t(d, f"* {kid.text}", "", 9, 4.4, 12, "courier", gap=0.2)
        for alt in kid.kids:
            _t(d, f"- {alt.text}", "", 9, 4.4, 20, "courier", gap=0.2)
    for line in then:
        _t(d, line, "", 9, 4.4, 5, "courier", gap=0.2)
    d.ln(3)


def ticket_desmopressin() -> tuple[Doc, list[Ind], list[str]]:
    def header(d: Doc) -> None:
        d.set_font("helvetica", "", 7.5)
        d.set_xy(d.l_margin, 7)
        d.cell(0, 4, "Summit Valley Health - Work Tracker")
        d.set_xy(d.l_margin, 7)
        d.cell(0, 4, "UMCFG-2291", align="R")
        d.set_y(15)

    def footer(d: Doc) -> None:
        d.set_y(-11)
        d.set_font("helvetica", "", 7.5)
        d.cell(0, 4, f"Exported 2026-01-12 08:03 by j.okafor  |  page {d.page_no()}",
               align="C")

    d = Doc(header, footer, margin=18)
    d.add_page()
    _t(d, "UMCFG-2291  Desmopressin prior authorization rules for plan year 2026", "B", 13, 6)
    d.table_head([34, d.width - 34], ["Field", "Value"])
    for k, v in (("Type", "Story"), ("Status", "DONE (released to production 2026-01-10)"),
                 ("Priority", "High"), ("Component", "Pharmacy PA rules engine"),
                 ("Labels", "pa-criteria, desmopressin, pt-committee-2025-12"),
                 ("Reporter", "Ana Kowalczyk, PharmD (clinical policy)"),
                 ("Assignee", "Jide Okafor (UM configuration)")):
        d.row([k, v])
    d.end_table()
    _t(d, "Description", "B", 11, 5.5)
    _t(d, "The P&T Committee approved new coverage rules for desmopressin acetate (tablets, "
       "nasal spray, injection) on 12/04/2025. Configure the rules below in the PA engine. "
       "The scenarios are the clinical rules as approved; reviewers use them as written. "
       "A scenario approves only when every line under its \"When\" step holds.")
    _t(d, "Acceptance criteria", "B", 11, 5.5)
    _t(d, "Feature: Desmopressin prior authorization", "B", 9, 4.4, 0, "courier")
    cdi_title = "Scenario: DDAVP-01 Central diabetes insipidus, first request"
    cdi_when = "When ALL of these are documented:"
    cdi = g("all_of", cdi_when,
            c("Polyuria of more than 3 litres a day (or more than 50 mL/kg a day in a "
              "child) with urine osmolality below 300 mOsm/kg."),
            g("any_of", "The central cause is shown by ONE of:",
              c("a water deprivation test in which urine concentrates after desmopressin is "
                "given"),
              c("a stimulated copeptin level of 4.9 pmol/L or less (hypertonic saline or "
                "arginine test)")),
            c("An endocrinologist or neurosurgeon made or confirmed the diagnosis."),
            c("Serum sodium measured within 30 days before the request is in the normal "
              "range."))
    _scenario(d, cdi_title, ["Given the member has central diabetes insipidus "
                             "(arginine vasopressin deficiency)", "And no approval for "
                             "desmopressin is on file"], cdi_when, cdi,
              ["Then approve tablets, nasal spray or injection for 12 months",
               "Otherwise pend for pharmacist review"])
    cdi_c_title = "Scenario: DDAVP-02 Central diabetes insipidus, renewal"
    cdi_c_when = "When BOTH are documented:"
    cdi_c = g("all_of", cdi_c_when,
              c("Thirst and urine output are controlled on the current dose."),
              c("Serum sodium has been checked in the last 6 months and was not below 135 "
                "mmol/L."))
    _scenario(d, cdi_c_title, ["Given the member has central diabetes insipidus",
                               "And an approval from DDAVP-01 or DDAVP-02 ends within 60 "
                               "days"], cdi_c_when, cdi_c, ["Then approve for 12 months"])
    pne_title = "Scenario: DDAVP-03 Primary nocturnal enuresis, first request"
    pne_when = "When ALL of these are documented:"
    pne = g("all_of", pne_when,
            c("The child is 6 years of age or older."),
            c("Bedwetting on at least 2 nights a week with no daytime wetting, urgency or "
              "constipation, and a normal urinalysis."),
            g("any_of", "ONE of:",
              c("an enuresis alarm was used nightly for at least 8 weeks without the child "
                "becoming dry"),
              c("the family cannot use an alarm, with the reason written down")),
            c("The family has been taught to limit drinks from 1 hour before the dose until "
              "the next morning."),
            c("The request is for tablets or melts, not the nasal spray."))
    _scenario(d, pne_title, ["Given the member has primary nocturnal enuresis "
                             "(bedwetting since toilet training)", "And this is a first "
                             "request"], pne_when, pne, ["Then approve for 3 months"])
    pne_c_title = "Scenario: DDAVP-04 Primary nocturnal enuresis, renewal"
    pne_c_when = "When ALL of these are documented:"
    pne_c = g("all_of", pne_c_when,
              c("Wet nights have fallen by at least half compared with before treatment."),
              c("A week off desmopressin is planned at least every 6 months to see whether "
                "it is still needed."),
              c("No headache, vomiting or low sodium has occurred on treatment."))
    _scenario(d, pne_c_title, ["Given the member has primary nocturnal enuresis",
                               "And an approval from DDAVP-03 or DDAVP-04 is on file"],
              pne_c_when, pne_c, ["Then approve for 6 months"])
    _t(d, "Out of scope (deny with reason code NC-14)", "B", 11, 5.5)
    excl = [
        "Nocturia from nocturnal polyuria in adults, including the low-dose nasal spray.",
        "Nephrogenic diabetes insipidus or primary polydipsia.",
        "Members with hyponatremia now or in the past, or an eGFR below 50 mL/min/1.73 m2.",
        "Nasal spray for bedwetting.",
    ]
    for k, e in enumerate(excl, 1):
        _t(d, f"{k}. {e}", "", 9.5, 4.6, 4, gap=0.6)
    _t(d, "Activity", "B", 11, 5.5)
    _t(d, "2026-01-09 J. Okafor: rules built, test cases 1-24 passed in UAT.\n2026-01-10 "
       "A. Kowalczyk: clinical sign-off; moved to DONE.", "", 8.5, 4.2)
    inds = [
        Ind("Central diabetes insipidus (desmopressin)", cdi_title,
            ["central DI", "arginine vasopressin deficiency", "AVP-D"], ["E23.2"], cdi,
            cdi_c, cdi_c_title),
        Ind("Primary nocturnal enuresis (desmopressin)", pne_title,
            ["bedwetting", "nocturnal enuresis"], ["N39.44", "R32"], pne, pne_c,
            pne_c_title),
    ]
    return d, inds, excl
