"""Seventh synthetic batch, part A: a Mississippi / Alabama Medicaid-style drug criteria
sheet in capital letters whose criteria are run-on paragraphs without markers ("...; AND
...; OR ..."), luspatercept; a coverage policy whose lists carry no logic words at all and
state it in a trailing note ("Criteria 1 through 6 must all be met; for criterion 2, either
2a or 2b is enough."), with a criterion split mid-sentence by the page break, nintedanib; a
Blue Shield of California-style "Policy Statement" whose criteria are rows of a
"Criterion | Documentation required" table, esketamine. Our own words, fictional plans;
drawn with the first batch's layout engine (`../synthetic/render.py`) plus small local
helpers."""

from __future__ import annotations

from render import LINE, Crit, Doc, Ind, Item, c, g


def rule(d: Doc, y: float, shade: int = 150, width: float = 0.2) -> None:
    d.set_draw_color(shade)
    d.set_line_width(width)
    d.line(d.l_margin, y, d.w - d.r_margin, y)
    d.set_line_width(0.2)
    d.set_draw_color(0)


def text_item(d: Doc, marker: str, text: str, indent: float = 0.0, style: str = "",
              size: float = 10) -> None:
    """One list item: a marker in its own cell, the text wrapped beside it (no logic
    words added)."""
    d.set_font("helvetica", style, size)
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
    d.set_font("helvetica", "", 10)
    d.ln(0.8)


# =========================================================================================
# 1. Medicaid criteria sheet in capitals, run-on criteria: luspatercept. Every heading in
#    capitals; each indication has INITIAL APPROVAL CRITERIA / RENEWAL CRITERIA labels
#    over one paragraph whose criteria are separated by "; AND" (an alternative group:
#    "one of the following applies: ...; OR ..."), APPROVAL DURATION lines, DENIAL
#    CRITERIA as one semicolon-separated paragraph.
# =========================================================================================


def runon(group: Crit) -> str:
    """The group as one run-on paragraph: top-level criteria joined by "; AND", an
    alternative sub-group written as its lead-in followed by "...; OR ..."."""
    parts = []
    for kid in group.kids:
        if kid.is_group:
            joiner = "; OR " if kid.op == "any_of" else "; AND "
            parts.append(f"{kid.text} " + joiner.join(k.text for k in kid.kids))
        else:
            parts.append(kid.text)
    return "; AND ".join(parts) + "."


