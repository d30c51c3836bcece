"""Fifth synthetic batch, part B: a state Medicaid clinical-criteria grid (Washington / New
York-style), the criteria in a two-column ruled table "Population | Clinical criteria" whose
rows cross a page break, palivizumab; a Medi-Cal / CareSource-style prior authorization
criteria sheet, "Medication is approved for ... when ALL of the following are met:" over
lettered items with "ANY ONE of the following is met:" sub-lists, cannabidiol oral solution.
Our own words, fictional plans; drawn with the first batch's layout engine
(`../synthetic/render.py`)."""

from __future__ import annotations

from payers5_a import rule
from render import Crit, Doc, Ind, Item, c, g, letters, numbers, romans


def numbered(group: Crit, level: int = 0) -> list[Item]:
    """1. / a. / i. markers by level; a sub-list's lead-in is an item of its own."""
    mk = [numbers, letters, romans][min(level, 2)]
    out: list[Item] = []
    for k, kid in enumerate(group.kids):
        out.append(Item(level, mk(k), kid.text))
        if kid.is_group:
            out.extend(numbered(kid, level + 1))
    return out


# =========================================================================================
# 4. State Medicaid clinical criteria grid: palivizumab. A drug information grid, then one
#    ruled two-column table: the population on the left, the clinical criteria on the right
#    (a bold lead-in "Approve when ALL of the following are met:" over 1. / a. / i. items).
#    One row holds two branches (first and second RSV season). Rows split across pages with
#    the column header repeated.
# =========================================================================================


