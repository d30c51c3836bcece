"""Eighth synthetic batch, part A: a commercial medical policy whose lead-ins carry their
logic in a parenthesis at the END ("Clinical criteria (must meet all):", "Evidence of rapid
progression (one required):"), tolvaptan; a specialty-pharmacy "definition list" guideline
with bold field labels per use ("Indication:", "Criteria:", "Reauthorization:", "Duration:"),
pegfilgrastim; a Canadian provincial drug-benefit "Exceptional Access / Limited Use" page
with numbered reason-for-use codes written as prose sentences, faricimab. Our own words,
fictional plans; drawn with the first batch's layout engine (`../synthetic/render.py`) plus
small local helpers."""

from __future__ import annotations

from render import LINE, Crit, Doc, Ind, Item, c, g


def rule(d: Doc, y: float, shade: int = 150, width: float = 0.2) -> None:
    d.set_draw_color(shade)
    d.set_line_width(width)
    d.line(d.l_margin, y, d.w - d.r_margin, y)
    d.set_line_width(0.2)
    d.set_draw_color(0)


def text_item(d: Doc, marker: str, text: str, indent: float = 0.0, style: str = "",
              size: float = 10, marker_w: float = 7.0) -> None:
    """One list item: a marker in its own cell, the text wrapped beside it."""
    d.set_font("helvetica", style, size)
    x = d.l_margin + indent
    if d.get_y() + LINE > d.page_break_trigger:
        d.add_page()
    y = d.get_y()
    if marker:
        d.set_xy(x, y)
        d.cell(marker_w, LINE, marker)
        x += marker_w
    d.set_xy(x, y)
    d.multi_cell(d.w - d.r_margin - x, LINE, text, new_x="LMARGIN", new_y="NEXT")
    d.set_font("helvetica", "", 10)
    d.ln(0.8)


def nested(d: Doc, group: Crit, markers: list[str], indent: float = 3.0,
           level: int = 0) -> None:
    """The group's children as a glyph list; a sub-group prints its lead-in as an item."""
    for kid in group.kids:
        text_item(d, markers[min(level, len(markers) - 1)], kid.text, indent + level * 7)
        if kid.is_group:
            nested(d, kid, markers, indent, level + 1)


def refs(d: Doc, items: list[str]) -> None:
    d.items([Item(0, f"{k + 1}.", r) for k, r in enumerate(items)])


# =========================================================================================
# 1. Logic in a parenthesis at the end of each lead-in: tolvaptan. "Clinical criteria (must
#    meet all):", sub-lists "(one required)", "(both required)"; A./B. indication headings,
#    "Reauthorization criteria (must meet all):", contraindications as exclusions.
# =========================================================================================


