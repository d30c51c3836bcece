"""Eighth synthetic batch, part B: a coverage policy with one ruled side-by-side table per
indication, "Initial authorization | Continuation" columns, each cell holding its own list,
setmelanotide; a PBM prior-authorization form whose criteria are one flat numbered list and
whose logic is only a formula line ("Approve if (1 and 2 and (3 or 4) and 5)"),
baricitinib. Our own words, fictional plans; drawn with the first batch's layout engine
(`../synthetic/render.py`)."""

from __future__ import annotations

from payers8_a import refs, rule, text_item
from render import Crit, Doc, Ind, Item, c, g

# =========================================================================================
# 4. Side-by-side "Initial authorization | Continuation" table: setmelanotide. Per
#    indication a bold heading, then one two-column ruled table row whose cells hold each
#    branch's lead-in ("All of the following:") over numbered items and lettered
#    alternatives. The row runs over the page break for the second indication.
# =========================================================================================


def cell_items(group: Crit) -> list[Item]:
    out = [Item(0, "", group.text, "B")]
    for k, kid in enumerate(group.kids):
        out.append(Item(0, f"{k + 1}.", kid.text))
        if kid.is_group:
            out += [Item(1, f"{chr(97 + j)}.", s.text) for j, s in enumerate(kid.kids)]
    return out