def medicaid_palivizumab() -> tuple[Doc, list[Ind], list[str]]:
    agency = "North Plains Department of Human Services"

    def header(d: Doc) -> None:
        d.set_font("helvetica", "B", 9)
        d.set_xy(d.l_margin, 8)
        d.cell(0, 4, agency, align="L")
        d.set_font("helvetica", "", 8.5)
        d.set_xy(d.l_margin, 12)
        d.cell(0, 4, "Medicaid Pharmacy Program  -  Clinical Criteria", align="L")
        d.set_xy(d.l_margin, 8)
        d.cell(0, 4, "Palivizumab (Synagis)", align="R")
        rule(d, 17, 60, 0.5)
        d.set_y(22)

    def footer(d: Doc) -> None:
        d.set_y(-14)
        d.set_font("helvetica", "", 8)
        d.cell(0, 3.5, "Policy: Palivizumab  |  Effective 11/01/2025  |  Revised 10/14/2025",
               align="L")
        d.set_xy(d.l_margin, d.get_y())
        d.cell(0, 3.5, f"{d.page_no()}", align="R")

    d = Doc(header, footer)
    d.add_page()
    d.set_font("helvetica", "B", 13)
    d.cell(0, 7, "Palivizumab (Synagis) for RSV Prophylaxis", new_x="LMARGIN", new_y="NEXT")
    d.ln(1)
    d.table_head([50, d.width - 50], ["Item", "Program information"])
    for k, v in [("Drug", "Palivizumab (Synagis) 50 mg/0.5 mL and 100 mg/1 mL vials"),
                 ("Authorization type", "Clinical prior authorization, pharmacy benefit"),
                 ("Programs", "Fee-for-service and all managed care plans"),
                 ("RSV season", "November 1 through March 31, unless the agency announces an "
                  "earlier start based on state surveillance data"),
                 ("Length of authorization", "Through the end of the season, no more than 5 "
                  "monthly doses")]:
        d.row([k, v])
    d.end_table()
    d.heading("Background", 10.5)
    d.para("Palivizumab is a monoclonal antibody that gives passive protection against "
           "respiratory syncytial virus (RSV). Long-acting nirsevimab and maternal RSV "
           "vaccination now protect most infants; palivizumab remains an option for high-risk "
           "infants who have had neither. Doses are given monthly at 15 mg/kg during the "
           "season.")
    d.para("Infants and children enrolled in the program after their first dose elsewhere may "
           "continue palivizumab for the rest of the season when the record shows they met the "
           "criteria below at the first dose. Doses given in a hospital before discharge are "
           "billed on the medical benefit and do not count against the pharmacy authorization. "
           "Managed care plans may not apply criteria stricter than those in this document, "
           "and must decide a complete request within 24 hours.")
    d.heading("Clinical criteria", 10.5)
    d.para("A request must meet the criteria in the row for the child's condition. Gestational "
           "age is counted in completed weeks and days.", size=9.5)

    no_nirse = "Infant has not received nirsevimab this season and none is planned"
    no_vacc = ("Birth mother did not receive an RSV vaccine 14 or more days before the "
               "delivery")
    pre = g("all_of", "Approve when ALL of the following are met:",
            c("Infant was born at 28 weeks, 6 days of gestation or earlier"),
            c("Infant is younger than 12 months at the start of the RSV season"),
            c(no_nirse), c(no_vacc))
    cld = g("all_of", "First RSV season. Approve when ALL of the following are met:",
            c("Infant was born before 32 weeks, 0 days of gestation"),
            c("Infant needed more than 21% oxygen for at least the first 28 days after birth"),
            c("Infant is younger than 12 months at the start of the RSV season"),
            c(no_nirse), c(no_vacc))
    cld2 = g("all_of", "Second RSV season. Approve when ALL of the following are met:",
             c("Child met the first-season criteria above for chronic lung disease of "
               "prematurity"),
             c("Child is younger than 24 months at the start of the second season"),
             g("any_of", "Child received ONE of the following in the 6 months before the "
               "start of the second season:",
               c("Chronic systemic corticosteroid therapy"),
               c("Diuretic therapy"),
               c("Supplemental oxygen")),
             c("Child has not received nirsevimab for the second season"))
    chd = g("all_of", "Approve when ALL of the following are met:",
            c("Infant is younger than 12 months at the start of the RSV season"),
            g("any_of", "Infant has ONE of the following:",
              g("all_of", "Acyanotic heart disease with BOTH of the following:",
                c("Daily medication to control congestive heart failure"),
                c("Cardiac surgery planned or expected")),
              c("Moderate to severe pulmonary hypertension confirmed by echocardiogram"),
              c("Cyanotic heart disease, when a pediatric cardiologist recommends "
                "palivizumab")),
            c("Infant has not had cardiac bypass surgery in the current season, or a "
              "post-operative dose is requested"),
            c(no_nirse), c(no_vacc))
    other = g("all_of", "Approve when ALL of the following are met:",
              g("any_of", "Child has ONE of the following:",
                c("Neuromuscular disease or a congenital airway anomaly that impairs the "
                  "clearing of secretions"),
                c("Cystic fibrosis with chronic lung disease or weight below the 10th "
                  "percentile for length"),
                c("Profound immunocompromise, such as a solid organ or stem cell transplant "
                  "or chemotherapy")),
              c("Child is younger than 12 months at the start of the RSV season, or "
                "younger than 24 months when profoundly immunocompromised"),
              c(no_nirse))

    def cell(*parts: tuple[Crit, str]) -> list[Item]:
        out: list[Item] = []
        for k, (root, note) in enumerate(parts):
            if k:
                out.append(Item(0, "", ""))
            out.append(Item(0, "", root.text, "B"))
            out.extend(numbered(root))
            if note:
                out.append(Item(0, "", note, "I"))
        return out

    d.table_head([44, d.width - 44], ["Population", "Clinical criteria"])
    rows = [
        ("Preterm infants without chronic lung disease or heart disease", [(pre,
         "Authorization: up to 5 monthly doses in the season.")]),
        ("Chronic lung disease (CLD) of prematurity", [(cld, "Authorization: up to 5 "
         "monthly doses."), (cld2, "Authorization: up to 5 monthly doses in the second "
         "season.")]),
        ("Hemodynamically significant congenital heart disease (CHD)", [(chd,
         "Authorization: up to 5 monthly doses; one extra dose after bypass surgery.")]),
        ("Other high-risk conditions", [(other, "Authorization: up to 5 monthly doses.")]),
    ]
    for left, parts in rows:
        d.row([[Item(0, "", left, "B")], cell(*parts)])
    d.end_table()

    inds = [
        Ind("Preterm infants without chronic lung disease or heart disease",
            "Preterm infants without chronic lung disease or heart disease",
            ["prematurity", "preterm birth 28 weeks 6 days or earlier"], ["P07.2", "P07.3"],
            pre),
        Ind("Chronic lung disease of prematurity", "Chronic lung disease (CLD) of prematurity",
            ["CLD", "bronchopulmonary dysplasia", "BPD"], ["P27.1"], cld, cld2,
            "Second RSV season. Approve when"),
        Ind("Hemodynamically significant congenital heart disease",
            "Hemodynamically significant congenital heart disease (CHD)",
            ["CHD", "congenital heart disease"], ["Q20-Q26"], chd),
        Ind("Other high-risk conditions", "Other high-risk conditions",
            ["neuromuscular disease", "cystic fibrosis", "immunocompromise"], [], other),
    ]

    d.heading("Not covered", 10.5)
    d.para("Palivizumab is not authorized for any of the following:", size=9.5)
    excl = ["Infants who received nirsevimab in the same season",
            "Treatment of an active RSV infection",
            "Further doses in a season after a breakthrough RSV hospitalization",
            "More than 5 doses in one season, except the post-bypass dose above",
            "Children 24 months of age or older at the start of the season"]
    d.items([Item(0, f"{k + 1}.", t) for k, t in enumerate(excl)], base=3, gap=0.3)
    d.heading("Submitting a request", 10.5)
    d.para("Send the agency's general prior authorization form with the infant's gestational "
           "age at birth, birth weight, current weight, the conditions that qualify and the "
           "dates of any RSV immunization. Requests for a second season must include the "
           "medications and oxygen given in the past 6 months.")
    d.heading("References", 10.5)
    d.items([Item(0, f"{k + 1}.", r) for k, r in enumerate([
        "Synagis (palivizumab) prescribing information. Revised 2021.",
        "Grandin E, Soto M. RSV immunoprophylaxis for infants after nirsevimab. Pediatr "
        "Infect Rev. 2024;12:88-97."])])
    return d, inds, excl


