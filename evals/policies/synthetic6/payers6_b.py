"""Sixth synthetic batch, part B: a CareFirst / EmblemHealth-style medical policy whose
criteria are prose with inline parenthetical logic ("is 6 months of age or older and either
(a) ... or (b) ...", "(i and ii)", "both of the following: ...; and ..."), a section that cites
another ("meets items 3 through 5 of Section 1") and a list whose sub-items are set off by
indentation alone, burosumab; a VA PBM-style "Criteria for Use" (exclusion and inclusion
criteria with drawn check boxes, "The answer to ALL of the following must be met", four
nesting levels and an "At least two of the following" group, renewal criteria, approval
length lines), lecanemab. Our own words, fictional plans; drawn with the first batch's
layout engine (`../synthetic/render.py`)."""

from __future__ import annotations

from payers6_a import rule
from render import LINE, Crit, Doc, Ind, Item, c, g

# =========================================================================================
# 4. CareFirst / EmblemHealth-style medical policy: burosumab. "Guideline" sections 1 to 3 in
#    prose; each numbered paragraph may hold its own inline logic; Section 2 item 3 has
#    unmarked sub-items (indentation only); Section 2 item 4 and Section 3 cite Section 1.
# =========================================================================================


def carefirst_burosumab() -> tuple[Doc, list[Ind], list[str]]:
    plan = "Chesapeake Harbor Health Plan"

    def header(d: Doc) -> None:
        d.set_font("helvetica", "B", 10)
        d.set_text_color(0, 60, 120)
        d.set_xy(d.l_margin, 8)
        d.cell(0, 5, plan, align="L")
        d.set_text_color(0)
        d.set_font("helvetica", "", 8.5)
        d.set_xy(d.l_margin, 8.5)
        d.cell(0, 4, "Medical Policy: Burosumab-twza (Crysvita)", align="R")
        d.set_xy(d.l_margin, 13)
        d.cell(0, 4, "Policy Number: MP.PH.219   Last Review Date: 10/09/2025", align="R")
        rule(d, 18, 0, 0.3)
        d.set_y(22)

    def footer(d: Doc) -> None:
        d.set_y(-13)
        d.set_font("helvetica", "", 7.5)
        d.cell(0, 3.5, f"Burosumab-twza (Crysvita)   Page {d.page_no()} of {{nb}}",
               align="C")

    def text_item(marker: str, text: str, indent: float = 0.0) -> None:
        d.set_font("helvetica", "", 10)
        x = d.l_margin + indent
        if d.get_y() + LINE > d.page_break_trigger:
            d.add_page()
        y = d.get_y()
        if marker:
            d.set_xy(x, y)
            d.cell(7, LINE, marker)
            x += 7
        d.set_xy(x, y)
        d.multi_cell(d.w - d.r_margin - x, LINE, text, new_x="LMARGIN", new_y="NEXT")
        d.ln(0.8)

    d = Doc(header, footer)
    d.add_page()
    d.set_font("helvetica", "B", 14)
    d.cell(0, 7, "Burosumab-twza (Crysvita)", new_x="LMARGIN", new_y="NEXT")
    d.set_font("helvetica", "", 9)
    d.cell(0, 4.5, "Effective Date: 01/01/2026    Line of business: Commercial, Medicare "
           "Advantage, Medicaid", new_x="LMARGIN", new_y="NEXT")
    d.heading("Definitions", 11)
    d.para("X-linked hypophosphatemia (XLH) is an inherited disorder caused by variants in "
           "the PHEX gene that raise fibroblast growth factor 23 (FGF23). Excess FGF23 makes "
           "the kidneys waste phosphate, causing rickets and short stature in children and "
           "osteomalacia, bone pain and pseudofractures in adults. Tumor-induced osteomalacia "
           "(TIO) is an acquired form in which a small, usually benign, mesenchymal tumor "
           "secretes FGF23. Burosumab-twza is a monoclonal antibody that binds FGF23 and "
           "restores renal phosphate reabsorption.")
    d.para("Serum phosphorus ranges depend on age: children have higher normal values than "
           "adults. In this policy, \"low\" means below the lower limit of the laboratory's "
           "age-specific range.", size=9.5)
    d.heading("Guideline", 11)

    inds: list[Ind] = []
    xlh = g("all_of", "The Plan considers burosumab-twza medically necessary for X-linked "
            "hypophosphatemia when the member meets all of the following:",
            c("The member is 6 months of age or older"),
            g("any_of", "",
              c("is a child or adolescent whose growth plates are still open"),
              c("is an adult with bone pain, osteomalacia or fractures that have not "
                "healed")),
            g("all_of", "The diagnosis is supported by (i and ii):",
              c("a fasting serum phosphorus below the lower limit of normal for age, "
                "measured within the past 3 months"),
              g("any_of", "either",
                c("a pathogenic PHEX variant in the member or in a directly related family "
                  "member who shares the disease"),
                c("a serum intact FGF23 level above the laboratory's normal range"))),
            g("all_of", "Both of the following apply:",
              c("oral phosphate and active vitamin D analogs such as calcitriol were stopped "
                "at least 1 week before the first dose"),
              c("the prescriber will not give them during burosumab treatment")),
            c("The member does not have severe renal impairment or end-stage renal disease"),
            c("Burosumab is prescribed by or in consultation with an endocrinologist, a "
              "nephrologist or another specialist in metabolic bone disease"))
    xlh_paras = [
        "The member is 6 months of age or older and either (a) is a child or adolescent whose "
        "growth plates are still open, or (b) is an adult with bone pain, osteomalacia or "
        "fractures that have not healed;",
        "The diagnosis is supported by (i and ii): (i) a fasting serum phosphorus below the "
        "lower limit of normal for age, measured within the past 3 months; and (ii) either a "
        "pathogenic PHEX variant in the member or in a directly related family member who "
        "shares the disease, or a serum intact FGF23 level above the laboratory's normal "
        "range;",
        "Both of the following apply: oral phosphate and active vitamin D analogs such as "
        "calcitriol were stopped at least 1 week before the first dose; and the prescriber "
        "will not give them during burosumab treatment;",
        "The member does not have severe renal impairment or end-stage renal disease "
        "(creatinine clearance below 30 mL/min); and",
        "Burosumab is prescribed by or in consultation with an endocrinologist, a "
        "nephrologist or another specialist in metabolic bone disease.",
    ]
    d.heading("Section 1. X-linked hypophosphatemia (initial approval: 12 months)", 10.5,
              space=1)
    d.para(xlh.text)
    for k, t in enumerate(xlh_paras):
        text_item(f"{k + 1}.", t, 4)
    inds.append(Ind("X-linked hypophosphatemia", "Section 1. X-linked hypophosphatemia",
                    ["XLH", "familial hypophosphatemic rickets", "hypophosphatemic rickets"],
                    ["E83.31"], xlh))

    tio = g("all_of", "The Plan considers burosumab-twza medically necessary for "
            "FGF23-related hypophosphatemia in tumor-induced osteomalacia when the member "
            "meets all of the following:",
            c("The member is 2 years of age or older"),
            g("all_of", "The member has hypophosphatemia with both of the following:",
              c("a low fasting serum phosphorus for age"),
              c("an intact FGF23 level that is raised or inappropriately normal for the low "
                "phosphorus")),
            g("any_of", "The tumor cannot be cured by surgery because one of the following "
              "applies:",
              c("The tumor has not been found despite functional imaging such as "
                "gallium-68 DOTATATE PET/CT"),
              c("The tumor was found but cannot be removed completely, or the member cannot "
                "undergo surgery"),
              c("The tumor came back after it was removed")),
            c("The member meets items 3 through 5 of Section 1"))
    d.heading("Section 2. Tumor-induced osteomalacia (initial approval: 12 months)", 10.5)
    d.para(tio.text)
    text_item("1.", "The member is 2 years of age or older;", 4)
    text_item("2.", "The member has hypophosphatemia with both of the following: a low "
              "fasting serum phosphorus for age; and an intact FGF23 level that is raised or "
              "inappropriately normal for the low phosphorus;", 4)
    text_item("3.", "The tumor cannot be cured by surgery because one of the following "
              "applies:", 4)
    for t in ["The tumor has not been found despite functional imaging such as gallium-68 "
              "DOTATATE PET/CT", "The tumor was found but cannot be removed completely, or "
              "the member cannot undergo surgery", "The tumor came back after it was "
              "removed"]:
        text_item("", t, 16)
    text_item("4.", "The member meets items 3 through 5 of Section 1 (phosphate and vitamin D "
              "stopped, renal function, prescriber).", 4)
    inds.append(Ind("Tumor-induced osteomalacia", "Section 2. Tumor-induced osteomalacia",
                    ["TIO", "oncogenic osteomalacia", "FGF23-related hypophosphatemia"],
                    ["M83.8"], tio))

    cont = g("all_of", "Continued treatment with burosumab-twza is medically necessary for "
             "XLH or TIO when all of the following are met:",
             c("the member met the criteria in Section 1 or Section 2 when burosumab was "
               "started"),
             c("the fasting serum phosphorus has risen since the start of treatment and is "
               "not above the upper limit of normal for age"),
             g("any_of", "the member has improved clinically, shown by at least one of",
               c("less bone pain or stiffness"),
               c("healing of rickets, pseudofractures or fractures on radiographs"),
               c("better walking, strength or growth")))
    if d.get_y() > d.h - 75:  # the section is one paragraph: keep it on one page
        d.add_page()
    d.heading("Section 3. Continuation of therapy (approval: 12 months)", 10.5)
    d.para("Continued treatment with burosumab-twza is medically necessary for XLH or TIO when "
           "all of the following are met: the member met the criteria in Section 1 or Section "
           "2 when burosumab was started; the fasting serum phosphorus has risen since the "
           "start of treatment and is not above the upper limit of normal for age; and the "
           "member has improved clinically, shown by at least one of (i) less bone pain or "
           "stiffness, (ii) healing of rickets, pseudofractures or fractures on radiographs, "
           "or (iii) better walking, strength or growth.")
    d.para("A member new to the Plan who is already taking burosumab-twza is reviewed under "
           "this section, with records from the start of treatment.", size=9.5, style="I")
    inds[0].continuation = cont
    inds[0].cont_anchor = "Section 3. Continuation of therapy"
    inds[1].continuation = cont
    inds[1].cont_anchor = "Section 3. Continuation of therapy"

    d.heading("Limitations/Exclusions", 11)
    d.para("Burosumab-twza is not considered medically necessary in any of the following "
           "situations:")
    excl = ["Use together with oral phosphate or active vitamin D analogs",
            "A fasting serum phosphorus within or above the normal range for age before "
            "treatment",
            "Hypophosphatemia from other causes, such as vitamin D deficiency, "
            "hyperparathyroidism or renal tubular disorders",
            "Doses above 2 mg/kg (pediatric, maximum 90 mg) or 1 mg/kg (adult, maximum 90 mg) "
            "every 4 weeks for XLH"]
    for k, t in enumerate(excl):
        text_item(f"{k + 1}.", t, 4)

    d.heading("Applicable Procedure Codes", 11)
    d.table_head([30, d.width - 30], ["Code", "Description"])
    d.row(["J0584", "Injection, burosumab-twza, 1 mg"])
    d.end_table()
    d.heading("Applicable ICD-10 Diagnosis Codes", 11)
    d.table_head([30, d.width - 30], ["Code", "Description"])
    d.row(["E83.31", "Familial hypophosphatemia"])
    d.row(["M83.8", "Other adult osteomalacia"])
    d.end_table()
    d.heading("Revision History", 11)
    d.para("10/09/2025 Annual review; Section 3 now applies to both indications. 10/2024 Added "
           "tumor-induced osteomalacia for members 2 years of age or older. 11/2018 New "
           "policy.", size=9.5)
    d.heading("References", 11)
    d.items([Item(0, f"{k + 1}.", r) for k, r in enumerate([
        "Crysvita (burosumab-twza) injection prescribing information. Revised 2023.",
        "Lindgren M, Azevedo P. FGF23 blockade in children and adults with X-linked "
        "hypophosphatemia. Bone Metab Rev. 2022;37:118-131.",
        "Nakamura S, et al. Localization and management of phosphaturic mesenchymal tumors. "
        "Endocr Pract Notes. 2023;29:455-463."])])
    return d, inds, excl