def sidebyside_setmelanotide() -> tuple[Doc, list[Ind], list[str]]:
    plan = "Harborview Community Health"

    def header(d: Doc) -> None:
        d.set_font("helvetica", "B", 9.5)
        d.set_xy(d.l_margin, 8)
        d.cell(0, 4, plan, align="L")
        d.set_font("helvetica", "", 8.5)
        d.set_xy(d.l_margin, 8)
        d.cell(0, 4, "Pharmacy Coverage Policy  -  Setmelanotide (Imcivree)  -  PH-0932",
               align="R")
        rule(d, 13.5, 0, 0.5)
        d.set_y(18)

    def footer(d: Doc) -> None:
        d.set_y(-14)
        d.set_font("helvetica", "", 7.5)
        d.cell(0, 3.5, "Printed copies are uncontrolled. Check the plan website for the "
               "current version.", align="L")
        d.set_xy(d.l_margin, d.get_y() + 3.5)
        d.cell(0, 3.5, f"Page {d.page_no()}", align="R")

    d = Doc(header, footer)
    d.add_page()
    d.set_font("helvetica", "B", 15)
    d.cell(0, 8, "Setmelanotide (Imcivree) subcutaneous injection", new_x="LMARGIN",
           new_y="NEXT")
    d.set_font("helvetica", "", 9)
    d.cell(0, 4.5, "Effective date: 01/01/2026    Review cycle: annual    Benefit: pharmacy "
           "(specialty)", new_x="LMARGIN", new_y="NEXT")
    d.heading("Description", 11)
    d.para("Setmelanotide is a melanocortin-4 receptor agonist. It restores signalling in the "
           "hypothalamic pathway that controls hunger and energy use when that pathway is "
           "broken upstream of the receptor. It treats obesity caused by specific rare "
           "genetic defects; it is not a treatment for common obesity.", size=9.5)
    d.heading("Testing and Measurement", 11)
    d.para("Genetic results must name the gene, each variant found and how the laboratory "
           "classified it. Body mass index in children is read from the growth charts for "
           "age and sex; the percentile and the chart used must be stated. Weight and height "
           "are taken in the clinic without shoes, and the same scale should be used at each "
           "visit where possible, so that a change of a few percent can be trusted.", size=9.5)
    d.heading("Clinical Criteria", 11)
    d.para("For each indication the table gives the initial criteria on the left and the "
           "continuation criteria on the right. Baseline weight and BMI from the start of "
           "treatment must be included with every continuation request.", size=9.5)

    half = None

    def table(initial: Crit, cont: Crit, left: str, right: str) -> None:
        nonlocal half
        half = d.width / 2
        d.table_head([half, half], [left, right])
        d.row([cell_items(initial), cell_items(cont)])
        d.end_table()

    inds: list[Ind] = []
    pomc = g("all_of", "All of the following:",
             c("Patient is 2 years of age or older"),
             c("Genetic testing shows biallelic variants of the POMC, PCSK1 or LEPR gene that "
               "are interpreted as pathogenic, likely pathogenic or of uncertain "
               "significance"),
             g("any_of", "One of the following at baseline:",
               c("Adults: body mass index of 30 kg/m2 or more"),
               c("Children 2 to 17 years: body mass index at or above the 95th percentile "
                 "for age and sex")),
             c("Baseline weight and height were measured within 30 days before the "
               "request"),
             c("Setmelanotide will not be used with another drug prescribed for weight "
               "loss"),
             c("Prescribed by an endocrinologist, a medical geneticist or an obesity "
               "medicine specialist"))
    pomc_c = g("all_of", "All of the following:",
               c("Patient has been treated with setmelanotide for at least 16 weeks at the "
                 "dose the label advises"),
               g("any_of", "One of the following since baseline:",
                 c("Weight loss of at least 5% of baseline body weight"),
                 c("For a patient still growing, a fall of at least 5% in baseline body "
                   "mass index")),
               c("Setmelanotide is still not used with another drug prescribed for weight "
                 "loss"))
    d.heading("1. Obesity due to POMC, PCSK1 or LEPR deficiency", 10.5)
    table(pomc, pomc_c, "Initial authorization (4 months)", "Continuation (12 months)")
    inds.append(Ind("Obesity due to POMC, PCSK1 or LEPR deficiency", "1. Obesity due to "
                    "POMC", ["proopiomelanocortin deficiency", "leptin receptor deficiency",
                             "PCSK1 deficiency"], ["E88.82"], pomc, pomc_c,
                    "Continuation (12 months)"))

    bbs = g("all_of", "All of the following:",
            c("Patient is 2 years of age or older"),
            c("Clinical diagnosis of Bardet-Biedl syndrome based on at least four primary "
              "features, or three primary and two secondary features"),
            g("any_of", "One of the following at baseline:",
              c("Adults: body mass index of 30 kg/m2 or more"),
              c("Children 2 to 17 years: body mass index at or above the 97th percentile "
                "for age and sex")),
            c("Baseline weight and height were measured within 30 days before the "
              "request"),
            c("Setmelanotide will not be used with another drug prescribed for weight "
              "loss"),
            c("Prescribed by an endocrinologist, a medical geneticist or an obesity "
              "medicine specialist"))
    bbs_c = g("all_of", "All of the following:",
              c("Patient has been treated with setmelanotide for at least 1 year"),
              g("any_of", "One of the following since baseline:",
                c("Weight loss of at least 5% of baseline body weight"),
                c("For a patient still growing, a fall of at least 5% in baseline body mass "
                  "index")),
              c("Setmelanotide is still not used with another drug prescribed for weight "
                "loss"))
    d.heading("2. Obesity due to Bardet-Biedl syndrome", 10.5)
    table(bbs, bbs_c, "Initial authorization (12 months)", "Continuation (12 months)")
    inds.append(Ind("Obesity due to Bardet-Biedl syndrome", "2. Obesity due to Bardet-Biedl",
                    ["BBS"], ["Q87.83"], bbs, bbs_c, "Continuation (12 months)"))

    d.heading("Not Covered", 11)
    d.para("Setmelanotide is considered not medically necessary for:")
    excl = ["Obesity with only one variant (heterozygous) of POMC, PCSK1 or LEPR, or with a "
            "variant interpreted as benign or likely benign",
            "Common (polygenic) obesity, or obesity linked to other genes such as MC4R",
            "Hypothalamic obesity after brain injury or tumor, or Prader-Willi syndrome",
            "Patients who are pregnant or breastfeeding"]
    d.items([Item(0, "\u00bb", e) for e in excl])
    d.heading("Background", 11)
    d.para("Primary features of Bardet-Biedl syndrome are rod-cone dystrophy, extra digits, "
           "obesity, learning problems, hypogonadism and kidney anomalies. Secondary features "
           "include speech delay, diabetes, dental crowding and heart defects. Skin "
           "darkening and nausea are common early in treatment; depression and suicidal "
           "thoughts should be asked about at every visit.", size=9.5)
    d.heading("Coding", 11)
    d.table_head([30, d.width - 30], ["ICD-10", "Description"])
    for code, desc in [("E88.82", "Obesity due to disruption of MC4R pathway"),
                       ("Q87.83", "Bardet-Biedl syndrome"),
                       ("E66.812", "Obesity, class 2"),
                       ("E66.813", "Obesity, class 3")]:
        d.row([code, desc])
    d.end_table()
    d.heading("References", 11)
    refs(d, ["Imcivree (setmelanotide) injection prescribing information. Revised 2024.",
             "Okafor N, Reyes L. Monogenic obesity: who to test and what to offer. Endocr "
             "Metab Pract. 2023;29:301-315.",
             "Stahl V, et al. Weight outcomes with melanocortin-4 receptor agonism in "
             "ciliopathies. Pediatr Obes Rev. 2024;8:55-70."])
    return d, inds, excl


# =========================================================================================
# 5. PBM prior-authorization form with a formula line: baricitinib. Each section is one
#    flat numbered list without logic words; the bold line under it is the logic: "Approve
#    if (1 and 2 and (3 or 4) and 5)". Renewal lists restart at 1 with their own formula.
# =========================================================================================