def ms_luspatercept() -> tuple[Doc, list[Ind], list[str]]:
    agency = "GULF PLAINS MEDICAID PHARMACY PROGRAM"

    def header(d: Doc) -> None:
        d.set_font("helvetica", "B", 9)
        d.set_xy(d.l_margin, 8)
        d.cell(0, 4, agency, align="L")
        d.set_font("helvetica", "", 8.5)
        d.set_xy(d.l_margin, 8)
        d.cell(0, 4, "PRIOR AUTHORIZATION CRITERIA", align="R")
        d.set_xy(d.l_margin, 12.5)
        d.cell(0, 4, "REVISED 11/2025", align="R")
        rule(d, 17.5, 0, 0.4)
        d.set_y(22)

    def footer(d: Doc) -> None:
        d.set_y(-14)
        d.set_font("helvetica", "", 7.5)
        d.cell(0, 3.5, "Criteria are subject to change. Fax requests to the pharmacy prior "
               "authorization unit with supporting chart notes.", align="L")
        d.set_xy(d.l_margin, d.get_y() + 3.5)
        d.cell(0, 3.5, f"PAGE {d.page_no()} OF {{nb}}", align="R")

    def caps(text: str, size: float = 10.5, space: float = 2.0) -> None:
        d.ln(space)
        if d.get_y() > d.h - 45:
            d.add_page()
        d.set_font("helvetica", "B", size)
        d.multi_cell(d.width, 5, text, new_x="LMARGIN", new_y="NEXT")
        d.set_font("helvetica", "", 10)
        d.ln(0.5)

    d = Doc(header, footer)
    d.add_page()
    d.set_font("helvetica", "B", 14)
    d.cell(0, 7, "LUSPATERCEPT-AAMT (REBLOZYL) INJECTION", new_x="LMARGIN", new_y="NEXT")
    d.set_font("helvetica", "", 9)
    d.cell(0, 4.5, "BENEFIT: MEDICAL AND PHARMACY    HCPCS: J0896    PA FORM: GENERAL "
           "PHYSICIAN-ADMINISTERED DRUG", new_x="LMARGIN", new_y="NEXT")
    caps("BACKGROUND")
    d.para("Luspatercept-aamt is an erythroid maturation agent. It binds ligands of the "
           "transforming growth factor beta superfamily and allows red cell precursors to "
           "mature, which raises hemoglobin and lowers the number of transfusions a patient "
           "needs. It is given under the skin once every 3 weeks by a health care "
           "professional. The dose is based on weight and is raised in steps when the "
           "response is not enough.", size=9.5)
    d.para("The criteria below are written as one statement per use. Each criterion is "
           "separated from the next by a semicolon and the word that joins them.", size=9.5,
           style="I")

    inds: list[Ind] = []
    bt = g("all_of", "INITIAL APPROVAL CRITERIA:",
           c("Beneficiary is 18 years of age or older"),
           c("beneficiary has a diagnosis of beta thalassemia or hemoglobin E/beta "
             "thalassemia confirmed by hemoglobin analysis or genetic testing"),
           c("beneficiary does not have hemoglobin S/beta thalassemia or alpha thalassemia "
             "as the only thalassemia"),
           c("beneficiary needs regular red blood cell transfusions, meaning at least 6 units "
             "in the 24 weeks before the request with no transfusion-free period longer "
             "than 35 days"),
           c("the prescriber has assessed thromboembolic risk, including prior splenectomy, "
             "and documents whether thromboprophylaxis is given"),
           c("prescribed by or in consultation with a hematologist"))
    bt_r = g("all_of", "RENEWAL CRITERIA:",
             c("Beneficiary met the initial approval criteria when luspatercept was started"),
             c("the transfusion burden has fallen by at least 33% compared with the 12 weeks "
               "before the first dose"),
             c("the dose does not exceed 1.25 mg/kg every 3 weeks"))
    caps("SECTION 1: BETA THALASSEMIA (ICD-10 D56.1, D56.5)", 11, 3)
    caps("INITIAL APPROVAL CRITERIA:", 10)
    d.para(runon(bt))
    caps("APPROVAL DURATION: 6 MONTHS (INITIAL)", 9.5, 0.5)
    caps("RENEWAL CRITERIA:", 10)
    d.para(runon(bt_r))
    caps("APPROVAL DURATION: 12 MONTHS (RENEWAL)", 9.5, 0.5)
    inds.append(Ind("Beta thalassemia", "SECTION 1: BETA THALASSEMIA",
                    ["transfusion-dependent beta thalassemia", "TDT",
                     "hemoglobin E/beta thalassemia"], ["D56.1", "D56.5"], bt, bt_r,
                    "RENEWAL CRITERIA"))

    mds = g("all_of", "INITIAL APPROVAL CRITERIA:",
            c("Beneficiary is 18 years of age or older"),
            c("beneficiary has a diagnosis of myelodysplastic syndrome, or myelodysplastic/"
              "myeloproliferative neoplasm with ring sideroblasts and thrombocytosis"),
            c("the disease is very low, low or intermediate risk by the Revised International "
              "Prognostic Scoring System (IPSS-R)"),
            c("the disease does not have an isolated deletion 5q abnormality"),
            c("beneficiary has needed at least 2 units of red blood cells in the 8 weeks "
              "before the request"),
            g("any_of", "one of the following applies:",
              c("beneficiary has never received an erythropoiesis-stimulating agent and the "
                "serum erythropoietin level is below 500 U/L"),
              c("beneficiary has ring sideroblasts (15% or more, or 5% or more with an SF3B1 "
                "mutation) and had an inadequate response to, lost response to, or could not "
                "take an erythropoiesis-stimulating agent")),
            c("prescribed by or in consultation with a hematologist or oncologist"))
    mds_r = g("all_of", "RENEWAL CRITERIA:",
              c("Beneficiary met the initial approval criteria when luspatercept was started"),
              c("beneficiary has been free of transfusions for at least 8 weeks, or needs at "
                "least 2 fewer red cell units per 8 weeks than before treatment"),
              c("the dose does not exceed 1.75 mg/kg every 3 weeks"))
    caps("SECTION 2: ANEMIA IN MYELODYSPLASTIC SYNDROMES (ICD-10 D46.x)", 11, 3)
    caps("INITIAL APPROVAL CRITERIA:", 10)
    d.para(runon(mds))
    caps("APPROVAL DURATION: 6 MONTHS (INITIAL)", 9.5, 0.5)
    caps("RENEWAL CRITERIA:", 10)
    d.para(runon(mds_r))
    caps("APPROVAL DURATION: 12 MONTHS (RENEWAL)", 9.5, 0.5)
    inds.append(Ind("Anemia in myelodysplastic syndromes", "SECTION 2: ANEMIA IN "
                    "MYELODYSPLASTIC", ["MDS", "MDS-RS", "MDS/MPN-RS-T",
                                        "myelodysplastic syndrome"], ["D46.0-D46.9"], mds,
                    mds_r, "RENEWAL CRITERIA"))

    caps("DENIAL CRITERIA:", 11, 3)
    excl = ["Use as a substitute for red blood cell transfusion when anemia must be corrected "
            "at once",
            "use for anemia of myelofibrosis, chronic kidney disease or any other cause not "
            "listed above, which is considered experimental",
            "use in non-transfusion-dependent beta thalassemia",
            "beneficiary is pregnant"]
    d.para("; ".join(excl) + ".")
    caps("DOSING AND QUANTITY LIMITS")
    d.para("Beta thalassemia: 1 mg/kg every 3 weeks, raised to 1.25 mg/kg when the transfusion "
           "burden has not fallen after at least 2 doses. Myelodysplastic syndromes: 1 mg/kg "
           "every 3 weeks, raised to 1.33 mg/kg and then 1.75 mg/kg when the beneficiary is "
           "still transfusion dependent. Stop when there is no reduction in transfusion "
           "burden after 3 doses at the highest dose.", size=9.5)
    caps("BILLING CODES")
    d.table_head([30, d.width - 30], ["CODE", "DESCRIPTION"])
    d.row(["J0896", "Injection, luspatercept-aamt, 0.25 mg"])
    d.row(["D56.1", "Beta thalassemia"])
    d.row(["D56.5", "Hemoglobin E-beta thalassemia"])
    d.row(["D46.x", "Myelodysplastic syndromes"])
    d.end_table()
    caps("REFERENCES")
    d.items([Item(0, f"{k + 1}.", r) for k, r in enumerate([
        "Reblozyl (luspatercept-aamt) for injection, prescribing information. Revised 2024.",
        "Okonkwo L, Barrett J. Erythroid maturation agents in transfusion-dependent "
        "thalassemia. Hemat Ther Rev. 2023;18:44-58.",
        "Salazar M, et al. First-line treatment of anemia in lower-risk myelodysplastic "
        "syndromes. Marrow Dis Pract. 2024;9:101-117."])])
    return d, inds, excl


