"""Second synthetic batch, part A: an Envolve-family clinical policy (blinatumomab) and an
Express Scripts-style prior authorization policy (mepolizumab). Our own words, fictional
plans; drawn with the first batch's layout engine (`../synthetic/render.py`)."""

from __future__ import annotations

from render import Crit, Doc, Ind, Item, Style, c, g, letters, numbers, romans

FILLER = (
    "Evidence for this use comes from single-arm studies, a small number of randomized "
    "trials and registry reports; the plan reviews it with the prescribing information and "
    "the guidelines listed under References, and it does not treat case reports as proof of "
    "benefit. Outcomes reported differ between studies, so results are not pooled here."
)


def rule(d: Doc, y: float) -> None:
    d.set_draw_color(140)
    d.line(d.l_margin, y, d.w - d.r_margin, y)
    d.set_draw_color(0)


# =========================================================================================
# 1. Envolve / Centene-family clinical policy: blinatumomab
# =========================================================================================

ENVOLVE = Style(markers=[numbers, letters, romans], end={"all_of": ";", "any_of": ";"},
                final=";")
PLAN = "Pinecrest Health Partners"


def envolve_blinatumomab() -> tuple[Doc, list[Ind], list[str]]:
    def header(d: Doc) -> None:
        d.set_font("helvetica", "B", 9.5)
        d.set_text_color(20, 90, 60)
        d.set_xy(d.l_margin, 9)
        d.cell(0, 4.5, "CLINICAL POLICY", align="R", new_x="LMARGIN", new_y="NEXT")
        d.set_font("helvetica", "", 9)
        d.cell(0, 4.5, "Blinatumomab", align="R")
        d.set_y(21)

    def footer(d: Doc) -> None:
        d.set_y(-15)
        d.set_font("helvetica", "", 7.5)
        d.set_text_color(90)
        d.cell(0, 3.5, f"Page {d.page_no()} of {{nb}}", align="R", new_x="LMARGIN",
               new_y="NEXT")
        d.cell(0, 3.5, f"©2026 {PLAN}. All rights reserved.", align="L")

    d = Doc(header, footer)
    d.add_page()
    d.set_font("helvetica", "B", 14)
    d.cell(0, 7, "Clinical Policy: Blinatumomab (Blincyto)", new_x="LMARGIN", new_y="NEXT")
    d.set_font("helvetica", "", 9)
    for k, v in [("Reference Number:", "ERX.SPA.412"), ("Effective Date:", "04.01.26"),
                 ("Last Review Date:", "02.26"), ("Line of Business:", "Medicaid, HIM, "
                                                  "Commercial")]:
        d.set_font("helvetica", "B", 9)
        d.cell(34, 4.5, k)
        d.set_font("helvetica", "", 9)
        d.cell(0, 4.5, v, new_x="LMARGIN", new_y="NEXT")
    d.ln(2)
    d.para("See Important Reminder at the end of this policy for important regulatory and legal "
           "information.", style="I", size=9)
    d.heading("Description", 11)
    d.para("Blinatumomab (Blincyto®) is a bispecific CD19-directed CD3 T-cell engager given by "
           "continuous intravenous infusion in 28-day cycles.")
    d.heading("FDA Approved Indication(s)", 11)
    d.para("Blincyto is indicated for the treatment of CD19-positive B-cell precursor acute "
           "lymphoblastic leukemia (ALL) in adults and children one month and older:")
    d.items([Item(0, "•", t) for t in [
        "In first or second complete remission with minimal residual disease (MRD) of at least "
        "0.1%", "That is relapsed or refractory",
        "That is Philadelphia chromosome-negative, in the consolidation phase of multiphase "
        "chemotherapy"]])
    d.heading("Policy/Criteria", 11)
    d.para("Provider must submit documentation (such as office chart notes, lab results or "
           "other clinical information) supporting that member has met all approval criteria.")
    d.para(FILLER, size=9)
    d.para(f"It is the policy of {PLAN}® and its affiliates that Blincyto is medically "
           "necessary for members meeting the following criteria:")
    d.items([Item(0, "I.", "Initial Approval Criteria", "B")])

    def section(letter: str, root: Crit, duration: str = "") -> None:
        d.items([Item(0, f"{letter}.", root.text, "B")], base=4)
        d.items(ENVOLVE.items(root), base=4 + 6.5)
        if duration:
            d.para(f"Approval duration: {duration}", indent=10.5, style="B")

    regimen = g("any_of", "Request meets one of the following (a or b):*",
                c("Dose does not exceed 28 mcg per day by continuous infusion for 4 weeks of "
                  "each 6-week cycle (members weighing 45 kg or more)"),
                c("Dose is supported by practice guidelines or peer-reviewed literature for the "
                  "relevant off-label use (prescriber must submit supporting evidence)"))
    ped = "Age at least 1 month"
    onc = "Prescribed by or in consultation with an oncologist or hematologist"
    all_ = g("all_of", "Acute Lymphoblastic Leukemia (must meet all):",
             c("Diagnosis of CD19-positive B-cell precursor acute lymphoblastic leukemia"),
             c(onc), c(ped),
             g("any_of", "Disease is one of the following (a, b, or c):",
               c("Relapsed or refractory to at least one prior line of multiagent therapy"),
               g("all_of", "In first or second complete remission, and both of the following "
                 "(i and ii):",
                 c("MRD of 0.1% or greater measured by flow cytometry or a sequencing assay"),
                 c("MRD result is dated within 60 days of the request")),
               c("Philadelphia chromosome-negative disease in the consolidation phase of "
                 "multiphase chemotherapy")),
             c("If Philadelphia chromosome-positive, member has had an inadequate response to or "
               "intolerance of at least one tyrosine kinase inhibitor (e.g., dasatinib, "
               "ponatinib)"),
             c("Blincyto is not prescribed concurrently with inotuzumab ozogamicin or CD19-"
               "directed CAR T-cell therapy"),
             regimen)
    section("A", all_, "Medicaid/HIM - 6 months (up to 4 cycles); Commercial - 6 months or to "
            "the member's renewal date, whichever is longer")
    d.para("*Prescribed regimen must be FDA-approved or recommended by NCCN.", indent=10.5,
           size=8.5, style="I")
    lbl = g("all_of", "B-Cell Lymphoblastic Lymphoma (must meet all):",
            c("Diagnosis of B-cell lymphoblastic lymphoma expressing CD19"),
            c(onc), c(ped),
            c("Disease is relapsed or refractory, or MRD-positive after induction therapy"),
            c("Blincyto will be given as a single agent or with chemotherapy as recommended by "
              "NCCN"),
            regimen)
    section("B", lbl, "6 months")
    other = g("all_of", "Other diagnoses/indications",
              c("Refer to ERX.PA.01 if diagnosis is NOT specifically listed under section III "
                "(Diagnoses/Indications for which coverage is NOT authorized)"))
    section("C", other)

    d.items([Item(0, "II.", "Continued Approval", "B")])
    cont = g("all_of", "Acute Lymphoblastic Leukemia and B-Cell Lymphoblastic Lymphoma (must "
             "meet all):",
             g("any_of", "Member meets one of the following (a or b):",
               c(f"Currently receiving medication via {PLAN} benefit and documentation "
                 "supports the member has received this medication for at least 30 days"),
               c("Member has previously met initial approval criteria in Section I.A or I.B")),
             c("Member is responding positively to therapy, with no evidence of disease "
               "progression"),
             c("Total treatment does not exceed 5 cycles for relapsed or refractory disease or "
               "4 cycles for MRD-positive or consolidation therapy"),
             c("If request is for a dose increase, new dose does not exceed 28 mcg per day"))
    section("A", cont, "6 months")
    other_c = g("any_of", "Other diagnoses/indications (must meet 1 or 2):",
                c(f"Currently receiving medication via {PLAN} benefit and documentation "
                  "supports positive response to therapy"),
                c("Refer to ERX.PA.01 if diagnosis is NOT specifically listed under section "
                  "III"))
    section("B", other_c)

    d.items([Item(0, "III.", "Diagnoses/Indications for which coverage is NOT authorized:", "B")])
    excl = ["Non-FDA approved indications, which are not addressed in this policy, unless there "
            "is sufficient documentation of efficacy and safety according to ERX.PA.01",
            "T-cell acute lymphoblastic leukemia",
            "CD19-negative B-cell malignancies"]
    d.items([Item(0, f"{k}.", t + ";") for k, t in zip("ABC", excl, strict=True)], base=4)

    d.items([Item(0, "IV.", "Appendices/General Information", "B")])
    d.para("Appendix A: Abbreviation/Acronym Key", style="B")
    d.table_head([30, d.width - 30], ["Abbreviation", "Meaning"])
    for a, b in [("ALL", "acute lymphoblastic leukemia"), ("CAR", "chimeric antigen receptor"),
                 ("MRD", "minimal residual disease"), ("NCCN", "National Comprehensive Cancer "
                                                       "Network"),
                 ("TKI", "tyrosine kinase inhibitor")]:
        d.row([a, b])
    d.end_table()
    d.para("Appendix B: Boxed Warnings", style="B")
    d.items([Item(0, "•", t) for t in ["Cytokine release syndrome, which may be life-"
                                        "threatening or fatal",
                                        "Neurological toxicities, which may be severe, "
                                        "life-threatening or fatal"]], base=4)
    d.items([Item(0, "V.", "Dosage and Administration", "B")])
    d.table_head([45, 85, d.width - 130], ["Indication", "Dosing Regimen", "Maximum Dose"])
    d.row(["Relapsed or refractory B-ALL (45 kg or more)", "Cycle 1: 9 mcg/day days 1-7, then "
           "28 mcg/day days 8-28; later cycles 28 mcg/day days 1-28", "28 mcg/day"])
    d.row(["MRD-positive B-ALL", "28 mcg/day days 1-28 of each cycle", "28 mcg/day"])
    d.row(["Consolidation, Ph-negative B-ALL", "28 mcg/day days 1-28 of each cycle",
           "28 mcg/day"])
    d.end_table()
    d.items([Item(0, "VI.", "References", "B")])
    d.items([Item(0, f"{k + 1}.", r) for k, r in enumerate([
        "Blincyto prescribing information. Revised 2025.",
        "National Comprehensive Cancer Network. Acute Lymphoblastic Leukemia. Version 2.2025.",
        "Ortega V, et al. Bispecific T-cell engagers after first remission: a pooled analysis. "
        "Leuk Ther. 2024;19:201-214."])], base=4)
    d.heading("Reviews, Revisions, and Approvals", 11)
    d.table_head([110, 30, d.width - 140], ["Revision", "Date", "P&T Approval"])
    d.row(["Consolidation indication added; B-LBL criteria added.", "02.26", "02.26"])
    d.row(["Annual review; references updated.", "02.25", "02.25"])
    d.end_table()
    d.heading("Important Reminder", 11)
    d.para("This clinical policy has been developed by appropriately experienced and licensed "
           "health care professionals. It does not constitute medical advice. " + FILLER,
           size=8.5)
    anchor = cont.text
    inds = [
        Ind("Acute Lymphoblastic Leukemia", all_.text, ["ALL", "B-ALL", "B-cell precursor ALL"],
            [], all_, cont, anchor),
        Ind("B-Cell Lymphoblastic Lymphoma", lbl.text, ["B-LBL"], [], lbl, cont, anchor),
        Ind("Other diagnoses/indications", other.text, [], [], other, other_c,
            "Continued Approval"),
    ]
    return d, inds, excl