def paren_tolvaptan() -> tuple[Doc, list[Ind], list[str]]:
    plan = "Silver Creek Health Plan"

    def header(d: Doc) -> None:
        d.set_font("helvetica", "B", 9)
        d.set_text_color(90, 40, 110)
        d.set_xy(d.l_margin, 8)
        d.cell(0, 4, plan + "  Medical Policy", align="L")
        d.set_text_color(0)
        d.set_font("helvetica", "", 8.5)
        d.set_xy(d.l_margin, 8)
        d.cell(0, 4, "Tolvaptan (Jynarque, Samsca)   MP-RX-4410", align="R")
        rule(d, 14, 90, 0.3)
        d.set_y(19)

    def footer(d: Doc) -> None:
        d.set_y(-14)
        d.set_font("helvetica", "", 7.5)
        d.cell(0, 3.5, "Medical policies are not a guarantee of benefits. Member contracts "
               "govern coverage.", align="L")
        d.set_xy(d.l_margin, d.get_y() + 3.5)
        d.cell(0, 3.5, f"Page {d.page_no()} of {{nb}}   |   Effective 01/01/2026", align="R")

    def lead(text: str) -> None:
        d.set_font("helvetica", "B", 10)
        d.multi_cell(d.width, LINE, text, new_x="LMARGIN", new_y="NEXT")
        d.set_font("helvetica", "", 10)
        d.ln(0.6)

    d = Doc(header, footer)
    d.add_page()
    d.set_font("helvetica", "B", 15)
    d.cell(0, 8, "Tolvaptan Tablets", new_x="LMARGIN", new_y="NEXT")
    d.set_font("helvetica", "", 9)
    d.cell(0, 4.5, "Policy number MP-RX-4410    Line of business: Commercial, Marketplace    "
           "Last reviewed: December 2025", new_x="LMARGIN", new_y="NEXT")
    d.heading("Summary", 11)
    d.para("Tolvaptan blocks the vasopressin V2 receptor in the collecting duct, so the kidney "
           "excretes free water. Jynarque is used to slow the loss of kidney function in "
           "autosomal dominant polycystic kidney disease; its REMS program requires liver "
           "tests because the drug can cause serious liver injury. Samsca is used for a short "
           "course in low blood sodium and must be started in a hospital where the sodium "
           "level can be watched closely.", size=9.5)
    d.heading("Coverage Position", 11)
    d.para("The plan considers tolvaptan medically necessary when the criteria for the "
           "requested use below are met. The words in parentheses at the end of each heading "
           "say how many of the items beneath it are required.", size=9.5)

    inds: list[Ind] = []
    adpkd = g("all_of", "Clinical criteria (must meet all):",
              c("Member is 18 years of age or older"),
              c("Diagnosis of autosomal dominant polycystic kidney disease confirmed by "
                "imaging with an age-appropriate cyst count or by a PKD1 or PKD2 variant"),
              g("any_of", "Evidence of rapidly progressing disease (one required):",
                c("Mayo imaging classification of 1C, 1D or 1E"),
                c("Estimated GFR decline of at least 5 mL/min/1.73 m2 in one year, or at "
                  "least 2.5 mL/min/1.73 m2 per year over five years"),
                c("Total kidney volume growth of more than 5% per year on repeated imaging"),
                c("PROPKD score greater than 6")),
              c("Estimated GFR is 25 mL/min/1.73 m2 or higher at the time of the request"),
              g("all_of", "Liver safety (both required):",
                c("ALT, AST and total bilirubin were measured within 30 days before the "
                  "first dose"),
                c("The prescriber and pharmacy are certified in the tolvaptan REMS and liver "
                  "tests will be repeated monthly for 18 months")),
              c("Prescribed by or in consultation with a nephrologist"))
    adpkd_r = g("all_of", "Reauthorization criteria (must meet all):",
                c("Member is still not on dialysis and has not received a kidney transplant"),
                c("Liver tests have been done at the REMS intervals and no ALT or AST value "
                  "has exceeded 3 times the upper limit of normal without a documented "
                  "alternative cause"),
                c("The total daily dose is no more than 120 mg"))
    d.heading("A. Autosomal dominant polycystic kidney disease (Jynarque)", 10.5)
    lead(adpkd.text)
    nested(d, adpkd, ["\u2022", "-"])
    d.para("Initial approval: 12 months.", style="I", size=9.5)
    lead(adpkd_r.text)
    nested(d, adpkd_r, ["\u2022", "-"])
    d.para("Reauthorization approval: 12 months.", style="I", size=9.5)
    inds.append(Ind("Autosomal dominant polycystic kidney disease", "A. Autosomal dominant "
                    "polycystic kidney disease", ["ADPKD", "polycystic kidney disease"],
                    ["Q61.2", "Q61.3"], adpkd, adpkd_r, "Reauthorization criteria (must "
                    "meet all)"))

    hypo = g("all_of", "Clinical criteria (must meet all):",
             c("Member is 18 years of age or older"),
             c("Hypervolemic or euvolemic hyponatremia, for example from heart failure or "
               "the syndrome of inappropriate antidiuretic hormone"),
             g("any_of", "Severity (one required):",
               c("Serum sodium below 125 mEq/L"),
               c("Serum sodium below 135 mEq/L with symptoms, and the sodium did not rise "
                 "with fluid restriction")),
             c("Treatment is started or restarted in a hospital where serum sodium can be "
               "checked closely"),
             c("Member does not have autosomal dominant polycystic kidney disease"),
             c("Member does not need an urgent rise in serum sodium to prevent or treat "
               "serious neurologic symptoms"))
    d.heading("B. Clinically significant hyponatremia (Samsca)", 10.5)
    lead(hypo.text)
    nested(d, hypo, ["\u2022", "-"])
    d.para("Approval: up to 30 days in total; Samsca is not reauthorized beyond 30 days "
           "because of the risk of liver injury.", style="I", size=9.5)
    inds.append(Ind("Hyponatremia", "B. Clinically significant hyponatremia",
                    ["hypervolemic hyponatremia", "euvolemic hyponatremia", "SIADH"],
                    ["E87.1", "E22.2"], hypo))

    d.heading("Not Medically Necessary", 11)
    d.para("Tolvaptan is not medically necessary in any of the following situations (no "
           "exceptions):")
    excl = ["History of significant liver impairment or liver injury, not counting "
            "uncomplicated polycystic liver disease",
            "Use with a strong CYP3A inhibitor such as ketoconazole or clarithromycin",
            "Hypovolemic hyponatremia, anuria, or a member who cannot sense or respond to "
            "thirst",
            "Use of Jynarque and Samsca together, or use of Samsca for polycystic kidney "
            "disease"]
    d.items([Item(0, "\u2022", e) for e in excl])
    d.heading("Dosage and Quantity Limits", 11)
    d.table_head([45, d.width - 45], ["Product", "Limit"])
    d.row(["Jynarque", "45 mg + 15 mg up to 90 mg + 30 mg per day, split as a morning and an "
           "afternoon dose; 56 tablets per 28 days"])
    d.row(["Samsca", "15 mg once daily, up to 60 mg once daily; 30 days per course"])
    d.end_table()
    d.heading("Codes", 11)
    d.table_head([30, d.width - 30], ["ICD-10", "Description"])
    for code, desc in [("Q61.2", "Polycystic kidney, adult type"),
                       ("Q61.3", "Polycystic kidney, unspecified"),
                       ("E87.1", "Hypo-osmolality and hyponatremia"),
                       ("E22.2", "Syndrome of inappropriate secretion of antidiuretic "
                        "hormone")]:
        d.row([code, desc])
    d.end_table()
    d.heading("References", 11)
    refs(d, ["Jynarque (tolvaptan) tablets prescribing information. Revised 2025.",
             "Samsca (tolvaptan) tablets prescribing information. Revised 2024.",
             "Brandt H, Osei K. Selecting patients with polycystic kidney disease for "
             "vasopressin antagonists. Kidney Pract Rev. 2024;12:88-101.",
             "Lindqvist A, et al. Correcting chronic hyponatremia safely. Fluid Electrolyte "
             "Notes. 2023;7:33-47."])
    return d, inds, excl