# =========================================================================================
# 2. Coverage criteria with the logic stated only in a trailing note: nintedanib. Numbered
#    criteria and lettered sub-criteria with no "all of" / "one of" words; a line after
#    each list says which must be met ("Criteria 1 through 6 must all be met; for
#    criterion 2, either 2a or 2b is enough."). One continuation list for all uses. A
#    criterion of the SSc-ILD list runs over the page break mid-sentence.
# =========================================================================================


def numbered(d: Doc, group: Crit, indent: float = 4.0) -> None:
    for k, kid in enumerate(group.kids):
        text_item(d, f"{k + 1}.", kid.text, indent)
        if kid.is_group:
            for j, sub in enumerate(kid.kids):
                text_item(d, f"{k + 1}{chr(97 + j)}.", sub.text, indent + 9)


def note(d: Doc, text: str) -> None:
    d.set_font("helvetica", "I", 9)
    d.set_x(d.l_margin + 4)
    d.multi_cell(d.width - 4, 4.2, text, new_x="LMARGIN", new_y="NEXT")
    d.set_font("helvetica", "", 10)
    d.ln(3.5)


def note_nintedanib() -> tuple[Doc, list[Ind], list[str]]:
    plan = "Lakes & Prairie Health Partners"

    def header(d: Doc) -> None:
        d.set_fill_color(30, 90, 80)
        d.rect(0, 0, d.w, 6, style="F")
        d.set_font("helvetica", "B", 9)
        d.set_xy(d.l_margin, 9)
        d.cell(0, 4, plan, align="L")
        d.set_font("helvetica", "", 8.5)
        d.set_xy(d.l_margin, 9)
        d.cell(0, 4, "Coverage Policy: Nintedanib (Ofev)  |  Pharmacy  |  #RX-1187", align="R")
        rule(d, 15, 120, 0.2)
        d.set_y(20)

    def footer(d: Doc) -> None:
        d.set_y(-14)
        d.set_font("helvetica", "", 7.5)
        d.cell(0, 3.5, "Copyright 2025 Lakes & Prairie Health Partners. For plan members and "
               "providers only.", align="L")
        d.set_xy(d.l_margin, d.get_y())
        d.cell(0, 3.5, f"{d.page_no()}", align="R")

    def head(text: str, size: float = 11) -> None:
        d.heading(text, size, space=2)

    d = Doc(header, footer)
    d.add_page()
    d.set_font("helvetica", "B", 15)
    d.cell(0, 8, "Nintedanib (Ofev) capsules", new_x="LMARGIN", new_y="NEXT")
    d.set_font("helvetica", "", 9)
    d.cell(0, 4.5, "Effective: January 1, 2026    Next review: October 2026    Products: "
           "Commercial, Exchange", new_x="LMARGIN", new_y="NEXT")
    head("About this drug")
    d.para("Nintedanib is an oral tyrosine kinase inhibitor that blocks fibroblast growth "
           "signals. It slows the yearly loss of lung function in idiopathic pulmonary "
           "fibrosis, in interstitial lung disease linked to systemic sclerosis, and in other "
           "chronic fibrosing lung diseases that keep progressing. It does not reverse "
           "fibrosis that is already present.", size=9.5)
    head("Coverage criteria")
    d.para("Each use below lists numbered criteria. The line under each list says how many of "
           "them must be met. Sub-criteria carry the number of the criterion they belong to, and a "
           "request must include the records that show each one.", size=9.5)

    inds: list[Ind] = []
    ipf = g("all_of", "",
            c("Diagnosis of idiopathic pulmonary fibrosis after known causes of interstitial "
              "lung disease were looked for and excluded (home and workplace exposures, "
              "connective tissue disease, drug toxicity)"),
            g("any_of", "Diagnostic imaging or tissue:",
              c("High-resolution CT (HRCT) of the chest shows a usual interstitial "
                "pneumonia (UIP) pattern"),
              c("HRCT shows a probable UIP or indeterminate pattern, and surgical lung biopsy "
                "or a multidisciplinary discussion confirms idiopathic pulmonary fibrosis")),
            c("Forced vital capacity (FVC) is 50% of predicted or higher on spirometry done "
              "within the last 60 days"),
            c("ALT, AST and bilirubin were checked within 3 months before the first dose, and "
              "there is no moderate or severe hepatic impairment (Child-Pugh B or C)"),
            c("Nintedanib will not be taken together with pirfenidone"),
            c("Prescribed by or in consultation with a pulmonologist"))
    head("A. Idiopathic pulmonary fibrosis (IPF)", 10.5)
    numbered(d, ipf)
    note(d, "Criteria 1 through 6 must all be met; for criterion 2, either 2a or 2b is "
         "enough. Approval: 12 months.")
    inds.append(Ind("Idiopathic pulmonary fibrosis", "A. Idiopathic pulmonary fibrosis (IPF)",
                    ["IPF"], ["J84.112"], ipf))

    ssc = g("all_of", "",
            c("Diagnosis of systemic sclerosis that meets the 2013 ACR/EULAR classification "
              "criteria"),
            c("Interstitial lung disease on HRCT with fibrosis involving at least 10% of the "
              "lungs, as estimated by the reading radiologist"),
            c("FVC is 40% of predicted or higher and DLCO is 30% to 89% of predicted, both "
              "measured within the last 60 days"),
            c("ALT, AST and bilirubin were checked within 3 months before the first dose, and "
              "there is no moderate or severe hepatic impairment (Child-Pugh B or C), as "
              "hepatic exposure to nintedanib rises markedly with liver impairment and the "
              "drug has not been studied in that group"),
            c("Prescribed by or in consultation with a pulmonologist or a rheumatologist"))
    head("B. Systemic sclerosis-associated interstitial lung disease (SSc-ILD)", 10.5)
    numbered(d, ssc)
    note(d, "Criteria 1 through 5 must all be met. Approval: 12 months.")
    inds.append(Ind("Systemic sclerosis-associated interstitial lung disease",
                    "B. Systemic sclerosis-associated interstitial lung disease",
                    ["SSc-ILD", "scleroderma lung disease"], ["M34.81"], ssc))

    pf = g("all_of", "",
           c("Diagnosis of a chronic fibrosing interstitial lung disease other than "
             "idiopathic pulmonary fibrosis, such as fibrotic hypersensitivity pneumonitis, "
             "rheumatoid arthritis-associated ILD or unclassifiable idiopathic interstitial "
             "pneumonia"),
           c("Reticular abnormality with traction bronchiectasis on HRCT involving more than "
             "10% of the lungs"),
           g("any_of", "Progression within the last 24 months despite usual management:",
             c("A relative fall in FVC of 10% of predicted or more"),
             c("A relative fall in FVC of 5% to less than 10% of predicted with worse "
               "respiratory symptoms or more fibrosis on HRCT"),
             c("Worse respiratory symptoms together with more fibrosis on HRCT")),
           c("ALT, AST and bilirubin were checked within 3 months before the first dose"),
           c("Prescribed by or in consultation with a pulmonologist"))
    head("C. Chronic fibrosing ILD with a progressive phenotype (PF-ILD)", 10.5)
    numbered(d, pf)
    note(d, "Criteria 1 through 5 must all be met; criterion 3 is met by any one of 3a, 3b "
         "or 3c. Approval: 12 months.")
    inds.append(Ind("Chronic fibrosing interstitial lung disease with a progressive phenotype",
                    "C. Chronic fibrosing ILD with a progressive",
                    ["PF-ILD", "progressive pulmonary fibrosis", "PPF"], ["J84.10", "J84.89"],
                    pf))

    cont = g("all_of", "",
             c("The member has been taking nintedanib and this plan or a previous plan "
               "approved it for one of the uses in A, B or C"),
             c("The prescriber reports that the member is benefiting, for example a slower "
               "decline in FVC than before treatment, or stable breathing and exercise "
               "tolerance"),
             c("Liver tests have been repeated as the label advises and the dose has been "
               "reduced or held for ALT or AST above 3 times the upper limit of normal"),
             c("Nintedanib is not being taken together with pirfenidone"))
    head("D. Continuation of therapy (all uses)", 10.5)
    numbered(d, cont)
    note(d, "All four continuation criteria must be met. Approval: 12 months.")
    for ind in inds:
        ind.continuation = cont
        ind.cont_anchor = "D. Continuation of therapy (all uses)"

    head("Not covered")
    d.para("This plan considers nintedanib not medically necessary or experimental for:")
    excl = ["Interstitial lung disease without fibrosis, or lung disease from a cause that is "
            "still present and can be removed",
            "Use together with pirfenidone",
            "Moderate or severe hepatic impairment (Child-Pugh B or C)",
            "Lung transplant recipients with chronic lung allograft dysfunction"]
    d.items([Item(0, "\u2022", e) for e in excl])
    head("Dosing")
    d.para("150 mg by mouth twice a day about 12 hours apart with food. 100 mg twice a day for "
           "mild hepatic impairment (Child-Pugh A) or to manage side effects. Quantity limit: "
           "60 capsules per 30 days.", size=9.5)
    head("Codes")
    d.table_head([30, d.width - 30], ["ICD-10", "Description"])
    for code, desc in [("J84.112", "Idiopathic pulmonary fibrosis"),
                       ("M34.81", "Systemic sclerosis with lung involvement"),
                       ("J84.10", "Pulmonary fibrosis, unspecified"),
                       ("J84.89", "Other specified interstitial pulmonary diseases")]:
        d.row([code, desc])
    d.end_table()
    head("References")
    d.items([Item(0, f"{k + 1}.", r) for k, r in enumerate([
        "Ofev (nintedanib) capsules prescribing information. Revised 2025.",
        "Halvorsen K, Duarte P. Antifibrotic therapy beyond idiopathic pulmonary fibrosis. "
        "Pulm Fibrosis Pract. 2023;11:12-29.",
        "Whitcombe R, et al. Defining progression in fibrosing interstitial lung disease. "
        "Chest Imaging Clin Rev. 2024;6:77-90."])])
    return d, inds, excl


