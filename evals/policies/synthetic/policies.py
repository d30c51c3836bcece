"""The six synthetic policies: content (our own words, fictional plans) and layout."""

from __future__ import annotations

from render import (
    Crit,
    Doc,
    Ind,
    Item,
    Policy,
    Style,
    bullet,
    c,
    g,
    letters,
    numbers,
    paren,
    romans,
    upper,
)

MARK = 7.0  # Kaiser-style criteria indent under an indication
FILLER = (
    "The studies summarized here differ in design, follow-up and the outcomes they measured; "
    "the plan weighs them together with the prescribing information and the recommendations "
    "of the specialty societies named in the references. Where evidence was limited to case "
    "series, the plan did not treat it as establishing benefit."
)


def rule(doc: Doc, y: float) -> None:
    doc.set_draw_color(120)
    doc.line(doc.l_margin, y, doc.w - doc.r_margin, y)
    doc.set_draw_color(0)


# =========================================================================================
# 1. UnitedHealthcare-style commercial medical benefit drug policy: dupilumab
# =========================================================================================

INIT_NOTE = "Initial authorization will be for no more than 12 months."
RENEW_NOTE = "Reauthorization will be for no more than 12 months."
UHC = Style(
    markers=[bullet("•"), bullet("o"), bullet("-")],
    end={"all_of": "; and", "any_of": "; or"},
    last_takes_parent=True,
)