# =========================================================================================
# 2. Definition-list guideline: pegfilgrastim. Each use is a block of bold labels on the
#    left ("Indication:", "Criteria:", "Reauthorization:", "Duration:", "Prescriber:")
#    with their values on the right; the criteria are dash items under a sentence that
#    names the logic ("All of the following:"), the prescriber field is a criterion too.
# =========================================================================================

LABEL_W = 34.0


def field_line(d: Doc, label: str, text: str, style: str = "") -> None:
    if d.get_y() + 2 * LINE > d.page_break_trigger:
        d.add_page()
    y = d.get_y()
    d.set_font("helvetica", "B", 10)
    d.set_xy(d.l_margin, y)
    d.cell(LABEL_W, LINE, label)
    d.set_font("helvetica", style, 10)
    d.set_xy(d.l_margin + LABEL_W, y)
    d.multi_cell(d.width - LABEL_W, LINE, text, new_x="LMARGIN", new_y="NEXT")
    d.set_font("helvetica", "", 10)
    d.ln(0.8)


def field_list(d: Doc, group: Crit, level: int = 0) -> None:
    glyphs = ["-", "\u00b7"]
    for kid in group.kids:
        text_item(d, glyphs[min(level, 1)], kid.text, LABEL_W + level * 6, marker_w=4.5)
        if kid.is_group:
            field_list(d, kid, level + 1)