# =========================================================================================
# 2. Express Scripts / Evernorth-style prior authorization policy: mepolizumab
# =========================================================================================

def _upper_paren(i: int) -> str:
    return f"{chr(65 + i)})"


def _lower_paren(i: int) -> str:
    return f"{chr(97 + i)})"


ESI = Style(markers=[numbers, _upper_paren, romans, _lower_paren],
            end={"all_of": "; AND", "any_of": "; OR"}, last_takes_parent=True)


def with_notes(items: list[Item], notes: dict[str, str]) -> list[Item]:
    """Insert a "Note:" paragraph (not a criterion) after the item that starts with a key."""
    out: list[Item] = []
    for it in items:
        out.append(it)
        for key, note in notes.items():
            if it.text.startswith(key):
                out.append(Item(it.level + 1, "", "Note: " + note, "I"))
    return out


def esi_mepolizumab() -> tuple[Doc, list[Ind], list[str]]:
    def header(d: Doc) -> None:
        d.set_font("helvetica", "B", 8.5)
        d.set_xy(d.l_margin, 9)
        d.cell(0, 4, "PRIOR AUTHORIZATION POLICY", align="L")
        d.set_font("helvetica", "", 8)
        d.set_xy(d.l_margin, 9)
        d.cell(0, 4, "Immunologicals - Mepolizumab PA Policy", align="R")
        rule(d, 14.5)
        d.set_y(19)

    def footer(d: Doc) -> None:
        d.set_y(-15)
        d.set_font("helvetica", "", 7.5)
        d.set_text_color(80)
        d.cell(0, 3.5, f"Page {d.page_no()} of {{nb}} - Copyright 2026 "
               "Northbridge Pharmacy Solutions. All Rights Reserved.", align="C",
               new_x="LMARGIN", new_y="NEXT")
        d.cell(0, 3.5, "Mepolizumab PA Policy  |  Utilization Review Policy 1142-C",
               align="C")

    d = Doc(header, footer)
    d.add_page()
    d.set_font("helvetica", "B", 12)
    d.cell(0, 6, "PRIOR AUTHORIZATION POLICY", new_x="LMARGIN", new_y="NEXT")
    d.set_font("helvetica", "", 9.5)
    for k, v in [("POLICY:", "Immunologicals - Mepolizumab Prior Authorization Policy"),
                 ("", "•  Nucala® (mepolizumab subcutaneous injection)"),
                 ("REVIEW DATE:", "03/11/2026")]:
        d.set_font("helvetica", "B", 9.5)
        d.cell(30, 5, k)
        d.set_font("helvetica", "", 9.5)
        d.cell(0, 5, v, new_x="LMARGIN", new_y="NEXT")
    d.heading("OVERVIEW", 10.5)
    d.para("Mepolizumab, an interleukin-5 antagonist monoclonal antibody, is indicated for "
           "severe asthma with an eosinophilic phenotype, chronic rhinosinusitis with nasal "
           "polyps, eosinophilic granulomatosis with polyangiitis and hypereosinophilic "
           "syndrome. " + FILLER)
    d.heading("Dosing", 10)
    d.para("Asthma: 100 mg subcutaneously once every 4 weeks (40 mg for ages 6 to 11). EGPA and "
           "HES: 300 mg once every 4 weeks. CRSwNP: 100 mg once every 4 weeks.")
    d.heading("POLICY STATEMENT", 10.5)
    d.para("Prior Authorization is recommended for prescription benefit coverage of Nucala. "
           "All approvals are provided for the duration noted below. In cases where the "
           "approval is authorized in months, 1 month is equal to 30 days. Because of the "
           "specialized skills required for evaluation and diagnosis of patients treated with "
           "Nucala, approval requires Nucala to be prescribed by or in consultation with a "
           "physician who specializes in the condition being treated.")
    d.heading("RECOMMENDED AUTHORIZATION CRITERIA", 10.5)
    d.para("Coverage of Nucala is recommended in those who meet one of the following criteria:")
    d.para("FDA-Approved Indications", style="BU")

    inds: list[Ind] = []

    def indication(k: int, name: str, lead: str, init: Crit, cont: Crit,
                   notes: dict[str, str] | None = None) -> None:
        d.items([Item(0, f"{k}.", f"{name}. {lead}", "B")])
        rows = [Item(1, "A)", init.text)] + ESI.items(init, 2)
        rows += [Item(1, "B)", cont.text)] + ESI.items(cont, 2)
        d.items(with_notes(rows, notes or {}), gap=0.4)
        inds.append(Ind(name, f"{name}. {lead}", [], [], init, cont, cont.text))

    duration = "Approve for the duration noted if the patient meets ONE of the following (A or B):"
    asthma = g("all_of", "Initial Therapy. Approve for 6 months if the patient meets ALL of the "
               "following (i, ii, iii, iv, and v):",
               c("Patient is 6 years of age or older"),
               c("Patient has a blood eosinophil level of 150 cells per microliter or more within "
                 "the previous 6 weeks"),
               c("Patient has received at least 3 consecutive months of combination therapy with "
                 "BOTH of the following: an inhaled corticosteroid and at least one additional "
                 "asthma controller or maintenance medication"),
               g("any_of", "Patient's asthma continues to be uncontrolled as defined by ONE of the "
                 "following (a, b, c, or d):",
                 c("Patient experienced two or more asthma exacerbations requiring treatment "
                   "with systemic corticosteroids in the previous year"),
                 c("Patient experienced one or more asthma exacerbations requiring "
                   "hospitalization or an emergency department visit in the previous year"),
                 c("Patient has a forced expiratory volume in 1 second (FEV1) less than 80% "
                   "predicted"),
                 c("Patient is receiving maintenance oral corticosteroids for asthma")),
               c("The medication is prescribed by or in consultation with an allergist, "
                 "immunologist, or pulmonologist"))
    asthma_c = g("all_of", "Patient is Currently Receiving Nucala. Approve for 1 year if the "
                 "patient meets ALL of the following (i, ii, and iii):",
                 c("Patient has already received at least 6 months of therapy with Nucala"),
                 c("Patient continues to receive therapy with an inhaled corticosteroid"),
                 c("Patient has responded to Nucala therapy as determined by the prescriber"))
    indication(1, "Asthma", duration, asthma, asthma_c, {
        "Patient has received at least 3": "An exception to the requirement for a trial of one "
        "additional asthma controller can be made if the patient has already received anti-IL-"
        "5 therapy or anti-IgE therapy used concomitantly with an inhaled corticosteroid.",
        "Patient has already received at least 6": "A patient who has received less than 6 "
        "months of therapy or who is restarting therapy is reviewed under criterion A above."})
    d.para(FILLER, size=9)

    nasal = g("all_of", "Initial Therapy. Approve for 6 months if the patient meets ALL of the "
              "following (i, ii, iii, iv, and v):",
              c("Patient is 18 years of age or older"),
              c("Patient has chronic rhinosinusitis with nasal polyps as evidenced by direct "
                "examination, endoscopy, or sinus computed tomography scan"),
              c("Patient has experienced two or more of the following symptoms for at least 6 "
                "months: nasal congestion, nasal obstruction, nasal discharge, reduction or loss "
                "of smell"),
              g("any_of", "Patient meets ONE of the following (a or b):",
                c("Patient has received at least 4 weeks of therapy with an intranasal "
                  "corticosteroid"),
                c("Patient has had sinonasal surgery for nasal polyps in the past")),
              c("The medication is prescribed by or in consultation with an allergist, "
                "immunologist, or an otolaryngologist"))
    nasal_c = g("all_of", "Patient is Currently Receiving Nucala. Approve for 1 year if the "
                "patient meets ALL of the following (i, ii, and iii):",
                c("Patient has already received at least 6 months of therapy with Nucala"),
                c("Patient continues to receive therapy with an intranasal corticosteroid"),
                c("Patient has responded to therapy as determined by the prescriber, such as a "
                  "smaller nasal polyp size or less nasal congestion"))
    indication(2, "Chronic Rhinosinusitis with Nasal Polyps", duration, nasal, nasal_c)

    egpa = g("all_of", "Initial Therapy. Approve for 1 year if the patient meets ALL of the "
             "following (i, ii, iii, and iv):",
             c("Patient is 18 years of age or older"),
             c("Patient has active, non-severe disease"),
             c("Patient has or has had a blood eosinophil level of 150 cells per microliter or "
               "more before treatment with any anti-interleukin-5 therapy"),
             c("The medication is prescribed by or in consultation with an allergist, "
               "immunologist, pulmonologist, or rheumatologist"))
    egpa_c = g("all_of", "Patient is Currently Receiving Nucala. Approve for 1 year if the "
               "patient meets BOTH of the following (i and ii):",
               c("Patient has already received at least 6 months of therapy with Nucala"),
               c("Patient has responded to therapy, such as fewer relapses or a lower "
                 "corticosteroid dose"))
    indication(3, "Eosinophilic Granulomatosis with Polyangiitis", duration, egpa, egpa_c)
    d.items([Item(0, "4.", "Hypereosinophilic Syndrome. Approve for 1 year if the patient has "
                  "had the syndrome for at least 6 months without a secondary cause.", "B")])
    inds.append(Ind("Hypereosinophilic Syndrome", "Hypereosinophilic Syndrome. Approve for 1 "
                    "year", ["HES"]))
    inds[0].aliases = ["eosinophilic asthma", "severe asthma"]
    inds[1].aliases = ["CRSwNP", "nasal polyps"]
    inds[2].aliases = ["EGPA", "Churg-Strauss syndrome"]

    d.heading("CONDITIONS NOT COVERED", 10.5)
    d.para("Nucala is not recommended in the following situations:")
    excl = ["Concurrent use with another anti-interleukin-5 or anti-IgE monoclonal antibody",
            "Chronic obstructive pulmonary disease without an eosinophilic asthma diagnosis",
            "Atopic dermatitis", "Eosinophilic esophagitis"]
    notes = {excl[0]: "Examples are Fasenra, Cinqair, Xolair and Tezspire.",
             excl[2]: "Studies did not show a clinically meaningful benefit."}
    d.items(with_notes([Item(0, f"{k + 1}.", t + ".") for k, t in enumerate(excl)], notes))
    d.heading("REFERENCES", 10.5)
    d.items([Item(0, f"{k + 1}.", r) for k, r in enumerate([
        "Nucala subcutaneous injection prescribing information. Revised 2025.",
        "Global Initiative for Asthma. Global strategy for asthma management and prevention. "
        "2025.", "Ruiz P, et al. Anti-IL-5 therapy in EGPA: 52-week outcomes. Vasc Med Rev. "
        "2023;7:14-29."])])
    d.heading("HISTORY", 10.5)
    d.table_head([30, d.width - 60, 30], ["Type of Revision", "Summary of Changes",
                                          "Review Date"])
    d.row(["Annual Revision", "Asthma: eosinophil threshold clarified; Note added.",
           "03/11/2026"])
    d.row(["Selected Revision", "CRSwNP: sinonasal surgery option added.", "09/18/2025"])
    d.end_table()
    return d, inds, excl