def uhc_dupilumab() -> tuple[Doc, list[Ind], list[str]]:
    def header(d: Doc) -> None:
        if d.page_no() == 1:
            return
        d.set_font("helvetica", "B", 9)
        d.set_xy(d.l_margin, 10)
        d.cell(0, 4, "Dupilumab (Dupixent®)", align="L")
        d.set_font("helvetica", "", 9)
        d.set_xy(d.l_margin, 10)
        d.cell(0, 4, f"Page {d.page_no()} of {{nb}}", align="R")
        rule(d, 15.5)
        d.set_y(20)

    def footer(d: Doc) -> None:
        d.set_y(-17)
        d.set_font("helvetica", "", 7.5)
        d.set_text_color(90)
        d.cell(0, 3.5, f"Dupilumab (Dupixent®)     Page {d.page_no()} of {{nb}}", align="L",
               new_x="LMARGIN", new_y="NEXT")
        d.cell(0, 3.5, "Northfield Health Plans Commercial Medical Benefit Drug Policy     "
               "Effective 03/01/2026", new_x="LMARGIN", new_y="NEXT")
        d.cell(0, 3.5, "Proprietary Information of Northfield Health Plans. Copyright 2026 "
               "Northfield Health Plans, Inc.", new_x="LMARGIN", new_y="NEXT")

    d = Doc(header, footer)
    d.add_page()
    d.set_font("helvetica", "B", 16)
    d.cell(0, 8, "Dupilumab (Dupixent®)", new_x="LMARGIN", new_y="NEXT")
    d.set_font("helvetica", "", 9)
    d.cell(0, 5, "Policy Number: 2026R0417B", new_x="LMARGIN", new_y="NEXT")
    d.cell(0, 5, "Effective Date: March 1, 2026", new_x="LMARGIN", new_y="NEXT")
    d.cell(0, 5, "Instructions for Use", new_x="LMARGIN", new_y="NEXT")
    d.ln(2)
    d.heading("Table of Contents", 11)
    for title, page in [("Coverage Rationale", 1), ("Applicable Codes", 4),
                        ("Background", 4), ("Benefit Considerations", 4),
                        ("Clinical Evidence", 4), ("U.S. Food and Drug Administration", 5),
                        ("References", 5),
                        ("Policy History/Revision Information", 5),
                        ("Instructions for Use", 5)]:
        d.cell(120, 4.5, title + " " + "." * 40)
        d.cell(0, 4.5, str(page), align="R", new_x="LMARGIN", new_y="NEXT")
    d.heading("Related Commercial Policies", 11)
    d.items([Item(0, "•", t) for t in ["Omalizumab (Xolair®)", "Mepolizumab (Nucala®)",
                                       "Tezepelumab-ekko (Tezspire®)",
                                       "Review at Launch for New to Market Medications"]])
    d.heading("Application", 11)
    d.para("This Medical Benefit Drug Policy applies to Northfield commercial plans in every "
           "state except where a state mandate requires otherwise. It does not apply to "
           "Medicare Advantage or Medicaid plans, which have their own policies. Self-funded "
           "employer plans may choose to exclude specialty drugs from the medical benefit; "
           "check the plan document first.")
    d.heading("Coverage Rationale", 13)
    d.para("See Benefit Considerations. This policy refers only to Dupixent (dupilumab) given "
           "by subcutaneous injection. Where a member's plan administers Dupixent under the "
           "pharmacy benefit, the pharmacy criteria of that plan apply instead.")
    d.para("Dupixent is supplied as single-dose prefilled syringes and prefilled pens of 200 mg "
           "and 300 mg, and as 100 mg prefilled syringes for young children. The quantity "
           "approved follows the dosing in the prescribing information; a loading dose is "
           "approved once, at the start of therapy. Requests above the labeled dosing are "
           "reviewed under the plan's dose-optimization program and are not addressed here.")

    inds: list[Ind] = []

    def branch(label: str, root: Crit, note: str = "") -> None:
        d.heading(label, 10.5, "BI", 1)
        d.para(root.text)
        d.items(UHC.items(root))
        if note:
            d.para(note)

    # --- atopic dermatitis -----------------------------------------------------------------
    d.heading("Atopic Dermatitis", 11.5)
    lead = ("Dupixent is proven and medically necessary for the treatment of moderate-to-severe "
            "atopic dermatitis when all of the following criteria are met:")
    ad_init = g("all_of", lead,
                c("Diagnosis of moderate-to-severe atopic dermatitis"),
                c("Patient is 6 months of age or older"),
                g("any_of", "One of the following:",
                  c("Involvement of at least 10% of body surface area (BSA)"),
                  c("Involvement of the hands, feet, face, or genitals that interferes with "
                    "daily activities")),
                g("any_of", "History of failure, contraindication, or intolerance to one of the "
                  "following topical therapies:",
                  c("A medium, high, or very high potency topical corticosteroid used daily "
                    "for at least 4 weeks"),
                  c("A topical calcineurin inhibitor (e.g., tacrolimus, pimecrolimus)"),
                  c("A topical phosphodiesterase-4 inhibitor (e.g., crisaborole)")),
                c("Prescribed by, or in consultation with, a dermatologist, allergist, or "
                  "immunologist"),
                c("Patient is not receiving Dupixent in combination with another biologic or a "
                  "systemic Janus kinase inhibitor for the same indication"))
    branch("Initial Therapy", ad_init, INIT_NOTE)
    lead_c = ("Dupixent is proven and medically necessary for the continued treatment of "
              "atopic dermatitis when all of the following criteria are met:")
    ad_cont = g("all_of", lead_c,
                g("any_of", "Documentation of a positive clinical response to Dupixent therapy as "
                  "shown by one of the following:",
                  c("Reduction in body surface area affected compared with baseline"),
                  c("Reduction in itch severity or sleep loss compared with baseline")),
                c("Prescribed by, or in consultation with, a dermatologist, allergist, or "
                  "immunologist"),
                c("Patient is not receiving Dupixent in combination with another biologic or a "
                  "systemic Janus kinase inhibitor for the same indication"))
    branch("Continuation of Therapy", ad_cont, RENEW_NOTE)
    inds.append(Ind("Atopic Dermatitis", lead, ["AD", "eczema"], ["L20.0-L20.9"],
                    ad_init, ad_cont, lead_c))

    # --- asthma ----------------------------------------------------------------------------
    d.heading("Asthma", 11.5)
    lead = ("Dupixent is proven and medically necessary for the add-on maintenance treatment of "
            "moderate-to-severe asthma when all of the following criteria are met:")
    as_init = g("all_of", lead,
                c("Diagnosis of moderate-to-severe asthma"),
                c("Patient is 6 years of age or older"),
                g("at_least", "Asthma is uncontrolled or inadequately controlled, as shown by at "
                  "least two of the following:",
                  c("Asthma Control Questionnaire score that stays above 1.5, or Asthma Control "
                    "Test score below 20"),
                  c("Two or more courses of systemic corticosteroids lasting at least 3 days "
                    "each in the past 12 months"),
                  c("An emergency department visit or hospital admission for asthma in the past "
                    "12 months"),
                  c("Airflow limitation with FEV1 below 80% of predicted after an appropriate "
                    "bronchodilator withhold"), n=2),
                g("any_of", "One of the following:",
                  c("Eosinophilic phenotype with a blood eosinophil count of 150 cells/µL or "
                    "higher within the past 6 weeks"),
                  c("Asthma that depends on daily oral corticosteroids")),
                g("any_of", "Dupixent will be used together with one of the following controller "
                  "regimens:",
                  c("A high-dose inhaled corticosteroid combined with a long-acting beta2 "
                    "agonist (ICS/LABA)"),
                  c("A high-dose inhaled corticosteroid plus one other controller medicine "
                    "(e.g., a leukotriene receptor antagonist, tiotropium)")),
                c("Prescribed by, or in consultation with, a pulmonologist or an allergist/"
                  "immunologist"),
                c("Patient is not receiving Dupixent together with an anti-IgE, anti-IL-5, or "
                  "anti-TSLP biologic"))
    branch("Initial Therapy", as_init, INIT_NOTE)
    lead_c = ("Dupixent is proven and medically necessary for the continued add-on treatment of "
              "asthma when all of the following criteria are met:")
    as_cont = g("all_of", lead_c,
                c("Documentation of a positive clinical response, such as fewer exacerbations, "
                  "better symptom control, or a lower oral corticosteroid dose"),
                c("Dupixent continues to be used with an inhaled corticosteroid-containing "
                  "controller regimen"),
                c("Prescribed by, or in consultation with, a pulmonologist or an allergist/"
                  "immunologist"),
                c("Patient is not receiving Dupixent together with an anti-IgE, anti-IL-5, or "
                  "anti-TSLP biologic"))
    branch("Continuation of Therapy", as_cont, RENEW_NOTE)
    inds.append(Ind("Asthma", lead, ["eosinophilic asthma", "oral corticosteroid-dependent asthma"],
                    ["J45.40-J45.51"], as_init, as_cont, lead_c))

    # --- CRSwNP ----------------------------------------------------------------------------
    d.heading("Chronic Rhinosinusitis with Nasal Polyps (CRSwNP)", 11.5)
    lead = ("Dupixent is proven and medically necessary for the add-on maintenance treatment of "
            "CRSwNP when all of the following criteria are met:")
    rs_init = g("all_of", lead,
                c("Diagnosis of chronic rhinosinusitis with nasal polyps confirmed by nasal "
                  "endoscopy or computed tomography"),
                c("Patient is 12 years of age or older"),
                c("Patient has had an inadequate response to at least 8 weeks of an intranasal "
                  "corticosteroid, unless one is contraindicated"),
                c("Dupixent will be used together with an intranasal corticosteroid"),
                c("Prescribed by, or in consultation with, an otolaryngologist, allergist, or "
                  "immunologist"))
    branch("Initial Therapy", rs_init)
    lead_c = ("Dupixent is proven and medically necessary for the continued treatment of CRSwNP "
              "when all of the following criteria are met:")
    rs_cont = g("all_of", lead_c,
                c("Documentation of a positive clinical response, such as a smaller polyp score "
                  "or less nasal congestion"),
                c("Dupixent continues to be used together with an intranasal corticosteroid"))
    branch("Continuation of Therapy", rs_cont)
    inds.append(Ind("Chronic Rhinosinusitis with Nasal Polyps", lead, ["CRSwNP", "nasal polyps"],
                    ["J33.0-J33.9"], rs_init, rs_cont, lead_c))

    # --- EoE -------------------------------------------------------------------------------
    d.heading("Eosinophilic Esophagitis (EoE)", 11.5)
    lead = ("Dupixent is proven and medically necessary for the treatment of eosinophilic "
            "esophagitis when all of the following criteria are met:")
    eo_init = g("all_of", lead,
                c("Diagnosis of EoE confirmed by esophageal biopsy showing at least 15 "
                  "intraepithelial eosinophils per high-power field"),
                c("Patient is 1 year of age or older and weighs at least 15 kg"),
                g("any_of", "History of failure, contraindication, or intolerance to one of the "
                  "following:",
                  c("At least 8 weeks of a proton pump inhibitor at twice-daily dosing"),
                  c("A swallowed topical corticosteroid (e.g., budesonide oral suspension)")),
                c("Prescribed by, or in consultation with, a gastroenterologist or an "
                  "allergist/immunologist"))
    branch("Initial Therapy", eo_init)
    lead_c = ("Dupixent is proven and medically necessary for the continued treatment of "
              "eosinophilic esophagitis when the following criterion is met:")
    eo_cont = g("all_of", lead_c,
                c("Documentation of a positive clinical response, such as easier swallowing or "
                  "fewer eosinophils on repeat biopsy"))
    branch("Continuation of Therapy", eo_cont)
    inds.append(Ind("Eosinophilic Esophagitis", lead, ["EoE"], ["K20.0"], eo_init, eo_cont,
                    lead_c))

    d.heading("Unproven", 11.5)
    d.para("Dupixent is unproven and not medically necessary for the treatment of:")
    excl = ["Alopecia areata", "Allergic bronchopulmonary aspergillosis",
            "Peanut or other food allergy", "Chronic pruritus of unknown origin"]
    d.items([Item(0, "•", t) for t in excl])

    d.heading("Applicable Codes", 13)
    d.para("The following list(s) of codes is provided for reference only and does not imply "
           "coverage. Listing a code does not guarantee that a service is covered.")
    d.table_head([40, d.width - 40], ["ICD-10 Code", "Description"])
    for code, desc in [("J33.0", "Polyp of nasal cavity"), ("J33.9", "Nasal polyp, unspecified"),
                       ("J45.50", "Severe persistent asthma, uncomplicated"),
                       ("J45.51", "Severe persistent asthma with (acute) exacerbation"),
                       ("K20.0", "Eosinophilic esophagitis"),
                       ("L20.81", "Atopic neurodermatitis"), ("L20.89", "Other atopic dermatitis"),
                       ("L20.9", "Atopic dermatitis, unspecified")]:
        d.row([code, desc])
    d.end_table()
    d.heading("Background", 13)
    d.para("Dupilumab is a human monoclonal antibody that binds the alpha subunit shared by the "
           "interleukin-4 and interleukin-13 receptors, blocking signalling by both cytokines. "
           "These pathways drive type 2 inflammation in the skin, airways, sinuses and "
           "esophagus. " + FILLER)
    d.heading("Benefit Considerations", 13)
    d.para("Some plans exclude drugs that are self-administered from the medical benefit. "
           "Refer to the member's benefit document before applying this policy.")
    d.heading("Clinical Evidence", 13)
    for _ in range(3):
        d.para(FILLER)
    d.heading("U.S. Food and Drug Administration", 13)
    d.para("Dupixent is approved for atopic dermatitis, asthma, chronic rhinosinusitis with nasal "
           "polyps, eosinophilic esophagitis and other type 2 conditions; the approved ages differ "
           "by condition. Approval by the FDA does not by itself establish coverage.")
    d.heading("References", 13)
    refs = ["Stein R, Alvarez M. Interleukin-4 receptor blockade in moderate atopic dermatitis: "
            "a 52-week randomized trial. J Skin Med. 2023;14(2):101-112.",
            "Okafor T, et al. Biologic add-on therapy in eosinophilic asthma. Resp Rev. "
            "2022;9:44-58.",
            "Lindqvist H. Nasal polyp burden after type 2 blockade. Rhinology Q. 2024;3:9-17.",
            "Prescribing information for Dupixent. Revised 2025."]
    d.items([Item(0, f"{i + 1}.", r) for i, r in enumerate(refs)])
    d.heading("Policy History/Revision Information", 13)
    d.table_head([30, d.width - 30], ["Date", "Summary of Changes"])
    d.row(["03/01/2026", "Added eosinophilic esophagitis criteria; updated references."])
    d.row(["06/01/2025", "Annual review; no change to coverage rationale."])
    d.end_table()
    d.heading("Instructions for Use", 13)
    d.para("This Medical Benefit Drug Policy provides assistance in interpreting Northfield "
           "benefit plans. When deciding coverage, the member's specific benefit plan document "
           "must be referenced first. " + FILLER)
    return d, inds, excl



# =========================================================================================
# 2. Centene-style clinical policy: omalizumab
# =========================================================================================

CENTENE = Style(
    markers=[numbers, letters, romans],
    end={"all_of": ";", "any_of": ";", "at_least": ";"},
    final=";",
)
PLAN2 = "Meridian Crest Health"