def deflist_pegfilgrastim() -> tuple[Doc, list[Ind], list[str]]:
    org = "Northgate Specialty Pharmacy Solutions"

    def header(d: Doc) -> None:
        d.set_font("helvetica", "", 8)
        d.set_xy(d.l_margin, 8)
        d.cell(0, 4, org, align="L")
        d.set_xy(d.l_margin, 8)
        d.cell(0, 4, "Clinical Guideline CG-ONC-118  |  Pegfilgrastim products", align="R")
        d.set_fill_color(0, 110, 150)
        d.rect(d.l_margin, 13, d.width, 0.8, style="F")
        d.set_y(18)

    def footer(d: Doc) -> None:
        d.set_y(-14)
        d.set_font("helvetica", "", 7.5)
        d.cell(0, 3.5, "CG-ONC-118 v4  -  For utilization review only", align="L")
        d.set_xy(d.l_margin, d.get_y())
        d.cell(0, 3.5, f"- {d.page_no()} -", align="C")

    def block_title(text: str) -> None:
        d.ln(2)
        if d.get_y() > d.h - 60:
            d.add_page()
        d.set_font("helvetica", "B", 10.5)
        d.set_fill_color(230, 240, 245)
        d.cell(0, 6, text, fill=True, new_x="LMARGIN", new_y="NEXT")
        d.set_font("helvetica", "", 10)
        d.ln(1)

    d = Doc(header, footer)
    d.add_page()
    d.set_font("helvetica", "B", 14)
    d.cell(0, 7, "Pegfilgrastim and Pegfilgrastim Biosimilars", new_x="LMARGIN",
           new_y="NEXT")
    d.set_font("helvetica", "", 9)
    d.cell(0, 4.5, "Products: Neulasta, Neulasta Onpro, Fulphila, Udenyca, Ziextenzo, "
           "Nyvepria, Fylnetra, Stimufend", new_x="LMARGIN", new_y="NEXT")
    d.heading("Overview", 11)
    d.para("Pegfilgrastim is a long-acting granulocyte colony-stimulating factor. One dose per "
           "chemotherapy cycle shortens severe neutropenia and lowers the rate of febrile "
           "neutropenia. This guideline is laid out as one block per use. Each block names "
           "the use, the criteria, the prescriber, how long an approval lasts and what is "
           "needed to continue. Febrile neutropenia risk is the rate published for the "
           "regimen at full dose; the oncologist names the regimen and the source. Patient "
           "risk factors are counted only when they are recorded in the chart. Biosimilars "
           "are preferred where the plan lists them, and the on-body injector is covered "
           "only when the member cannot return the day after chemotherapy. Requests for "
           "filgrastim, tbo-filgrastim or sargramostim are reviewed under a separate "
           "guideline.", size=9.5)

    inds: list[Ind] = []
    prim = g("all_of", "All of the following:",
             c("The member is receiving myelosuppressive chemotherapy for a non-myeloid "
               "cancer"),
             g("any_of", "One of the following describes the risk of febrile neutropenia:",
               c("The regimen carries a febrile neutropenia risk of 20% or higher"),
               c("The regimen carries a risk of 10% to 20% and the member has at least one "
                 "risk factor such as age 65 or older, prior chemotherapy or radiation, bone "
                 "marrow involvement, recent surgery or open wounds, or poor performance "
                 "status")),
             c("The chemotherapy cycle is 14 days or longer"),
             c("Pegfilgrastim will be given at least 24 hours after chemotherapy ends and "
               "not within 14 days before the next cycle"),
             c("No filgrastim, sargramostim or other colony-stimulating factor is given in "
               "the same cycle"),
             c("Prescribed by or in consultation with an oncologist or hematologist"))
    prim_r = g("all_of", "All of the following:",
               c("The member is continuing the same myelosuppressive regimen, or one with "
                 "the same or higher febrile neutropenia risk"),
               c("No filgrastim, sargramostim or other colony-stimulating factor has been "
                 "or will be given in the same cycle"))
    block_title("Use 1. Primary prophylaxis of febrile neutropenia")
    field_line(d, "Indication:", "To prevent febrile neutropenia from the first cycle of "
               "chemotherapy.")
    field_line(d, "Criteria:", prim.text)
    field_list(d, prim)
    field_line(d, "Duration:", "6 months or the planned number of cycles, whichever is "
               "shorter.")
    field_line(d, "Reauthorization:", prim_r.text)
    field_list(d, prim_r)
    field_line(d, "Reauth. duration:", "6 months.")
    inds.append(Ind("Primary prophylaxis of febrile neutropenia", "Use 1. Primary "
                    "prophylaxis", ["chemotherapy-induced neutropenia", "FN prophylaxis"],
                    ["D70.1", "Z51.11"], prim, prim_r, "Reauthorization:"))

    sec = g("all_of", "All of the following:",
            c("The member is receiving myelosuppressive chemotherapy for a non-myeloid "
              "cancer"),
            c("In a previous cycle the member had febrile neutropenia or a neutropenic "
              "complication that delayed or reduced the chemotherapy"),
            c("A lower dose or a delay of the next cycle would compromise the expected "
              "outcome of treatment, as the oncologist documents"),
            c("The chemotherapy cycle is 14 days or longer"),
            c("Prescribed by or in consultation with an oncologist or hematologist"))
    sec_r = g("all_of", "All of the following:",
              c("The member is continuing chemotherapy for the same cancer"),
              c("The oncologist documents that the next cycles still need growth factor "
                "support"))
    block_title("Use 2. Secondary prophylaxis of febrile neutropenia")
    field_line(d, "Indication:", "To prevent a repeat of a neutropenic complication in "
               "later cycles.")
    field_line(d, "Criteria:", sec.text)
    field_list(d, sec)
    field_line(d, "Duration:", "6 months.")
    field_line(d, "Reauthorization:", sec_r.text)
    field_list(d, sec_r)
    field_line(d, "Reauth. duration:", "6 months.")
    inds.append(Ind("Secondary prophylaxis of febrile neutropenia", "Use 2. Secondary "
                    "prophylaxis", ["prior febrile neutropenia"], ["D70.1"], sec, sec_r,
                    "Reauthorization:"))

    ars = g("all_of", "All of the following:",
            c("The member was exposed, or is suspected to have been exposed, to "
              "myelosuppressive doses of radiation (more than 2 gray)"),
            c("The request is for two doses given one week apart"))
    block_title("Use 3. Hematopoietic subsyndrome of acute radiation syndrome")
    field_line(d, "Indication:", "To raise survival after radiation exposure that suppresses "
               "the marrow.")
    field_line(d, "Criteria:", ars.text)
    field_list(d, ars)
    field_line(d, "Duration:", "One course (2 doses). Reauthorization does not apply.")
    inds.append(Ind("Hematopoietic subsyndrome of acute radiation syndrome", "Use 3. "
                    "Hematopoietic subsyndrome", ["H-ARS", "radiation injury"], ["T66"], ars))

    block_title("Exclusions")
    field_line(d, "Not covered:", "Pegfilgrastim is not approved for any of the following:")
    excl = ["Mobilization of peripheral blood stem cells for collection",
            "Weekly chemotherapy or any regimen with cycles shorter than 14 days",
            "Myeloid cancers such as acute myeloid leukemia or myelodysplastic syndromes, "
            "outside a clinical trial",
            "Treatment of established febrile neutropenia when pegfilgrastim was already "
            "given in that cycle",
            "Concurrent chemotherapy and radiation to the chest"]
    for e in excl:
        text_item(d, "-", e, LABEL_W, marker_w=4.5)
    d.heading("HCPCS codes", 11)
    d.table_head([28, d.width - 28], ["Code", "Product"])
    for code, desc in [("J2506", "Injection, pegfilgrastim, excludes biosimilar, 0.5 mg"),
                       ("Q5108", "Injection, pegfilgrastim-jmdb (Fulphila), biosimilar, "
                        "0.5 mg"),
                       ("Q5111", "Injection, pegfilgrastim-cbqv (Udenyca), biosimilar, "
                        "0.5 mg"),
                       ("Q5120", "Injection, pegfilgrastim-bmez (Ziextenzo), biosimilar, "
                        "0.5 mg"),
                       ("Q5122", "Injection, pegfilgrastim-apgf (Nyvepria), biosimilar, "
                        "0.5 mg")]:
        d.row([code, desc])
    d.end_table()
    d.heading("References", 11)
    refs(d, ["Neulasta (pegfilgrastim) injection prescribing information. Revised 2021.",
             "Achterberg S, Moyo T. Estimating febrile neutropenia risk by regimen. Support "
             "Care Oncol. 2023;19:140-152.",
             "Fairbanks J, et al. Growth factors after radiation exposure. Radiat Emerg Med. "
             "2022;4:9-21."])
    return d, inds, excl