# =========================================================================================
# 3. Blue Shield of California-style Policy Statement with criteria tables: esketamine.
#    Numbered Policy Statement paragraphs ("... when all of the criteria in Table 1 are
#    met"); each table has one criterion per row (No. | Criterion | Documentation
#    required); an alternative row holds "One of the following:" and lettered sub-items
#    inside the cell; approval lines under each table.
# =========================================================================================


def crit_cell(kid: Crit) -> list[Item]:
    if not kid.is_group:
        return [Item(0, "", kid.text)]
    return [Item(0, "", kid.text)] + [Item(1, f"{chr(97 + j)}.", s.text)
                                      for j, s in enumerate(kid.kids)]


def bsc_esketamine() -> tuple[Doc, list[Ind], list[str]]:
    plan = "Pacific Vista Health Plan"

    def header(d: Doc) -> None:
        d.set_font("helvetica", "B", 10)
        d.set_text_color(0, 85, 165)
        d.set_xy(d.l_margin, 8)
        d.cell(0, 5, plan, align="L")
        d.set_text_color(0)
        d.set_font("helvetica", "", 8.5)
        d.set_xy(d.l_margin, 8.5)
        d.cell(0, 4, "Esketamine Nasal Spray   Policy 5.01.712", align="R")
        rule(d, 15, 0, 0.3)
        d.set_y(19)

    def footer(d: Doc) -> None:
        d.set_y(-14)
        d.set_font("helvetica", "", 7.5)
        d.cell(0, 3.5, "Reproduction without authorization from Pacific Vista Health Plan is "
               "prohibited.", align="L")
        d.set_xy(d.l_margin, d.get_y() + 3.5)
        d.cell(0, 3.5, f"Page {d.page_no()} of {{nb}}", align="R")

    def section(title: str) -> None:
        d.ln(2)
        if d.get_y() > d.h - 50:
            d.add_page()
        d.set_font("helvetica", "B", 11)
        d.set_fill_color(225, 235, 245)
        d.cell(0, 6.5, title, fill=True, new_x="LMARGIN", new_y="NEXT")
        d.set_font("helvetica", "", 10)
        d.ln(1)

    widths = [12, 98, 0.0]

    def table(title: str, group: Crit) -> None:
        d.set_font("helvetica", "B", 9.5)
        if d.get_y() > d.h - 50:
            d.add_page()
        d.cell(0, 5, title, new_x="LMARGIN", new_y="NEXT")
        w = [widths[0], widths[1], d.width - widths[0] - widths[1]]
        d.table_head(w, ["No.", "Criterion", "Documentation required"])
        for k, kid in enumerate(group.kids):
            d.row([str(k + 1), crit_cell(kid), docs[id(kid)]])
        d.end_table()

    docs: dict[int, str] = {}

    def row(crit: Crit, doc: str) -> Crit:
        docs[id(crit)] = doc
        return crit

    d = Doc(header, footer)
    d.add_page()
    d.set_font("helvetica", "B", 15)
    d.cell(0, 8, "Esketamine Nasal Spray (Spravato)", new_x="LMARGIN", new_y="NEXT")
    d.set_font("helvetica", "", 9)
    d.cell(0, 4.5, "Original Policy Date: March 2019    Last Review: November 2025    "
           "Effective: January 2026", new_x="LMARGIN", new_y="NEXT")

    section("Policy Statement")
    d.para("I.  Esketamine nasal spray may be considered medically necessary for "
           "treatment-resistant depression when all of the criteria in Table 1 are met.")
    d.para("II.  Continued esketamine nasal spray for treatment-resistant depression may be "
           "considered medically necessary when all of the criteria in Table 2 are met.")
    d.para("III.  Esketamine nasal spray may be considered medically necessary for depressive "
           "symptoms in adults with major depressive disorder with acute suicidal ideation or "
           "behavior when all of the criteria in Table 3 are met.")
    d.para("IV.  Esketamine nasal spray is considered investigational for all other uses, "
           "including those listed under Limitations.")
    section("Policy Guidelines")
    d.para("Esketamine is given only in a certified health care setting enrolled in the "
           "Spravato Risk Evaluation and Mitigation Strategy (REMS). The patient self-"
           "administers the spray under the direct observation of a health care provider and "
           "is monitored for sedation, dissociation and blood pressure for at least 2 hours "
           "after each dose. An adequate antidepressant trial is a dose at or above the "
           "labeled minimum taken for at least 6 weeks in the current episode.", size=9.5)

    section("Coverage Criteria")
    # Each root's logic is its Policy Statement sentence ("all of the criteria in Table 1");
    # the gold root is the table (no lead-in in the gold, page of its first row).
    inds: list[Ind] = []
    trd = g("all_of", "",
            row(c("The patient is 18 years of age or older"), "Date of birth"),
            row(c("Diagnosis of major depressive disorder, current episode, by DSM-5 criteria, "
                  "without psychotic features"), "Psychiatric evaluation with the diagnosis"),
            row(c("Inadequate response to at least two different oral antidepressants, each "
                  "taken at an adequate dose for at least 6 weeks in the current episode"),
                "Drug names, doses, start and stop dates and the response"),
            row(g("any_of", "One of the following scores within the last 30 days:",
                  c("PHQ-9 total score of 15 or higher"),
                  c("MADRS total score of 28 or higher"),
                  c("HAM-D 17-item total score of 20 or higher")),
                "The scale, the score and the date"),
            row(c("No aneurysmal vascular disease, arteriovenous malformation or history of "
                  "intracerebral hemorrhage"), "Medical history and current problem list"),
            row(c("Doses will be given and monitored in a certified health care setting "
                  "enrolled in the Spravato REMS"), "Name and REMS number of the setting"),
            row(c("Prescribed by a psychiatrist"), "Prescriber specialty"))
    table("Table 1. Treatment-resistant depression: initial request (approval: 6 months)", trd)
    inds.append(Ind("Treatment-resistant depression", "Table 1. Treatment-resistant depression",
                    ["TRD", "major depressive disorder", "MDD"], ["F32.2", "F33.1", "F33.2"],
                    trd))

    trd_c = g("all_of", "",
              row(c("The patient was approved for esketamine under Table 1 or has been "
                    "treated with it for treatment-resistant depression"),
                  "Prior approval or treatment records"),
              row(c("The depression score on the scale used at the start has improved by at "
                    "least 25%"), "Baseline and current scores with dates"),
              row(c("After week 8, doses are given no more often than once a week"),
                  "Dosing log"),
              row(c("Doses continue to be given and monitored in a certified health care "
                    "setting enrolled in the Spravato REMS"), "Name and REMS number of the "
                  "setting"))
    table("Table 2. Treatment-resistant depression: continuation (approval: 12 months)", trd_c)
    inds[0].continuation = trd_c
    inds[0].cont_anchor = "Table 2. Treatment-resistant depression"

    mdsi = g("all_of", "",
             row(c("The patient is 18 years of age or older"), "Date of birth"),
             row(c("Diagnosis of major depressive disorder with current suicidal ideation or "
                   "behavior, assessed by a psychiatrist"), "Psychiatric evaluation, risk "
                 "assessment"),
             row(c("Esketamine will be used together with an oral antidepressant"),
                 "Name and dose of the oral antidepressant"),
             row(c("No aneurysmal vascular disease, arteriovenous malformation or history of "
                   "intracerebral hemorrhage"), "Medical history and current problem list"),
             row(c("Doses will be given and monitored in a certified health care setting "
                   "enrolled in the Spravato REMS"), "Name and REMS number of the setting"),
             row(c("Prescribed by a psychiatrist"), "Prescriber specialty"))
    table("Table 3. Major depressive disorder with acute suicidal ideation or behavior "
          "(approval: 4 weeks, not renewable)", mdsi)
    inds.append(Ind("Major depressive disorder with acute suicidal ideation or behavior",
                    "Table 3. Major depressive disorder with acute suicidal",
                    ["MDSI", "depression with suicidal ideation"], ["F32.2", "F33.2",
                                                                    "R45.851"], mdsi))

    section("Limitations")
    d.para("Esketamine nasal spray is not covered for:")
    excl = ["Use as an anesthetic or for pain",
            "Depression with psychotic features, bipolar depression, or a substance-induced "
            "mood disorder",
            "Home use or any use outside a certified REMS health care setting",
            "Use after 4 weeks for acute suicidal ideation without a separate request under "
            "Table 1"]
    d.items([Item(0, "\u2022", e) for e in excl])
    section("Documentation Requirements")
    d.para("Requests must include the documentation listed in the right-hand column of each "
           "table. Scores without dates, or trials without doses and dates, are returned as "
           "incomplete.", size=9.5)
    section("Coding")
    d.table_head([30, d.width - 30], ["Code", "Description"])
    d.row(["S0013", "Esketamine, nasal spray, 1 mg"])
    d.row(["G2082", "Office or outpatient visit with esketamine self-administration, up to "
           "56 mg, including 2 hours of post-administration observation"])
    d.row(["G2083", "The same, greater than 56 mg"])
    d.end_table()
    section("References")
    d.items([Item(0, f"{k + 1}.", r) for k, r in enumerate([
        "Spravato (esketamine) nasal spray prescribing information. Revised 2025.",
        "Iverson T, Lam C. Defining treatment resistance in major depression. Psychiatr Pract "
        "Rev. 2022;30:210-224.",
        "Moreau A, et al. Rapid-acting treatment for depression with suicidal ideation. Crisis "
        "Care Notes. 2023;14:5-19."])])
    return d, inds, excl