def centene_omalizumab() -> tuple[Doc, list[Ind], list[str]]:
    def header(d: Doc) -> None:
        d.set_font("helvetica", "B", 10)
        d.set_text_color(0, 70, 130)
        d.set_xy(d.l_margin, 9)
        d.cell(0, 4.5, "CLINICAL POLICY", new_x="LMARGIN", new_y="NEXT")
        d.set_font("helvetica", "", 9)
        d.cell(0, 4.5, "Omalizumab", new_x="LMARGIN", new_y="NEXT")
        d.set_y(22)

    def footer(d: Doc) -> None:
        d.set_y(-14)
        d.set_font("helvetica", "", 8)
        d.set_text_color(80)
        d.cell(0, 4, f"Page {d.page_no()} of {{nb}}", align="C")

    d = Doc(header, footer)
    d.add_page()
    d.set_font("helvetica", "B", 14)
    d.cell(0, 7, "Clinical Policy: Omalizumab (Xolair)", new_x="LMARGIN", new_y="NEXT")
    d.set_font("helvetica", "", 9)
    for k, v in [("Reference Number:", "CP.PHAR.3194"), ("Effective Date:", "06.01.26"),
                 ("Last Review Date:", "05.26"),
                 ("Line of Business:", "Commercial, HIM, Medicaid")]:
        d.set_font("helvetica", "B", 9)
        d.cell(34, 4.5, k)
        d.set_font("helvetica", "", 9)
        d.cell(0, 4.5, v, new_x="LMARGIN", new_y="NEXT")
    d.cell(0, 4.5, "Coding Implications     Revision Log", align="R", new_x="LMARGIN",
           new_y="NEXT")
    d.ln(2)
    d.para("See Important Reminder at the end of this policy for important regulatory and legal "
           "information.", style="I", size=9)
    d.heading("Description", 11)
    d.para("Omalizumab (Xolair) is a humanized monoclonal antibody against immunoglobulin E "
           "(IgE) given by subcutaneous injection.")
    d.heading("FDA Approved Indication(s)", 11)
    d.para("Xolair is indicated for:")
    d.items([Item(0, "•", t) for t in [
        "Persistent asthma of moderate or severe degree in adults and children aged 6 and "
        "over whose symptoms are not controlled by inhaled corticosteroids and who react to a "
        "perennial aeroallergen",
        "Add-on maintenance in adults with nasal polyps that respond poorly to nasal "
        "corticosteroids",
        "Lowering the risk of allergic reactions, including anaphylaxis, after accidental "
        "exposure to foods in people aged 1 year and over with IgE-mediated food allergy",
        "Chronic spontaneous urticaria in people aged 12 and over who remain symptomatic on "
        "H1 antihistamines"]])
    d.heading("Policy/Criteria", 11)
    d.para("The prescriber must send records (for example clinic notes, laboratory reports or "
           "other clinical documents) showing that the member meets every approval criterion.")
    d.para(f"It is the policy of health plans affiliated with {PLAN2}® that Xolair is "
           "medically necessary when the following criteria are met:")

    inds: list[Ind] = []
    d.items([Item(0, "I.", "Initial Approval Criteria", "B")])

    def section(letter: str, root: Crit) -> None:
        d.items([Item(0, f"{letter}.", root.text, "B")], base=4)
        d.items(CENTENE.items(root), base=4 + 6.5)

    asthma = g("all_of", "Moderate to Severe Persistent Asthma (must meet all):",
               c("Diagnosis of moderate to severe persistent asthma"),
               c("Prescribed by or in consultation with an allergist, immunologist, or "
                 "pulmonologist"),
               c("Age 6 years or older"),
               c("Positive skin test or in vitro reactivity to a perennial aeroallergen"),
               c("Pretreatment serum total IgE level between 30 and 700 IU/mL for age 12 and "
                 "older, or between 30 and 1,300 IU/mL for age 6 to 11"),
               g("any_of", "At least one exacerbation in the last 12 months despite adherent "
                 "use of one of the following (a or b):",
                 c("Medium- to high-dose inhaled corticosteroid (ICS) with a long-acting beta "
                   "agonist (LABA)"),
                 g("any_of", "Medium- to high-dose ICS with one of the following (i or ii):",
                   c("Leukotriene modifier"),
                   c("Long-acting muscarinic antagonist"))),
               c("Xolair is not prescribed concurrently with another biologic for asthma (e.g., "
                 "Dupixent, Fasenra, Nucala, Tezspire)"),
               c("Dose does not exceed 375 mg every 2 weeks"))
    section("A", asthma)
    d.para("Approval duration: 6 months", indent=10.5)

    polyps = g("all_of", "Chronic Rhinosinusitis with Nasal Polyps (must meet all):",
               c("Diagnosis of chronic rhinosinusitis with nasal polyps (CRSwNP)"),
               c("Prescribed by or in consultation with an otolaryngologist, allergist, or "
                 "immunologist"),
               c("Age 18 years or older"),
               c("Inadequate response to at least 4 weeks of an intranasal corticosteroid (e.g., "
                 "fluticasone, mometasone), unless contraindicated or not tolerated"),
               c("Xolair will be used as add-on therapy to an intranasal corticosteroid, unless "
                 "not tolerated"),
               c("Dose does not exceed 600 mg every 2 weeks"))
    section("B", polyps)
    d.para("Approval duration: 6 months", indent=10.5)

    food = g("all_of", "IgE-Mediated Food Allergy (must meet all):",
             c("Diagnosis of IgE-mediated food allergy"),
             c("Prescribed by or in consultation with an allergist or immunologist"),
             c("Age 1 year or older"),
             g("all_of", "Allergy is confirmed by both of the following (a and b):",
               c("Positive skin prick test or a food-specific serum IgE to the food"),
               c("History of an allergic reaction after eating the food")),
             c("Pretreatment serum total IgE level of at least 30 IU/mL"),
             c("Member has a current prescription for an epinephrine auto-injector"),
             c("Xolair will be used together with avoidance of the food allergen"),
             c("Dose does not exceed 600 mg every 2 weeks"))
    section("C", food)
    d.para("Approval duration: 12 months", indent=10.5)

    other = g("any_of", "Other diagnoses/indications (must meet 1 or 2):",
              c("A use approved by the FDA within the last 6 months and not yet added to this "
                "policy: refer to CP.PMN.255 for newly approved drugs and indications"),
              c("Any other use not listed in section III: refer to the off-label use policy "
                "CP.PMN.53"))
    section("D", other)

    d.items([Item(0, "II.", "Continued Therapy", "B")])
    cont = g("all_of", "All Indications in Section I (must meet all):",
             g("any_of", "Member meets one of the following (a or b):",
               c(f"Currently receiving medication via {PLAN2} benefit or member has previously "
                 "met initial approval criteria"),
               c("Member is currently receiving medication and is enrolled in a state and "
                 "product with continuity of care regulations (prior claims or chart notes "
                 "must be submitted)")),
             c("Member is responding positively to therapy"),
             g("any_of", "If request is for a dose increase, new dose does not exceed one of the "
               "following (a, b, or c):",
               c("Asthma: 375 mg every 2 weeks"),
               c("CRSwNP: 600 mg every 2 weeks"),
               c("Food allergy: 600 mg every 2 weeks")))
    section("A", cont)
    d.para("Approval duration: 12 months", indent=10.5)
    other_c = g("any_of", "Other diagnoses/indications (must meet 1 or 2):",
                c(f"Currently receiving medication via {PLAN2} benefit and documentation "
                  "supports positive response to therapy"),
                c("Any other use not listed in section III: refer to the off-label use policy "
                  "CP.PMN.53"))
    section("B", other_c)

    d.items([Item(0, "III.", "Diagnoses/Indications for which coverage is NOT authorized:", "B")])
    excl = ["Uses that are not FDA-approved and are not addressed in this policy, unless "
            "efficacy and safety are documented as the off-label use policy CP.PMN.53 requires",
            "Treatment of acute bronchospasm or status asthmaticus",
            "Emergency treatment of allergic reactions, including anaphylaxis"]
    d.items([Item(0, f"{k}.", t + ";") for k, t in zip("ABC", excl, strict=True)], base=4)

    cont_anchor = "All Indications in Section I (must meet all)"
    inds += [
        Ind("Moderate to Severe Persistent Asthma", asthma.text, ["asthma"], ["J45.40-J45.51"],
            asthma, cont, cont_anchor),
        Ind("Chronic Rhinosinusitis with Nasal Polyps", polyps.text, ["CRSwNP", "nasal polyps"],
            ["J33.0-J33.9"], polyps, cont, cont_anchor),
        Ind("IgE-Mediated Food Allergy", food.text, ["food allergy"], ["Z91.010-Z91.018"],
            food, cont, cont_anchor),
        Ind("Other diagnoses/indications", other.text, [], [], other, other_c,
            "Continued Therapy"),
    ]

    d.items([Item(0, "IV.", "Appendices/General Information", "B")])
    d.para("Appendix A: Abbreviation/Acronym Key", style="B")
    d.table_head([30, d.width - 30], ["Abbreviation", "Meaning"])
    for a, b in [("CRSwNP", "chronic rhinosinusitis with nasal polyps"),
                 ("FDA", "Food and Drug Administration"), ("ICS", "inhaled corticosteroid"),
                 ("IgE", "immunoglobulin E"), ("LABA", "long-acting beta2 agonist")]:
        d.row([a, b])
    d.end_table()
    d.para("Appendix B: Therapeutic Alternatives", style="B")
    d.para("This table gives examples of agents that may be tried before Xolair. They may need "
           "their own prior authorization.", size=9)
    d.table_head([60, 70, d.width - 130], ["Drug Name", "Dosing Regimen", "Dose Limit"])
    d.row(["fluticasone/salmeterol (Advair)", "1 inhalation twice daily", "1,000 mcg/day ICS"])
    d.row(["budesonide/formoterol (Symbicort)", "2 inhalations twice daily", "640 mcg/day ICS"])
    d.row(["montelukast (Singulair)", "10 mg by mouth daily", "10 mg/day"])
    d.end_table()
    d.items([Item(0, "V.", "Dosage and Administration", "B")])
    d.table_head([45, 85, d.width - 130], ["Indication", "Dosing Regimen", "Maximum Dose"])
    d.row(["Asthma", "75 to 375 mg SC every 2 or 4 weeks by IgE and weight",
           "375 mg every 2 weeks"])
    d.row(["CRSwNP", "75 to 600 mg SC every 2 or 4 weeks by IgE and weight",
           "600 mg every 2 weeks"])
    d.row(["Food allergy", "75 to 600 mg SC every 2 or 4 weeks by IgE and weight",
           "600 mg every 2 weeks"])
    d.end_table()
    d.items([Item(0, "VI.", "Product Availability", "B")])
    d.para("Single-dose prefilled syringes and autoinjectors: 75 mg, 150 mg, 300 mg; vial: "
           "150 mg.", indent=4)
    d.items([Item(0, "VII.", "References", "B")])
    d.items([Item(0, f"{k + 1}.", r) for k, r in enumerate([
        "Xolair prescribing information. Revised 2025.",
        "Moreau P, et al. Anti-IgE therapy in allergic asthma: pooled outcomes. Allergy Rep. "
        "2021;12:77-90.",
        "Santos L, Brandt K. Omalizumab for multiple food allergens. Pediatr Allergy J. "
        "2024;8:210-221."])], base=4)
    d.heading("Coding Implications", 11)
    d.table_head([30, d.width - 30], ["HCPCS Codes", "Description"])
    d.row(["J2357", "Injection, omalizumab, 5 mg"])
    d.end_table()
    d.heading("Reviews, Revisions, and Approvals", 11)
    d.table_head([110, 30, d.width - 140], ["Revision", "Date", "P&T Approval"])
    d.row(["Annual review; food allergy criteria added; references updated.", "05.26",
           "05.26"])
    d.row(["Policy created from the prior asthma-only policy.", "05.24", "05.24"])
    d.end_table()
    d.heading("Important Reminder", 11)
    for _ in range(2):
        d.para("This clinical policy was developed to support decisions about the services it "
               "names. It is not medical advice and does not replace the judgment of the "
               "treating provider. " + FILLER, size=9)
    d.para(f"©2026 {PLAN2} Corporation. All rights reserved. No part of this publication may "
           "be reproduced without permission.", size=8)
    return d, inds, excl