# =========================================================================================
# 3. Canadian provincial drug benefit, Exceptional Access / Limited Use page: faricimab.
#    Numbered reason-for-use codes ("Reason for use code 451"), each a prose sentence that
#    carries the logic ("... in patients who meet all of the following criteria:") over
#    round bullets; renewal is its own code; "Authorization period" lines; bilingual-style
#    running header; "Exclusion criteria" and a product table.
# =========================================================================================


def eap_faricimab() -> tuple[Doc, list[Ind], list[str]]:
    prog = "Ministry of Health, Province of Westmarch - Drug Benefit Program"

    def header(d: Doc) -> None:
        d.set_font("helvetica", "", 8)
        d.set_xy(d.l_margin, 7)
        d.cell(0, 4, prog, align="L")
        d.set_xy(d.l_margin, 11)
        d.cell(0, 4, "Exceptional Access Program - Reimbursement Criteria for Frequently "
               "Requested Drugs", align="L")
        d.set_xy(d.l_margin, 7)
        d.cell(0, 4, "Updated: November 2025", align="R")
        rule(d, 16, 0, 0.4)
        d.set_y(20)

    def footer(d: Doc) -> None:
        d.set_y(-14)
        d.set_font("helvetica", "", 7.5)
        d.cell(0, 3.5, "Requests must be submitted by the prescriber. Incomplete requests "
               "will be returned.", align="L")
        d.set_xy(d.l_margin, d.get_y() + 3.5)
        d.cell(0, 3.5, f"{d.page_no()}", align="R")

    def code(num: str, title: str) -> None:
        d.ln(2)
        if d.get_y() > d.h - 40:
            d.add_page()
        d.set_font("helvetica", "B", 10)
        d.cell(0, 5, f"Reason for use code {num}  -  {title}", new_x="LMARGIN",
               new_y="NEXT")
        d.set_font("helvetica", "", 10)
        d.ln(0.5)

    def sentence(group: Crit) -> None:
        d.para(group.text)
        nested(d, group, ["\u2022", "o"], indent=5)

    def period(text: str) -> None:
        d.set_font("helvetica", "B", 9.5)
        d.cell(0, 4.5, "Authorization period: ", new_x="END")
        d.set_font("helvetica", "", 9.5)
        d.cell(0, 4.5, text, new_x="LMARGIN", new_y="NEXT")
        d.ln(1.5)

    d = Doc(header, footer)
    d.add_page()
    d.set_font("helvetica", "B", 13)
    d.cell(0, 7, "FARICIMAB (Vabysmo) 6 mg/0.05 mL intravitreal injection", new_x="LMARGIN",
           new_y="NEXT")
    d.set_font("helvetica", "", 9)
    d.cell(0, 4.5, "DIN 02528487    Category: Exceptional Access    Anti-VEGF / "
           "anti-angiopoietin-2 agent", new_x="LMARGIN", new_y="NEXT")
    d.para("Faricimab is funded through the Exceptional Access Program for the reasons for "
           "use set out below. The prescriber must quote the reason for use code that "
           "applies and attach the clinical information the criteria call for. Only one "
           "anti-VEGF agent is funded for an eye at a time.", size=9.5)

    inds: list[Ind] = []
    amd = g("all_of", "For the treatment of neovascular (wet) age-related macular "
            "degeneration in patients who meet all of the following criteria:",
            c("The patient is 50 years of age or older"),
            c("Active choroidal neovascularization under the fovea, or beside it and "
              "affecting the fovea, confirmed by optical coherence tomography or "
              "fluorescein angiography"),
            c("Best corrected visual acuity in the treated eye between 6/12 and 6/96"),
            c("The lesion is no larger than 12 disc areas"),
            g("any_of", "There is evidence of recent disease activity, shown by one of the "
              "following:",
              c("New or increased fluid or hemorrhage on imaging within the last 3 months"),
              c("A loss of 5 or more letters of visual acuity within the last 3 months")),
            c("The injections are given by an ophthalmologist"))
    amd_r = g("all_of", "Renewal of funding for neovascular age-related macular "
              "degeneration will be considered for patients who meet all of the following "
              "criteria:",
              c("The patient was approved under reason for use code 451 or treated with "
                "faricimab for this condition"),
              c("Visual acuity in the treated eye is 6/96 or better"),
              c("There is no permanent structural damage to the fovea that rules out a "
                "functional gain"),
              c("Injections are given no more often than every 8 weeks after the first 4 "
                "monthly doses"))
    code("451", "Neovascular age-related macular degeneration, initial")
    sentence(amd)
    period("12 months; up to 9 injections per eye.")
    code("452", "Neovascular age-related macular degeneration, renewal")
    sentence(amd_r)
    period("12 months; up to 7 injections per eye.")
    inds.append(Ind("Neovascular age-related macular degeneration", "Reason for use code 451",
                    ["wet AMD", "nAMD", "choroidal neovascularization"],
                    ["H35.3210-H35.3293"], amd, amd_r, "Reason for use code 452"))

    dme = g("all_of", "For the treatment of visual impairment due to diabetic macular edema "
            "in patients who meet all of the following criteria:",
            c("The patient is 18 years of age or older with type 1 or type 2 diabetes"),
            c("Clinically significant macular edema that involves the center of the fovea, "
              "with central retinal thickness of 300 microns or more on optical coherence "
              "tomography"),
            c("Best corrected visual acuity in the treated eye between 6/9 and 6/96"),
            c("A glycated hemoglobin (HbA1c) result from the last 6 months is provided"),
            c("No focal laser treatment of the macula in the last 3 months"),
            c("The injections are given by an ophthalmologist"))
    dme_r = g("all_of", "Renewal of funding for diabetic macular edema will be considered "
              "for patients who meet all of the following criteria:",
              c("The patient was approved under reason for use code 461 or treated with "
                "faricimab for this condition"),
              g("any_of", "The treated eye has responded, shown by one of the following:",
                c("A gain of 5 or more letters of visual acuity since the first injection"),
                c("A reduction of central retinal thickness of at least 10% since the first "
                  "injection")),
              c("Injections are given no more often than every 8 weeks after the first 4 "
                "monthly doses"))
    code("461", "Diabetic macular edema, initial")
    sentence(dme)
    period("12 months; up to 9 injections per eye.")
    code("462", "Diabetic macular edema, renewal")
    sentence(dme_r)
    period("12 months; up to 7 injections per eye.")
    inds.append(Ind("Diabetic macular edema", "Reason for use code 461",
                    ["DME", "diabetic macular oedema"], ["E11.311", "E10.311"], dme, dme_r,
                    "Reason for use code 462"))

    code("471", "Macular edema after retinal vein occlusion")
    d.para("Faricimab is not funded for macular edema after branch or central retinal vein "
           "occlusion at this time. Requests are reviewed case by case under the general "
           "Exceptional Access process.")
    inds.append(Ind("Macular edema following retinal vein occlusion", "Reason for use code "
                    "471", ["RVO", "BRVO", "CRVO"], ["H34.8"]))

    d.heading("Exclusion criteria", 11)
    d.para("Funding is not provided in the following circumstances:")
    excl = ["Use in an eye that is receiving another anti-VEGF drug or photodynamic "
            "therapy",
            "Active infection in or around the eye, or active intraocular inflammation",
            "Permanent structural damage to the fovea at the first request",
            "Polypoidal choroidal vasculopathy or myopic choroidal neovascularization"]
    d.items([Item(0, "\u2022", e) for e in excl])
    d.heading("Notes", 11)
    d.para("Visual acuity is recorded on a Snellen chart in metres; 6/96 corresponds to about "
           "20/320. Both eyes may be funded when each meets the criteria; the prescriber "
           "quotes the code for each eye.", size=9.5)
    d.heading("Product information", 11)
    d.table_head([40, 35, d.width - 75], ["Product", "DIN", "Strength"])
    d.row(["Vabysmo", "02528487", "120 mg/mL, 0.05 mL single-dose vial"])
    d.end_table()
    d.heading("References", 11)
    refs(d, ["Vabysmo (faricimab injection) product monograph. Revised 2024.",
             "Gagnon P, Ferris A. Dual pathway inhibition in neovascular macular disease. "
             "Retina Ther Rev. 2023;15:62-77."])
    return d, inds, excl