def flat(group: Crit) -> list[Crit]:
    out: list[Crit] = []
    for kid in group.kids:
        out += flat(kid) if kid.is_group else [kid]
    return out


def formula(group: Crit, number: dict[int, int]) -> str:
    word = " and " if group.op == "all_of" else " or "
    return "(" + word.join(formula(k, number) if k.is_group else str(number[id(k)])
                           for k in group.kids) + ")"


def formula_baricitinib() -> tuple[Doc, list[Ind], list[str]]:
    pbm = "Keystone Rx Benefit Management"

    def header(d: Doc) -> None:
        d.set_fill_color(40, 40, 40)
        d.rect(d.l_margin, 7, d.width, 7, style="F")
        d.set_text_color(255)
        d.set_font("helvetica", "B", 9)
        d.set_xy(d.l_margin + 2, 8.5)
        d.cell(0, 4, f"{pbm}  |  PRIOR AUTHORIZATION CRITERIA", align="L")
        d.set_xy(d.l_margin, 8.5)
        d.cell(d.width - 2, 4, "Form PA-JAK-07", align="R")
        d.set_text_color(0)
        d.set_y(19)

    def footer(d: Doc) -> None:
        d.set_y(-14)
        d.set_font("helvetica", "", 7.5)
        d.cell(0, 3.5, "Numbers in the approval formula refer to the numbered criteria of the "
               "same section.", align="L")
        d.set_xy(d.l_margin, d.get_y() + 3.5)
        d.cell(0, 3.5, f"PA-JAK-07 rev. 01/2026        page {d.page_no()} of {{nb}}",
               align="R")

    def band(text: str) -> None:
        d.ln(2)
        if d.get_y() > d.h - 60:
            d.add_page()
        d.set_font("helvetica", "B", 10.5)
        d.set_fill_color(215, 215, 215)
        d.cell(0, 6, text, fill=True, new_x="LMARGIN", new_y="NEXT")
        d.set_font("helvetica", "", 10)
        d.ln(1)

    def section(title: str, group: Crit, approval: str, word: str = "Approve") -> None:
        d.set_font("helvetica", "B", 10)
        if d.get_y() > d.h - 50:
            d.add_page()
        d.cell(0, 5, title, new_x="LMARGIN", new_y="NEXT")
        d.set_font("helvetica", "", 10)
        number: dict[int, int] = {}
        for k, leaf in enumerate(flat(group)):
            number[id(leaf)] = k + 1
            text_item(d, f"{k + 1}.", leaf.text, 3)
        d.set_font("helvetica", "B", 10)
        d.multi_cell(d.width, 5, f"{word} if {formula(group, number)}", new_x="LMARGIN",
                     new_y="NEXT")
        d.set_font("helvetica", "I", 9.5)
        d.cell(0, 4.5, approval, new_x="LMARGIN", new_y="NEXT")
        d.set_font("helvetica", "", 10)
        d.ln(2)

    d = Doc(header, footer)
    d.add_page()
    d.set_font("helvetica", "B", 14)
    d.cell(0, 7, "Baricitinib (Olumiant) tablets", new_x="LMARGIN", new_y="NEXT")
    d.set_font("helvetica", "", 9)
    d.cell(0, 4.5, "Drug class: Janus kinase (JAK) inhibitor    Quantity limit: 30 tablets "
           "per 30 days", new_x="LMARGIN", new_y="NEXT")
    band("Instructions")
    d.para("Each section lists numbered criteria. A request is approved when the formula "
           "printed under the list is true for the member: 'and' means both parts are "
           "needed, 'or' means either part is enough. Reviewers record the number of every "
           "criterion they find documented. A criterion that cannot be checked from the "
           "records sent is counted as not met until the prescriber supplies them; a "
           "section marked 'not reviewed on this form' is handled by the medical benefit. "
           "Renewal sections number their criteria from 1 again.", size=9.5)

    inds: list[Ind] = []
    aa = g("all_of", "",
           c("Member is 18 years of age or older"),
           c("Diagnosis of severe alopecia areata with a Severity of Alopecia Tool (SALT) "
             "score of 50 or higher"),
           c("The current episode of hair loss has lasted at least 6 months"),
           c("Other causes of hair loss, such as androgenetic alopecia, telogen effluvium, "
             "tinea capitis and lupus, have been ruled out"),
           c("A tuberculosis test within the last 12 months is negative, or latent "
             "tuberculosis has been treated"),
           c("Baricitinib will not be used with another JAK inhibitor, a biologic "
             "immunomodulator or a potent immunosuppressant such as cyclosporine"),
           g("any_of", "",
             c("Member used a potent topical or intralesional corticosteroid, or contact "
               "immunotherapy, for at least 3 months without adequate regrowth"),
             c("Those treatments are contraindicated, were not tolerated or are not "
               "suitable because of the extent of hair loss")),
           c("Prescribed by a dermatologist"))
    aa_r = g("all_of", "",
             c("Member has been taking baricitinib for alopecia areata"),
             g("any_of", "",
               c("The SALT score has fallen by at least 30% from baseline"),
               c("The SALT score is 20 or lower")),
             c("Baricitinib is still not used with another JAK inhibitor, a biologic "
               "immunomodulator or a potent immunosuppressant"))
    band("SECTION A  -  SEVERE ALOPECIA AREATA")
    section("A1. Initial request", aa, "Approval duration: 6 months.")
    section("A2. Renewal request", aa_r, "Approval duration: 12 months.", "Approve renewal")
    inds.append(Ind("Severe alopecia areata", "SECTION A", ["AA", "alopecia totalis",
                                                            "alopecia universalis"],
                    ["L63.0", "L63.1", "L63.9"], aa, aa_r, "A2. Renewal request"))

    ra = g("all_of", "",
           c("Member is 18 years of age or older"),
           c("Diagnosis of moderately to severely active rheumatoid arthritis"),
           c("Inadequate response to, or intolerance of, at least one tumor necrosis factor "
             "(TNF) blocker taken for at least 3 months"),
           c("Every TNF blocker is contraindicated for the member"),
           c("A tuberculosis test within the last 12 months is negative, or latent "
             "tuberculosis has been treated"),
           c("Baricitinib will not be used with a biologic DMARD or another JAK inhibitor"),
           c("Prescribed by a rheumatologist"))
    ra.kids[2:4] = [g("any_of", "", ra.kids[2], ra.kids[3])]
    ra_r = g("all_of", "",
             c("Member has been taking baricitinib for rheumatoid arthritis"),
             c("The prescriber documents improvement, such as fewer tender or swollen joints "
               "or a lower CDAI or DAS28 score than at baseline"),
             c("Baricitinib is still not used with a biologic DMARD or another JAK "
               "inhibitor"))
    band("SECTION B  -  RHEUMATOID ARTHRITIS")
    section("B1. Initial request", ra, "Approval duration: 12 months.")
    section("B2. Renewal request", ra_r, "Approval duration: 12 months.", "Approve renewal")
    inds.append(Ind("Rheumatoid arthritis", "SECTION B", ["RA"], ["M05.x", "M06.x"], ra,
                    ra_r, "B2. Renewal request"))

    band("SECTION C  -  COVID-19 IN HOSPITALIZED ADULTS")
    d.para("Not reviewed on this form. Inpatient use is part of the hospital stay and is not "
           "a pharmacy benefit.")
    inds.append(Ind("COVID-19 in hospitalized adults", "SECTION C", ["COVID-19"], ["U07.1"]))

    band("DENIAL CRITERIA (any one)")
    excl = ["Use with another JAK inhibitor, a biologic DMARD or a potent immunosuppressant",
            "Active serious infection, including active tuberculosis",
            "Absolute lymphocyte count below 500 cells/mm3, absolute neutrophil count below "
            "1000 cells/mm3, or hemoglobin below 8 g/dL",
            "Alopecia areata with a SALT score below 50, or hair loss from another cause"]
    for k, e in enumerate(excl):
        text_item(d, f"D{k + 1}.", e, 3, marker_w=9)
    band("DOSING")
    d.para("Alopecia areata: 2 mg once daily, raised to 4 mg once daily when regrowth is not "
           "enough; nearly complete or complete scalp hair loss may start at 4 mg. "
           "Rheumatoid arthritis: 2 mg once daily. Lower doses apply with moderate kidney "
           "impairment and with strong OAT3 inhibitors such as probenecid.", size=9.5)
    band("CODES")
    d.table_head([30, d.width - 30], ["ICD-10", "Description"])
    for code, desc in [("L63.0", "Alopecia (capitis) totalis"),
                       ("L63.1", "Alopecia universalis"),
                       ("L63.9", "Alopecia areata, unspecified"),
                       ("M06.9", "Rheumatoid arthritis, unspecified")]:
        d.row([code, desc])
    d.end_table()
    band("REFERENCES")
    refs(d, ["Olumiant (baricitinib) tablets prescribing information. Revised 2024.",
             "Pereira M, Holt S. Measuring regrowth in alopecia areata: the SALT score in "
             "practice. Dermatol Ther Notes. 2023;21:77-89.",
             "Ibsen K, et al. JAK inhibitors after TNF blockers in rheumatoid arthritis. "
             "Rheum Pract Rev. 2022;14:201-214."])
    return d, inds, excl