# =========================================================================================
# 3. Aetna-style clinical policy bulletin: tocilizumab
# =========================================================================================

AETNA = Style(markers=[numbers, letters, romans])
PLAN3 = "Keystone Health"


def aetna_tocilizumab() -> tuple[Doc, list[Ind], list[str]]:
    def header(d: Doc) -> None:
        d.set_font("helvetica", "", 8.5)
        d.set_text_color(70)
        d.set_xy(d.l_margin, 9)
        d.cell(0, 4, "Tocilizumab (Actemra) and Biosimilars - Medical Clinical Policy Bulletins "
               f"| {PLAN3}", align="L")
        d.set_xy(d.l_margin, 9)
        d.cell(0, 4, f"Page {d.page_no()} of {{nb}}", align="R")
        d.set_y(20)

    def footer(d: Doc) -> None:
        d.set_y(-15)
        d.set_font("helvetica", "", 7.5)
        d.set_text_color(110)
        d.cell(0, 3.5, f"Proprietary. Copyright 2026 {PLAN3}, Inc. All rights reserved.",
               new_x="LMARGIN", new_y="NEXT")
        d.cell(0, 3.5, "Specialty Pharmacy Clinical Policy Bulletin 4471-A", new_x="LMARGIN",
               new_y="NEXT")

    d = Doc(header, footer)
    d.add_page()
    d.set_font("helvetica", "B", 15)
    d.cell(0, 8, "Tocilizumab (Actemra) and Biosimilars", new_x="LMARGIN", new_y="NEXT")
    d.set_font("helvetica", "", 9)
    d.cell(0, 4.5, "Clinical Policy Bulletins  |  Specialty Pharmacy Clinical Policy Bulletins",
           new_x="LMARGIN", new_y="NEXT")
    d.table_head([45, 45, d.width - 90], ["Number: 4471-A", "Last Review: 02/12/2026",
                                          "Next Review: 02/11/2027"])
    d.end_table()
    d.heading("Policy", 12)
    d.para("Note: Requires Precertification:", style="B")
    d.para(f"Precertification of tocilizumab products is required of all {PLAN3} participating "
           "providers and members in applicable plan designs. To request it, call "
           "(866) 555-0142 or fax (866) 555-0199.")
    d.para("Note: Site of Care Utilization Management Policy applies to intravenous "
           "tocilizumab. For information on site of care, see Specialty Medication Site of Care.",
           size=9)
    d.heading("I. Criteria for Initial Approval", 11.5)

    def section(title: str, root: Crit, after: str) -> None:
        d.heading(title, 10.5, "B", 1.5)
        d.para(root.text)
        d.items(AETNA.items(root), base=3)
        d.para(after)

    ra = g("all_of", f"{PLAN3} considers tocilizumab medically necessary for the treatment of "
           "moderately to severely active rheumatoid arthritis when ALL of the following "
           "criteria are met:",
           c("Member is 18 years of age or older"),
           g("any_of", "Member meets ANY of the following:",
             c("Member has had an inadequate response to, or cannot tolerate, at least 3 months "
               "of methotrexate at 15 mg or more per week"),
             c("Member has a contraindication to methotrexate (e.g., chronic liver disease, "
               "planned pregnancy)"),
             c("Member has previously received a biologic or targeted synthetic drug for "
               "rheumatoid arthritis")),
           c("Tocilizumab will not be used together with another biologic or targeted synthetic "
             "drug for rheumatoid arthritis"),
           c("Member has been screened for latent tuberculosis with a skin test or an "
             "interferon-gamma release assay in the past 12 months"))
    section("A. Rheumatoid Arthritis (RA)", ra, "Authorization of 12 months may be granted.")

    gca = g("all_of", f"{PLAN3} considers tocilizumab medically necessary for the treatment of "
            "giant cell arteritis when ALL of the following criteria are met:",
            c("Member is 18 years of age or older"),
            g("any_of", "The diagnosis is confirmed by ANY of the following:",
              c("Temporal artery biopsy showing vasculitis"),
              c("Vascular ultrasound showing a halo sign of the temporal or axillary arteries"),
              c("CT, MRI, or PET imaging showing large-vessel vasculitis")),
            c("Tocilizumab will be given together with a tapering course of glucocorticoids"))
    section("B. Giant Cell Arteritis (GCA)", gca, "Authorization of 12 months may be granted.")

    pjia = g("all_of", f"{PLAN3} considers tocilizumab medically necessary for the treatment of "
             "active polyarticular juvenile idiopathic arthritis when ALL of the following "
             "criteria are met:",
             c("Member is 2 years of age or older"),
             g("any_of", "Member meets ANY of the following:",
               c("Inadequate response to, or intolerance of, at least 3 months of methotrexate or "
                 "leflunomide"),
               g("all_of", "Member meets BOTH of the following:",
                 c("Arthritis involving the hip, cervical spine, or wrist"),
                 c("Positive rheumatoid factor or anti-cyclic citrullinated peptide antibodies")),
               c("Member has previously received a biologic or targeted synthetic drug for "
                 "juvenile idiopathic arthritis")),
             c("Prescribed by or in consultation with a rheumatologist"))
    section("C. Polyarticular Juvenile Idiopathic Arthritis (PJIA)", pjia,
            "Authorization of 12 months may be granted.")

    crs = g("all_of", f"{PLAN3} considers tocilizumab medically necessary for the treatment of "
            "cytokine release syndrome when BOTH of the following criteria are met:",
            c("Member is 2 years of age or older"),
            c("The syndrome is severe or life-threatening and follows chimeric antigen receptor "
              "(CAR) T-cell therapy or a T-cell engaging bispecific antibody"))
    section("D. Cytokine Release Syndrome (CRS)", crs,
            "Authorization of 1 month may be granted (up to 4 doses).")

    d.heading("II. Continuation of Therapy", 11.5)
    d.para("All members (including new members) requesting authorization for continuation of "
           "therapy must meet the criteria below for their condition.", size=9)
    ra_c = g("all_of", f"{PLAN3} considers continued tocilizumab therapy medically necessary for "
             "members with rheumatoid arthritis when ALL of the following criteria are met:",
             c("Member meets the criteria for initial approval in Section I.A"),
             c("Member has achieved or maintained a positive clinical response, such as lower "
               "disease activity or improved signs and symptoms"))
    section("A. Rheumatoid Arthritis (RA)", ra_c, "Authorization of 12 months may be granted.")
    gca_c = g("all_of", f"{PLAN3} considers continued tocilizumab therapy medically necessary "
              "for members with giant cell arteritis when ALL of the following criteria are met:",
              c("Member meets the criteria for initial approval in Section I.B"),
              c("The disease has improved or has not relapsed since starting tocilizumab"))
    section("B. Giant Cell Arteritis (GCA)", gca_c, "Authorization of 12 months may be granted.")
    pjia_c = g("all_of", f"{PLAN3} considers continued tocilizumab therapy medically necessary "
               "for members with polyarticular juvenile idiopathic arthritis when ALL of the "
               "following criteria are met:",
               c("Member meets the criteria for initial approval in Section I.C"),
               c("Member has achieved or maintained a positive clinical response, such as fewer "
                 "active joints or better function"))
    section("C. Polyarticular Juvenile Idiopathic Arthritis (PJIA)", pjia_c,
            "Authorization of 12 months may be granted.")

    d.heading("III. Experimental and Investigational", 11.5)
    d.para(f"{PLAN3} considers tocilizumab experimental and investigational for all other "
           "indications, including the following (not an all-inclusive list):")
    excl_items = ["Ankylosing spondylitis", "Graft-versus-host disease",
                  "Type 1 diabetes mellitus", "Neuromyelitis optica spectrum disorder"]
    d.items([Item(0, "•", t) for t in excl_items], base=3)
    excl = [f"{PLAN3} considers tocilizumab experimental and investigational for all other "
            "indications", *excl_items]

    d.heading("IV. Dosage and Administration", 11.5)
    d.table_head([50, d.width - 50], ["Indication", "Dose"])
    d.row(["Rheumatoid arthritis", "4 mg/kg IV every 4 weeks, increased to 8 mg/kg by response "
           "(maximum 800 mg per infusion); or 162 mg SC every week or every other week"])
    d.row(["Giant cell arteritis", "162 mg SC every week with a glucocorticoid taper; or "
           "6 mg/kg IV every 4 weeks"])
    d.row(["PJIA", "8 or 10 mg/kg IV every 4 weeks by weight; or 162 mg SC every 2 or 3 weeks"])
    d.row(["CRS", "8 or 12 mg/kg IV by weight; up to 3 more doses at least 8 hours apart"])
    d.end_table()
    d.heading("Background", 12)
    d.para("U.S. Food and Drug Administration (FDA)-Approved Indications", style="B")
    d.items([Item(0, "•", t) for t in [
        "Adults with moderately to severely active rheumatoid arthritis after an inadequate "
        "response to one or more disease-modifying antirheumatic drugs",
        "Adults with giant cell arteritis", "Patients 2 years and older with active polyarticular "
        "or systemic juvenile idiopathic arthritis",
        "Adults and children 2 years and older with severe or life-threatening CAR T cell-induced "
        "cytokine release syndrome"]], base=3)
    for _ in range(3):
        d.para(FILLER)
    d.heading("CPT Codes / HCPCS Codes / ICD-10 Codes", 12)
    d.table_head([40, d.width - 40], ["Code", "Code Description"])
    d.row(["", "ICD-10 codes covered if selection criteria are met:"], bold=True)
    for code, desc in [("M05.00 - M06.9", "Rheumatoid arthritis"),
                       ("M31.5 - M31.6", "Giant cell arteritis"),
                       ("M08.20 - M08.3", "Juvenile arthritis, polyarticular"),
                       ("D89.831 - D89.835", "Cytokine release syndrome")]:
        d.row([code, desc])
    d.end_table()
    d.heading("References", 12)
    d.items([Item(0, f"{k + 1}.", r) for k, r in enumerate([
        "Actemra prescribing information. Revised 2025.",
        "Hollis J, Ng W. Interleukin-6 receptor blockade in giant cell arteritis: two-year "
        "follow-up. Vasc Rheum. 2022;5:33-41.",
        "Ferreira D, et al. Tocilizumab in polyarticular JIA: a registry analysis. Pediatr "
        "Rheumatol Q. 2023;11:150-162.",
        "Lee S, et al. Grading and management of cytokine release syndrome. Blood Cell Ther. "
        "2019;2:120-131."])], base=3)
    d.heading("Copyright Notice", 11)
    d.para(f"Copyright {PLAN3}, Inc. All rights reserved. Clinical Policy Bulletins are developed "
           "to assist in administering plan benefits and do not constitute medical advice. "
           + FILLER, size=8.5)
    inds = [
        Ind("Rheumatoid Arthritis", ra.text, ["RA"], ["M05.00-M06.9"], ra, ra_c, ra_c.text),
        Ind("Giant Cell Arteritis", gca.text, ["GCA"], ["M31.5-M31.6"], gca, gca_c, gca_c.text),
        Ind("Polyarticular Juvenile Idiopathic Arthritis", pjia.text, ["PJIA", "pJIA"],
            ["M08.20-M08.3"], pjia, pjia_c, pjia_c.text),
        Ind("Cytokine Release Syndrome", crs.text, ["CRS"], ["D89.831-D89.835"], crs),
    ]
    return d, inds, excl