# =========================================================================================
# 5. VA PBM-style "Criteria for Use": lecanemab. Exclusion criteria ("If the answer to ANY
#    item below is met, the patient should NOT receive ..."), inclusion criteria ("The answer
#    to ALL of the following must be met"), each item behind a drawn check box; numbered
#    items with a. / i. / dash sub-items four levels deep and an "At least two of the
#    following" group; renewal criteria; "Approval Length" lines.
# =========================================================================================


def va_lecanemab() -> tuple[Doc, list[Ind], list[str]]:
    org = "Federal Health Services Pharmacy Benefits Management (PBM)"

    def header(d: Doc) -> None:
        d.set_font("helvetica", "I", 8)
        d.set_xy(d.l_margin, 8)
        d.cell(0, 4, "Lecanemab-irmb (LEQEMBI) Criteria for Use", align="L")
        d.set_xy(d.l_margin, 8)
        d.cell(0, 4, "December 2025", align="R")
        rule(d, 13.5, 120, 0.2)
        d.set_y(18)

    def footer(d: Doc) -> None:
        d.set_y(-14)
        d.set_font("helvetica", "", 7.5)
        d.cell(0, 3.5, "Updated versions may be found on the PBM intranet site. Contact "
               "national formulary staff with questions.", align="L")
        d.set_xy(d.l_margin, d.get_y() + 3.5)
        d.cell(0, 3.5, f"Page {d.page_no()} of {{nb}}", align="R")

    def boxes(items: list[Item]) -> None:
        """Each top-level item behind a drawn check box (a rectangle, not a glyph);
        sub-items with their printed markers, indented."""
        for it in items:
            x = d.l_margin + 3 + it.level * 7
            if d.get_y() + LINE > d.page_break_trigger:
                d.add_page()
            y = d.get_y()
            d.set_font("helvetica", "", 9.5)
            if it.level == 0:
                d.rect(x, y + 0.8, 3, 3)
                x += 5
            if it.marker:
                d.set_xy(x, y)
                d.cell(6, LINE, it.marker)
                x += 6
            d.set_xy(x, y)
            d.multi_cell(d.w - d.r_margin - x, LINE, it.text, new_x="LMARGIN", new_y="NEXT")
            d.ln(0.6)
        d.ln(1)

    def va_items(group: Crit, level: int = 0) -> list[Item]:
        marks = [lambda i: f"{i + 1}.", lambda i: f"{chr(97 + i)}.",
                 lambda i: ["i", "ii", "iii", "iv"][i] + ".", lambda i: "\u2013"]
        out: list[Item] = []
        for k, kid in enumerate(group.kids):
            out.append(Item(level, marks[min(level, 3)](k), kid.text))
            if kid.is_group:
                out.extend(va_items(kid, level + 1))
        return out

    def band(text: str) -> None:
        d.ln(1.5)
        if d.get_y() > d.h - 55:
            d.add_page()
        d.set_fill_color(205, 215, 230)
        d.set_font("helvetica", "B", 10)
        d.multi_cell(d.width, 5.5, text, fill=True, new_x="LMARGIN", new_y="NEXT")
        d.ln(1)

    d = Doc(header, footer)
    d.add_page()
    d.set_font("helvetica", "B", 14)
    d.cell(0, 7, "Lecanemab-irmb (LEQEMBI)", align="C", new_x="LMARGIN", new_y="NEXT")
    d.set_font("helvetica", "B", 11)
    d.cell(0, 6, "Criteria for Use", align="C", new_x="LMARGIN", new_y="NEXT")
    d.set_font("helvetica", "", 9)
    d.multi_cell(0, 4.2, f"December 2025\n{org}, Medical Advisory Panel, and Network "
                 "Pharmacist Executives", align="C", new_x="LMARGIN", new_y="NEXT")
    d.ln(2)
    d.para("The Criteria for Use (CFU) can help guide appropriate use of this drug. Clinicians "
           "should use them together with the current prescribing information and their own "
           "clinical judgment. Patients who do not meet the criteria may still receive the "
           "drug through the local non-formulary review process when the reason is "
           "documented.", size=9)
    band("FDA Approval Information")
    d.para("Lecanemab is an amyloid beta-directed antibody for the treatment of Alzheimer's "
           "disease in patients with mild cognitive impairment or mild dementia, the "
           "population in which treatment was studied. Lecanemab carries a boxed warning for "
           "amyloid-related imaging abnormalities (ARIA), which are more frequent in "
           "apolipoprotein E e4 (APOE e4) homozygotes.", size=9.5)

    band("Exclusion Criteria: If the answer to ANY item below is met, then the patient should "
         "NOT receive lecanemab")
    excl = ["Moderate or severe Alzheimer's dementia",
            "MRI showing more than 4 microhemorrhages, any macrohemorrhage, more than one area "
            "of superficial siderosis, or vasogenic edema",
            "Current treatment with an anticoagulant, or a bleeding disorder that is not "
            "controlled",
            "Stroke or transient ischemic attack within the past 12 months",
            "Cognitive impairment better explained by another condition, such as vascular "
            "dementia, Lewy body disease or a reversible cause",
            "Unable to undergo brain MRI"]
    boxes([Item(0, "", t) for t in excl])

    inc = g("all_of", "Inclusion Criteria: The answer to ALL of the following must be met in "
            "order to meet criteria",
            g("all_of", "Diagnosis of mild cognitive impairment due to Alzheimer's disease or "
              "mild Alzheimer's dementia, documented by both of the following:",
              c("Mini-Mental State Examination (MMSE) score of 22 to 30, or an equivalent "
                "score on another validated test"),
              c("Clinical Dementia Rating (CDR) global score of 0.5 or 1")),
            g("any_of", "Amyloid pathology confirmed by ONE of the following:",
              c("Amyloid PET scan read as positive by a qualified reader"),
              g("all_of", "Cerebrospinal fluid (CSF) testing consistent with Alzheimer's "
                "disease, meaning both of the following:",
                c("The sample was tested with an FDA-cleared or laboratory-validated assay"),
                g("at_least", "At least two of the following results are abnormal:",
                  c("Low amyloid beta 42 concentration"),
                  c("Low amyloid beta 42 to amyloid beta 40 ratio"),
                  c("High phosphorylated tau 181 to amyloid beta 42 ratio"), n=2))),
            c("Brain MRI within the 12 months before the first infusion, with none of the "
              "findings listed under Exclusion Criteria"),
            c("APOE e4 genotype testing has been done, and the ARIA risk for the patient's "
              "genotype has been discussed with the patient and care partner"),
            c("Patient and care partner agree to the MRI monitoring schedule before the 5th, "
              "7th and 14th infusions"),
            c("Prescribed by or in consultation with a neurologist, geriatric psychiatrist or "
              "geriatrician with expertise in dementia"))
    band(inc.text)
    boxes(va_items(inc))
    d.para("Approval Length: 6 months", style="B", size=9.5)

    renew = g("all_of", "Renewal Criteria: The answer to ALL of the following must be met for "
              "continued treatment",
              g("any_of", "The most recent monitoring MRI shows ONE of the following:",
                c("No ARIA-E and no new ARIA-H"),
                c("Mild ARIA without symptoms that has resolved or stabilized after dosing was "
                  "held as the prescribing information directs")),
              c("The patient remains in the mild stage of disease, with a CDR global score of "
                "1 or lower and an MMSE of 20 or higher"),
              c("No infusion-related or other adverse effect has made continued treatment "
                "unsafe"),
              c("The patient is still not taking an anticoagulant"))
    band(renew.text)
    boxes(va_items(renew))
    d.para("Approval Length: 6 months", style="B", size=9.5)

    inds = [Ind("Mild cognitive impairment or mild dementia due to Alzheimer's disease",
                "Inclusion Criteria: The answer to ALL",
                ["Alzheimer's disease", "early Alzheimer's disease", "MCI due to AD",
                 "mild Alzheimer's dementia"], [], inc, renew, "Renewal Criteria: The answer")]

    band("Dosage and Administration")
    d.para("10 mg/kg by intravenous infusion over about 1 hour every 2 weeks. After 18 months, "
           "10 mg/kg every 4 weeks may be considered. Brain MRI before the 5th, 7th and 14th "
           "infusions, and whenever symptoms suggest ARIA.", size=9.5)
    band("Issues for Consideration")
    d.para("APOE e4 homozygotes have the highest risk of ARIA, and the risk should be weighed "
           "in shared decision making. Antiplatelet drugs are not an exclusion. Thrombolytic "
           "therapy for a suspected stroke during treatment needs caution because ARIA can "
           "resemble stroke on imaging.", size=9.5)
    band("References")
    d.items([Item(0, f"{k + 1}.", r) for k, r in enumerate([
        "Leqembi (lecanemab-irmb) injection prescribing information. Revised 2025.",
        "Rahman S, Whitfield J. Amyloid-related imaging abnormalities in clinical practice. "
        "Neurol Ther Pract. 2024;12:66-79.",
        "Castellano D, et al. Plasma and CSF biomarker thresholds for amyloid confirmation. "
        "Dement Diagn Rev. 2023;5:201-214."])])
    return d, inds, excl