# =========================================================================================
# 5. Medi-Cal / CareSource-style prior authorization criteria: cannabidiol oral solution.
#    Label/value lines, then per indication "Initial authorization" and (two of them)
#    "Reauthorization"; "Medication is approved for ... when ALL of the following are met:"
#    over lettered items A. / 1. / a.; sub-lists say "ANY ONE of the following is met:".
#    The reauthorization of the third indication points back to the first.
# =========================================================================================


def medical_cannabidiol() -> tuple[Doc, list[Ind], list[str]]:
    plan = "Pacific Shores Community Health Plan"

    def upper_(i: int) -> str:
        return f"{chr(65 + i)}."

    def lettered(group: Crit, level: int = 0) -> list[Item]:
        mk = [upper_, numbers, letters][min(level, 2)]
        out: list[Item] = []
        for k, kid in enumerate(group.kids):
            out.append(Item(level, mk(k), kid.text))
            if kid.is_group:
                out.extend(lettered(kid, level + 1))
        return out

    def header(d: Doc) -> None:
        d.set_font("helvetica", "B", 10)
        d.set_text_color(0, 110, 80)
        d.set_xy(d.l_margin, 8)
        d.cell(0, 5, plan, align="L")
        d.set_text_color(0)
        d.set_font("helvetica", "", 8.5)
        d.set_xy(d.l_margin, 13)
        d.cell(0, 4, "Medi-Cal Managed Care  |  Pharmacy Prior Authorization Criteria",
               align="L")
        d.set_xy(d.l_margin, 8.5)
        d.cell(0, 4, f"Page {d.page_no()} of {{nb}}", align="R")
        rule(d, 18, 0, 0.3)
        d.set_y(22)

    def footer(d: Doc) -> None:
        d.set_y(-13)
        d.set_font("helvetica", "I", 7.5)
        d.cell(0, 3.5, "Cannabidiol oral solution  -  PA criteria  -  approved by the Pharmacy "
               "and Therapeutics Committee 11/2025", align="C")

    d = Doc(header, footer)
    d.add_page()
    d.set_font("helvetica", "B", 13)
    d.cell(0, 7, "CANNABIDIOL ORAL SOLUTION (EPIDIOLEX)", new_x="LMARGIN", new_y="NEXT")
    d.ln(1)
    for k, v in [("Drug class:", "Antiseizure medication, cannabinoid"),
                 ("Formulary status:", "Non-formulary; prior authorization required"),
                 ("Prescriber:", "Neurologist or epileptologist, or in consultation with one"),
                 ("Quantity limit:", "Up to 25 mg/kg/day; five 100 mL bottles per 30 days")]:
        d.set_font("helvetica", "B", 9.5)
        d.cell(36, 4.8, k)
        d.set_font("helvetica", "", 9.5)
        d.cell(0, 4.8, v, new_x="LMARGIN", new_y="NEXT")
    d.ln(1)
    d.para("Cannabidiol is a plant-derived cannabinoid approved as add-on treatment of seizures "
           "in three rare epilepsies. It raises liver enzymes, mostly in patients also taking "
           "valproate, and interacts with clobazam. Seizure counts are taken from a diary or "
           "chart notes covering at least 4 weeks.", size=9.5)

    inds: list[Ind] = []
    liver = c("Serum ALT, AST and total bilirubin were measured within the 30 days before the "
              "request")
    addon = c("Cannabidiol will be added to at least one other antiseizure medication")
    lgs = g("all_of", "Medication is approved for Lennox-Gastaut syndrome when ALL of the "
            "following are met:",
            c("Patient is 1 year of age or older"),
            c("Diagnosis is supported by an EEG showing slow spike-and-wave discharges and "
              "by more than one seizure type, including tonic seizures"),
            g("any_of", "ANY ONE of the following is met:",
              c("Patient has had an inadequate response to two or more antiseizure "
                "medications taken at adequate doses, such as clobazam, valproate, "
                "lamotrigine, rufinamide or topiramate"),
              c("Patient could not tolerate, or has a contraindication to, both valproate "
                "and clobazam")),
            addon, liver)
    renew = g("all_of", "Medication is approved for continued treatment when ALL of the "
              "following are met:",
              g("any_of", "ANY ONE of the following is met:",
                c("Seizure frequency has fallen by 25% or more from the baseline count"),
                c("Seizures are shorter or less severe and rescue medication is needed less "
                  "often"),
                c("Emergency visits or hospital stays for seizures have become fewer")),
              c("The most recent ALT and AST are below 3 times the upper limit of normal, or "
                "the prescriber documents a plan to lower the dose"),
              c("The dose does not exceed 25 mg/kg a day"))
    dravet = g("all_of", "Medication is approved for Dravet syndrome when ALL of the following "
               "are met:",
               c("Patient is 1 year of age or older"),
               g("any_of", "ANY ONE of the following is met:",
                 c("Genetic testing shows a pathogenic SCN1A variant"),
                 c("Seizures began in the first year of life with prolonged febrile and "
                   "afebrile seizures, followed by other seizure types and developmental "
                   "slowing")),
               g("any_of", "ANY ONE of the following is met:",
                 c("Patient has had an inadequate response to two or more antiseizure "
                   "medications, such as valproate, clobazam, stiripentol or fenfluramine"),
                 c("Patient could not tolerate, or has a contraindication to, valproate and "
                   "clobazam")),
               c("Sodium channel blockers such as carbamazepine, oxcarbazepine and lamotrigine "
                 "are not part of the current regimen"),
               addon, liver)
    tsc = g("all_of", "Medication is approved for seizures associated with tuberous sclerosis "
            "complex (TSC) when ALL of the following are met:",
            c("Patient is 1 year of age or older"),
            g("any_of", "ANY ONE of the following is met:",
              c("Genetic testing shows a pathogenic TSC1 or TSC2 variant"),
              c("A clinical diagnosis of definite TSC is documented by the neurologist")),
            c("Seizures continue despite at least one antiseizure medication, such as "
              "vigabatrin or everolimus, taken for at least 8 weeks"),
            addon, liver)

    def section(title: str) -> None:
        d.ln(2)
        if d.get_y() > d.h - 60:
            d.add_page()
        d.set_font("helvetica", "B", 11)
        d.cell(0, 6, title, new_x="LMARGIN", new_y="NEXT")
        rule(d, d.get_y(), 150)
        d.ln(1.5)

    def branch(label: str, root: Crit, approval: str) -> None:
        d.para(label, style="BU", size=10)
        d.para(root.text)
        d.items(lettered(root), base=3, gap=0.4)
        d.para(f"Approval duration: {approval}", size=9.5, style="I")

    section("Indication 1: Lennox-Gastaut syndrome (LGS)")
    branch("Initial authorization", lgs, "6 months")
    branch("Reauthorization", renew, "12 months")
    inds.append(Ind("Lennox-Gastaut syndrome", "Indication 1: Lennox-Gastaut syndrome (LGS)",
                    ["LGS"], ["G40.811", "G40.812", "G40.813", "G40.814"], lgs, renew,
                    "Reauthorization Medication is approved for continued"))
    section("Indication 2: Dravet syndrome")
    branch("Initial authorization", dravet, "6 months")
    d.para("Reauthorization", style="BU", size=10)
    d.para("Use the reauthorization criteria under Indication 1.")
    inds.append(Ind("Dravet syndrome", "Indication 2: Dravet syndrome",
                    ["severe myoclonic epilepsy of infancy", "SMEI"],
                    ["G40.831", "G40.832", "G40.833", "G40.834"], dravet))
    section("Indication 3: Seizures associated with tuberous sclerosis complex (TSC)")
    branch("Initial authorization", tsc, "6 months")
    inds.append(Ind("Seizures associated with tuberous sclerosis complex",
                    "Indication 3: Seizures associated with tuberous sclerosis complex",
                    ["TSC"], ["Q85.1"], tsc))

    section("Exclusions")
    d.para("Medication is NOT approved for:")
    excl = ["Epilepsy syndromes or seizure types other than those listed above",
            "Anxiety, chronic pain, sleep disorders or any use outside epilepsy",
            "Cannabis or cannabidiol products that are not FDA approved, including "
            "dispensary products",
            "Use as the only antiseizure medication"]
    d.items([Item(0, upper_(k), t) for k, t in enumerate(excl)], base=3, gap=0.3)
    section("References")
    d.items([Item(0, f"{k + 1}.", r) for k, r in enumerate([
        "Epidiolex (cannabidiol) oral solution prescribing information. Revised 2024.",
        "Marchetti V, Okafor B. Add-on cannabidiol in developmental epileptic "
        "encephalopathies. Epilepsy Ther. 2022;18:140-152."])])
    return d, inds, excl