# =========================================================================================
# 4. Prime Therapeutics-style PA program summary (BCBS state plan): CGRP agents
# =========================================================================================

PRIME = Style(markers=[numbers, upper, numbers], between={"all_of": "-AND-", "any_of": "-OR-"})


def prime_cgrp() -> tuple[Doc, list[Ind], list[str]]:
    def header(d: Doc) -> None:
        d.set_font("helvetica", "B", 9)
        d.set_xy(d.l_margin, 9)
        d.cell(0, 4, "Blue Meadow Health Plan of Westmore", align="L")
        d.set_font("helvetica", "", 8)
        d.set_xy(d.l_margin, 9)
        d.cell(0, 4, "Calcitonin Gene-Related Peptide (CGRP) Inhibitors PA with QL", align="R")
        rule(d, 14.5)
        d.set_y(19)

    def footer(d: Doc) -> None:
        d.set_y(-16)
        d.set_font("helvetica", "", 7.5)
        d.set_text_color(90)
        d.cell(0, 3.5, "WM _ Commercial _ CS _ CGRP_Inhibitors_PAQL _ProgSum_ 07-01-2026",
               align="L")
        d.cell(0, 3.5, f"Page {d.page_no()} of {{nb}}", align="R", new_x="LMARGIN",
               new_y="NEXT")
        d.cell(0, 3.5, "© Copyright Prime Pathways Pharmacy Solutions 2026. All rights reserved.",
               align="L")

    d = Doc(header, footer, margin=15)
    d.add_page()
    d.set_font("helvetica", "B", 13)
    d.multi_cell(0, 6, "Calcitonin Gene-Related Peptide (CGRP) Inhibitors Prior Authorization "
                 "with Quantity Limit Program Summary", new_x="LMARGIN", new_y="NEXT")
    d.ln(1)
    d.para("This program applies to Commercial, GenPlus, NetResults A series, NetResults F "
           "series, and Health Insurance Marketplace formularies.", size=9)
    d.para("This is a FlexRx standard and GenPlus standard program.", size=9)
    d.heading("POLICY REVIEW CYCLE", 10)
    d.table_head([60, 60], ["Effective Date", "Date of Origin"])
    d.row(["07-01-2026", "01-01-2019"])
    d.end_table()
    d.heading("FDA APPROVED INDICATIONS AND DOSAGE", 10)
    w = d.width
    d.table_head([42, 70, w - 124, 12], ["Agent(s)", "FDA Indication(s)", "Notes", "Ref#"])
    d.row(["Aimovig® (erenumab-aooe) Subcutaneous injection", "Preventive treatment of migraine "
           "in adults", "", "1"])
    d.row(["Ajovy® (fremanezumab-vfrm) Subcutaneous injection", "Preventive treatment of "
           "migraine in adults", "", "2"])
    d.row(["Emgality® (galcanezumab-gnlm) Subcutaneous injection", "Preventive treatment of "
           "migraine in adults; treatment of episodic cluster headache in adults", "", "3"])
    d.row(["Nurtec® ODT (rimegepant) Orally disintegrating tablet", "Acute treatment of migraine "
           "with or without aura in adults; preventive treatment of episodic migraine", "", "4"])
    d.row(["Ubrelvy® (ubrogepant) Tablet", "Acute treatment of migraine with or without aura in "
           "adults", "", "5"])
    d.end_table()
    d.heading("CLINICAL RATIONALE", 10)
    d.para("Migraine is a common primary headache disorder. Episodic migraine means fewer than "
           "15 headache days a month; chronic migraine means 15 or more headache days a month "
           "for more than 3 months, of which at least 8 have migraine features. " + FILLER,
           size=9)
    d.para(FILLER, size=9)
    d.heading("POLICY AGENT SUMMARY PRIOR AUTHORIZATION", 10)
    d.table_head([40, 40, 30, 28, w - 138], ["Target Brand Agent Name(s)",
                                              "Target Generic Agent Name(s)", "Strength",
                                              "QL Amount", "Dose Form"])
    for row in [["Aimovig", "erenumab-aooe", "70 mg/mL; 140 mg/mL", "1 per 30 days",
                 "Auto-injector"],
                ["Ajovy", "fremanezumab-vfrm", "225 mg/1.5 mL", "3 per 90 days", "Syringe"],
                ["Emgality", "galcanezumab-gnlm", "120 mg/mL; 100 mg/mL", "3 per 30 days",
                 "Pen; syringe"],
                ["Nurtec ODT", "rimegepant sulfate", "75 mg", "16 per 30 days", "Tablet (ODT)"],
                ["Ubrelvy", "ubrogepant", "50 mg; 100 mg", "16 per 30 days", "Tablet"]]:
        d.row(row)
    d.end_table()

    d.para("Target agents are approved only for the modules below. The quantity limits in the "
           "agent summary apply in addition to the clinical criteria; a request above them is "
           "reviewed under the quantity limit criteria at the end of this program.", size=9)
    d.heading("PRIOR AUTHORIZATION CLINICAL CRITERIA FOR APPROVAL", 10)

    def cell(init: Crit, renew: Crit, init_len: str, renew_len: str) -> list[Item]:
        out = [Item(0, "", "Initial Evaluation", "B"), Item(0, "", init.text)]
        out += PRIME.items(init)
        out += [Item(0, "", f"Length of Approval: {init_len}"),
                Item(0, "", "NOTE: if Quantity Limit applies, please refer to Quantity Limit "
                     "Criteria", "I"),
                Item(0, "", "Renewal Evaluation", "B"), Item(0, "", renew.text)]
        out += PRIME.items(renew)
        out += [Item(0, "", f"Length of Approval: {renew_len}")]
        return out

    lead = "Target Agent(s) will be approved when ALL of the following are met:"
    no_combo = ("The patient will NOT be using the requested agent in combination with another "
                "CGRP agent for migraine prevention")
    prev = g("all_of", lead,
             c("The requested agent will be used for the preventive treatment of migraine"),
             g("any_of", "ONE of the following:",
               c("The patient has at least 4 migraine days per month"),
               c("The patient has chronic migraine, with at least 15 headache days per month of "
                 "which at least 8 have migraine features")),
             g("any_of", "ONE of the following:",
               c("The patient has tried and had an inadequate response to two preventive agents "
                 "from different classes (e.g., a beta blocker, an anticonvulsant, an "
                 "antidepressant), each for at least 2 months"),
               c("The patient has an intolerance or hypersensitivity to two preventive agents "
                 "from different classes"),
               c("The patient has an FDA labeled contraindication to all preventive agents from "
                 "the classes listed above")),
             c(no_combo),
             c("The patient does NOT have any FDA labeled contraindications to the requested "
               "agent"))
    prev_r = g("all_of", lead,
               c("The patient has been previously approved for the requested agent through the "
                 "plan's Prior Authorization process"),
               c("The patient has had clinical benefit with the requested agent, such as fewer "
                 "migraine days per month"),
               c(no_combo),
               c("The patient does NOT have any FDA labeled contraindications to the requested "
                 "agent"))
    cluster = g("all_of", lead,
                c("The patient has a diagnosis of episodic cluster headache"),
                c("The patient is 18 years of age or older"),
                g("any_of", "ONE of the following:",
                  c("The patient has tried and had an inadequate response to verapamil, lithium, "
                    "or a glucocorticoid taper"),
                  c("The patient has an intolerance or contraindication to verapamil, lithium, "
                    "and glucocorticoids")),
                c("The requested agent is Emgality 300 mg once at the start of a cluster "
                  "period and then monthly until the period ends"))
    cluster_r = g("all_of", lead,
                  c("The patient has been previously approved for the requested agent through "
                    "the plan's Prior Authorization process"),
                  c("The patient has had clinical benefit with the requested agent, such as "
                    "fewer cluster attacks per week"))
    acute = g("all_of", lead,
              c("The patient has a diagnosis of migraine with or without aura"),
              g("any_of", "ONE of the following:",
                c("The patient has tried and had an inadequate response to at least two "
                  "different triptans"),
                c("The patient has an intolerance or hypersensitivity to two triptans"),
                c("The patient has an FDA labeled contraindication to all triptans")),
              c("The patient will NOT be using the requested agent in combination with another "
                "CGRP agent for the acute treatment of migraine"))
    acute_r = g("all_of", lead,
                c("The patient has been previously approved for the requested agent through the "
                  "plan's Prior Authorization process"),
                c("The patient has had clinical benefit with the requested agent, such as "
                  "freedom from pain 2 hours after a dose in most treated attacks"))

    d.table_head([38, w - 38], ["Module", "Clinical Criteria for Approval"])
    d.row(["Preventive treatment of migraine\n(Aimovig, Ajovy, Emgality, Nurtec ODT)",
           cell(prev, prev_r, "6 months", "12 months")])
    d.row(["Episodic cluster headache\n(Emgality only)",
           cell(cluster, cluster_r, "6 months", "12 months")])
    d.row(["Acute treatment of migraine\n(Nurtec ODT, Ubrelvy)",
           cell(acute, acute_r, "12 months", "12 months")])
    d.end_table()

    d.heading("QUANTITY LIMIT CLINICAL CRITERIA FOR APPROVAL", 10)
    ql = g("any_of", "Quantity Limit for the Target Agent(s) will be approved when ONE of the "
           "following is met:",
           c("The requested quantity (dose) does not exceed the program quantity limit"),
           c("The requested quantity (dose) exceeds the program quantity limit and is a loading "
             "dose given as labeled"))
    d.table_head([38, w - 38], ["Module", "Clinical Criteria for Approval"])
    d.row(["All target agents", [Item(0, "", ql.text)] + PRIME.items(ql)
           + [Item(0, "", "Length of Approval: up to 12 months")]])
    d.end_table()
    d.heading("Program Specific Information", 10)
    d.para("Not covered: the combined use of two CGRP agents for migraine prevention is not "
           "covered under this program.", size=9)
    d.heading("REFERENCES", 10)
    d.items([Item(0, f"{k + 1}.", r) for k, r in enumerate([
        "Aimovig prescribing information. Revised 2025.",
        "Ajovy prescribing information. Revised 2025.",
        "Emgality prescribing information. Revised 2025.",
        "Nurtec ODT prescribing information. Revised 2025.",
        "Ubrelvy prescribing information. Revised 2025.",
        "Tanaka R, et al. Preventive therapy choices in episodic migraine. Headache Pract. "
        "2024;6:55-70."])])
    excl = ["the combined use of two CGRP agents for migraine prevention is not covered"]
    inds = [
        Ind("Preventive treatment of migraine",
            "Preventive treatment of migraine (Aimovig, Ajovy, Emgality, Nurtec ODT)",
            ["migraine prevention"], [], prev, prev_r, "Renewal Evaluation"),
        Ind("Episodic cluster headache", "Episodic cluster headache (Emgality only)",
            ["cluster headache"], [], cluster, cluster_r, "Renewal Evaluation"),
        Ind("Acute treatment of migraine", "Acute treatment of migraine (Nurtec ODT, Ubrelvy)",
            ["acute migraine"], [], acute, acute_r, "Renewal Evaluation"),
    ]
    return d, inds, excl


# =========================================================================================
# 5. State Medicaid PDL with clinical criteria: one table row per drug
# =========================================================================================

PDL = Style(markers=[numbers, bullet("o")], end={"all_of": " AND", "any_of": " OR"},
            last_takes_parent=True)


def medicaid_pdl() -> tuple[Doc, list[Ind], list[str]]:
    def header(d: Doc) -> None:
        d.set_font("helvetica", "B", 9)
        d.set_xy(d.l_margin, 8)
        d.cell(0, 4, "Westmore Medical Assistance Program", align="C", new_x="LMARGIN",
               new_y="NEXT")
        d.set_font("helvetica", "", 8.5)
        d.cell(0, 4, "Preferred Drug List (PDL) with Prior Authorization Criteria - "
               "Effective July 1, 2026", align="C")
        d.set_y(19)

    def footer(d: Doc) -> None:
        d.set_y(-14)
        d.set_font("helvetica", "", 7.5)
        d.cell(0, 4, "Criteria revised 06/2026", align="L")
        d.set_x(d.l_margin)
        d.cell(0, 4, f"{d.page_no()}", align="C")
        d.set_x(d.l_margin)
        d.cell(0, 4, "Westmore Department of Health Services", align="R")

    d = Doc(header, footer, margin=13)
    d.add_page()
    d.heading("Clinical Criteria by Therapeutic Class", 11, space=0)
    d.para("Drugs marked Preferred do not need prior authorization (PA) unless criteria are "
           "listed for them. Non-preferred drugs need PA and a trial of preferred drugs in the "
           "class unless stated otherwise. Key: PA = prior authorization; QL = quantity limit; "
           "BSA = body surface area; TB = tuberculosis.", size=8.5)
    w = d.width
    widths = [40, 30, w - 40 - 30 - 28, 28]

    def crit_cell(init: Crit, init_label: str, renew: Crit, renew_label: str,
                  pre: list[Item] | None = None) -> list[Item]:
        out = list(pre or [])
        out += [Item(0, "", init_label, "B")] + PDL.items(init)
        out += [Item(0, "", renew_label, "B")] + PDL.items(renew)
        return out

    def klass(text: str) -> None:
        d.row([text], [w], fill=235, bold=True)

    d.table_head(widths, ["Drug", "PDL Status", "Clinical Criteria", "Duration / QL"])
    klass("ANTIVIRALS - INFLUENZA")
    d.row(["Oseltamivir capsules and suspension", "Preferred", "No PA required.", "QL: 10 "
           "capsules per 30 days"])
    flu = g("all_of", "",
            g("any_of", "One of the following:",
              c("Treatment of acute uncomplicated influenza with symptoms for no more than 48 "
                "hours"),
              c("Post-exposure prophylaxis after contact with a person who has influenza")),
            c("Member is 5 years of age or older"),
            c("Trial and failure of, intolerance to, or contraindication to oseltamivir"))
    flu_r = g("all_of", "", c("A new influenza episode or exposure is documented"))
    d.row(["Baloxavir marboxil (Xofluza®)", "Non-preferred",
           crit_cell(flu, "Initial Criteria:", flu_r, "Renewal Criteria:"),
           "1 dose per episode"])
    klass("IMMUNOMODULATORS - HIDRADENITIS SUPPURATIVA")

    tb = "Negative TB test within the past 12 months"
    derm = "Prescribed by or in consultation with a dermatologist"
    ada = g("all_of", "",
            c("Diagnosis of moderate to severe hidradenitis suppurativa (Hurley stage II or III)"),
            c("Member is 12 years of age or older"),
            c(derm),
            g("any_of", "Trial and failure of at least 90 days of one of the following oral "
              "antibiotic regimens:",
              c("Doxycycline or minocycline"),
              c("Clindamycin combined with rifampin")),
            c(tb))
    ada_r = g("all_of", "",
              c("Reduction of at least 25% in abscess and inflammatory nodule count from "
                "baseline"),
              c("No increase in the number of draining tunnels since therapy began"))
    d.row(["Adalimumab products (Amjevita®, Hadlima®, Humira®)",
           "Preferred: Amjevita\nNon-preferred: Hadlima, Humira",
           crit_cell(ada, "Initial Approval Criteria:", ada_r, "Renewal Criteria:"),
           "Initial: 16 weeks\nRenewal: 12 months\nQL: 2 pens per 28 days after loading"])

    secu = g("all_of", "",
             c("Diagnosis of moderate to severe hidradenitis suppurativa (Hurley stage II or III)"),
             c("Member is 18 years of age or older"),
             c(derm),
             g("any_of", "One of the following:",
               c("Trial and failure of an adalimumab product for at least 12 weeks"),
               c("A documented contraindication or intolerance to adalimumab")),
             c(tb))
    secu_r = g("all_of", "",
               c("Reduction of at least 25% in abscess and inflammatory nodule count from "
                 "baseline"),
               c("Member has not required surgery for new lesions since therapy began"))
    d.row(["Secukinumab (Cosentyx®)", "Non-preferred",
           crit_cell(secu, "Initial Approval Criteria:", secu_r, "Renewal Criteria:"),
           "Initial: 16 weeks\nRenewal: 12 months"])

    bime = g("all_of", "",
             c("See Secukinumab (Cosentyx®) criteria"),
             c("Trial and failure of Cosentyx for at least 16 weeks, or a documented "
               "intolerance to Cosentyx"))
    bime_r = g("all_of", "", c("See Secukinumab (Cosentyx®) Renewal Criteria"))
    d.row(["Bimekizumab (Bimzelx®)", "Non-preferred",
           crit_cell(bime, "Initial Approval Criteria:", bime_r, "Renewal Criteria:"),
           "Initial: 16 weeks\nRenewal: 12 months"])

    klass("TOPICAL AGENTS - VITILIGO")
    rux = g("all_of", "",
            c("Diagnosis of nonsegmental vitiligo"),
            c("Member is 12 years of age or older"),
            c("Affected area is no more than 10% of body surface area"),
            g("any_of", "Trial and failure of at least 12 weeks of one of the following:",
              c("A medium to super-high potency topical corticosteroid"),
              c("A topical calcineurin inhibitor (tacrolimus or pimecrolimus)")),
            c("Not used together with a biologic, an oral JAK inhibitor, or a potent "
              "systemic immunosuppressant"))
    rux_r = g("all_of", "",
              c("Documented repigmentation of treated areas"),
              c("Treated area remains no more than 10% of body surface area"))
    d.row(["Ruxolitinib cream (Opzelura®)", "Non-preferred",
           crit_cell(rux, "Initial Criteria:", rux_r, "Renewal Criteria:"),
           "Initial: 24 weeks\nRenewal: 12 months\nQL: 60 g per week"])

    klass("ANTIEMETICS - CANNABINOIDS")
    drona = g("all_of", "",
              g("any_of", "One of the following:",
                c("Nausea and vomiting from cancer chemotherapy after failure of a serotonin "
                  "receptor antagonist"),
                c("Anorexia with weight loss in a member living with HIV")),
              c("Member is 18 years of age or older"))
    drona_r = g("all_of", "", c("Documented improvement in nausea, vomiting, or weight"))
    d.row(["Dronabinol capsules (Marinol®)", "Non-preferred",
           crit_cell(drona, "Initial Criteria:", drona_r, "Renewal Criteria:"),
           "6 months"])
    d.end_table()

    d.heading("Drugs not covered by the program", 10)
    excl = ["Drugs used only for cosmetic purposes or hair growth",
            "Drugs used to promote fertility",
            "Drugs whose manufacturer has no federal rebate agreement"]
    d.items([Item(0, "-", t) for t in excl])
    d.heading("Revision history", 10)
    d.table_head([30, w - 30], ["Date", "Change"])
    d.row(["06/2026", "Bimzelx added; Opzelura renewal criteria clarified."])
    d.row(["01/2026", "Hidradenitis suppurativa class created."])
    d.end_table()
    inds = [
        Ind("Oseltamivir capsules and suspension", "Oseltamivir capsules and suspension",
            ["oseltamivir", "Tamiflu"], []),
        Ind("Baloxavir marboxil (Xofluza®)", "Baloxavir marboxil (Xofluza®)",
            ["Xofluza", "baloxavir"], [], flu, flu_r, "Renewal Criteria"),
        Ind("Adalimumab products", "Adalimumab products (Amjevita®, Hadlima®, Humira®)",
            ["Humira", "Hadlima", "Amjevita", "adalimumab"], ["L73.2"], ada, ada_r,
            "Renewal Criteria"),
        Ind("Secukinumab (Cosentyx®)", "Secukinumab (Cosentyx®)",
            ["Cosentyx", "secukinumab"], ["L73.2"], secu, secu_r, "Renewal Criteria"),
        Ind("Bimekizumab (Bimzelx®)", "Bimekizumab (Bimzelx®)",
            ["Bimzelx", "bimekizumab"], ["L73.2"], bime, bime_r, "Renewal Criteria"),
        Ind("Ruxolitinib cream (Opzelura®)", "Ruxolitinib cream (Opzelura®)",
            ["Opzelura", "ruxolitinib cream"], ["L80"], rux, rux_r, "Renewal Criteria"),
        Ind("Dronabinol capsules (Marinol®)", "Dronabinol capsules (Marinol®)",
            ["Marinol", "dronabinol"], [], drona, drona_r, "Renewal Criteria"),
    ]
    return d, inds, excl


# =========================================================================================
# 6. Kaiser/Optum-style drug criteria for use: everolimus, (1)/(a)/(i)/(A) nesting
# =========================================================================================

KAISER = Style(markers=[paren(letters), paren(romans), paren(upper)])
PLAN6 = "Cascade Health Cooperative"


def kaiser_everolimus() -> tuple[Doc, list[Ind], list[str]]:
    def header(d: Doc) -> None:
        d.set_font("helvetica", "", 8.5)
        d.set_xy(d.l_margin, 9)
        d.cell(0, 4, f"{PLAN6} - Drug Criteria for Use", align="L")
        d.set_xy(d.l_margin, 9)
        d.set_font("helvetica", "B", 8.5)
        d.cell(0, 4, "Everolimus (Afinitor®, Afinitor Disperz®)", align="R")
        rule(d, 14.5)
        d.set_y(20)

    def footer(d: Doc) -> None:
        d.set_y(-16)
        d.set_font("helvetica", "", 7.5)
        d.set_text_color(90)
        d.cell(0, 3.5, f"PTC-ONC-0193 v7     Page {d.page_no()} of {{nb}}", align="C",
               new_x="LMARGIN", new_y="NEXT")
        d.cell(0, 3.5, f"© 2026 {PLAN6}. For use by credentialed clinicians. Printed copies "
               "are uncontrolled.", align="C")

    d = Doc(header, footer)
    d.add_page()
    d.set_font("helvetica", "B", 14)
    d.cell(0, 7, "Everolimus (Afinitor®, Afinitor Disperz®)", new_x="LMARGIN", new_y="NEXT")
    d.set_font("helvetica", "", 9)
    d.table_head([60, 50, d.width - 110], ["Document number: PTC-ONC-0193", "Version: 7",
                                           "Approved: Regional P&T, 04/2026"])
    d.end_table()
    d.heading("1. Background", 11)
    d.para("Everolimus inhibits the mammalian target of rapamycin (mTOR). It is taken by mouth "
           "once daily. " + FILLER)
    d.heading("2. Criteria for Use", 11)
    d.para("Everolimus is approved for members who meet the criteria for one of the indications "
           "(1) through (5) below, and who have none of the exclusions in section 4.")

    def indication(num: int, title: str, root: Crit) -> None:
        d.items([Item(0, f"({num})", title, "B")])
        d.para(root.text, indent=MARK)
        d.items(KAISER.items(root), base=MARK)

    all_lead = "All of the following:"
    breast = g("all_of", all_lead,
               c("Member is a postmenopausal woman, or a man, with advanced or metastatic "
                 "disease"),
               c("Disease progressed on or after letrozole or anastrozole"),
               c("Everolimus will be given together with exemestane"),
               c("No earlier disease progression while taking everolimus"))
    indication(1, "Hormone receptor-positive, HER2-negative advanced breast cancer", breast)
    net = g("all_of", all_lead,
            c("Well-differentiated neuroendocrine tumor of pancreatic, gastrointestinal, or lung "
              "origin"),
            c("Disease is unresectable, locally advanced, or metastatic"),
            g("any_of", "Disease is progressive, shown by one of the following:",
              c("Tumor growth on CT or MRI within the past 12 months"),
              c("New or worsening symptoms caused by the tumor")),
            c("The tumor is not a functional carcinoid tumor"))
    indication(2, "Neuroendocrine tumors (NET)", net)
    rcc = g("all_of", all_lead,
            c("Advanced renal cell carcinoma with clear cell histology"),
            g("any_of", "Disease has progressed after at least one of the following:",
              c("Sunitinib"), c("Sorafenib"),
              c("Another VEGF-targeted tyrosine kinase inhibitor (e.g., pazopanib, axitinib, "
                "cabozantinib)")),
            c("Everolimus will be used alone or with lenvatinib"))
    indication(3, "Advanced renal cell carcinoma (RCC)", rcc)
    tsc_dx = g("any_of", "Diagnosis of tuberous sclerosis complex (TSC) established by one of "
               "the following:",
               c("A pathogenic TSC1 or TSC2 variant on genetic testing"),
               g("at_least", "At least two of the following major clinical features:",
                 c("Three or more facial angiofibromas or a fibrous cephalic plaque"),
                 c("Three or more hypomelanotic macules at least 5 mm wide"),
                 c("Cortical dysplasias, including cortical tubers"),
                 c("Subependymal nodules"),
                 c("Cardiac rhabdomyoma"), n=2))
    sega = g("all_of", all_lead,
             tsc_dx,
             c("Member is 1 year of age or older"),
             c("Subependymal giant cell astrocytoma (SEGA) that needs treatment but cannot be "
               "removed completely by surgery"))
    indication(4, "TSC-associated subependymal giant cell astrocytoma (SEGA)", sega)
    seiz = g("all_of", all_lead,
             c("Diagnosis of TSC established as described in (4)(a)"),
             c("Member is 2 years of age or older"),
             c("Partial-onset seizures continue despite adequate trials of at least two "
               "antiseizure medications"),
             c("Everolimus (Afinitor Disperz) will be added to at least one other antiseizure "
               "medication"))
    indication(5, "TSC-associated partial-onset seizures", seiz)
    d.para("Initial approval: 6 months.", style="I")
    d.heading("3. Continuation Criteria", 11)
    cont = g("all_of", "Everolimus may be continued for members already receiving it when all "
             "of the following are documented at each renewal:",
             c("The member met the criteria for the indication in section 2 when everolimus was "
               "started"),
             g("any_of", "One of the following:",
               c("For indications (1) through (4): no disease progression on imaging"),
               c("For indication (5): seizure frequency reduced by at least 25% from baseline")),
             c("No unacceptable toxicity, such as grade 3 or higher non-infectious pneumonitis"))
    d.para(cont.text)
    d.items(KAISER.items(cont), base=MARK)
    d.para("Renewal approval: 12 months.", style="I")
    d.heading("4. Exclusions", 11)
    d.para("Everolimus is not approved for:")
    excl = ["Use together with another mTOR inhibitor (e.g., sirolimus, temsirolimus)",
            "Members with hypersensitivity to everolimus or other rapamycin derivatives",
            "Prevention of organ transplant rejection under this criteria document"]
    d.items([Item(0, f"({k + 1})", t) for k, t in enumerate(excl)])
    d.heading("5. Dosing", 11)
    d.table_head([70, d.width - 70], ["Indication", "Usual dose"])
    d.row(["Breast cancer, NET, RCC", "10 mg by mouth once daily"])
    d.row(["TSC-associated SEGA", "4.5 mg/m2 once daily, adjusted to a trough of 5 to 15 ng/mL"])
    d.row(["TSC-associated seizures", "5 mg/m2 once daily, adjusted to a trough of 5 to "
           "15 ng/mL"])
    d.end_table()
    d.heading("6. References", 11)
    d.items([Item(0, f"{k + 1}.", r) for k, r in enumerate([
        "Afinitor prescribing information. Revised 2025.",
        "Vance M, et al. mTOR inhibition after aromatase inhibitor failure. Breast Onc Rev. "
        "2020;7:12-25.",
        "Ibarra C. Everolimus for SEGA: long-term volumetric response. Child Neuro Onc. "
        "2021;4:88-97."])])
    d.heading("7. Document History", 11)
    d.table_head([30, d.width - 30], ["Date", "Change"])
    d.row(["04/2026", "Annual review; TSC diagnostic features listed."])
    d.row(["04/2025", "Continuation criteria reworded."])
    d.end_table()
    anchor = cont.text
    inds = [
        Ind("Hormone receptor-positive, HER2-negative advanced breast cancer",
            "Hormone receptor-positive, HER2-negative advanced breast cancer All of the "
            "following", ["breast cancer", "HR+ breast cancer"], [], breast, cont, anchor),
        Ind("Neuroendocrine tumors", "Neuroendocrine tumors (NET) All of the following",
            ["NET"], [], net, cont, anchor),
        Ind("Advanced renal cell carcinoma", "Advanced renal cell carcinoma (RCC) All of the "
            "following", ["RCC", "renal cell carcinoma"], [], rcc, cont, anchor),
        Ind("TSC-associated subependymal giant cell astrocytoma", "TSC-associated "
            "subependymal giant cell astrocytoma (SEGA) All of the following", ["SEGA"], [],
            sega, cont, anchor),
        Ind("TSC-associated partial-onset seizures", "TSC-associated partial-onset seizures "
            "All of the following", ["TSC seizures"], [], seiz, cont, anchor),
    ]
    return d, inds, excl


POLICIES = [
    Policy("synth-uhc-dupilumab", "Synthetic: UnitedHealthcare-style commercial medical benefit "
           "drug policy (fictional Northfield Health Plans)", "uhc", uhc_dupilumab),
    Policy("synth-centene-omalizumab", "Synthetic: Centene-style clinical policy (fictional "
           "Meridian Crest Health)", "centene", centene_omalizumab),
    Policy("synth-aetna-tocilizumab", "Synthetic: Aetna-style clinical policy bulletin "
           "(fictional Keystone Health)", "aetna", aetna_tocilizumab),
    Policy("synth-prime-cgrp", "Synthetic: Prime Therapeutics-style PA program summary for a "
           "BCBS state plan (fictional Blue Meadow Health Plan)", "prime", prime_cgrp),
    Policy("synth-medicaid-pdl", "Synthetic: state Medicaid PDL criteria table (fictional "
           "Westmore Medical Assistance Program)", "medicaid-pdl", medicaid_pdl),
    Policy("synth-kaiser-everolimus", "Synthetic: Kaiser/Optum-style drug criteria for use "
           "(fictional Cascade Health Cooperative)", "kaiser", kaiser_everolimus),
]
