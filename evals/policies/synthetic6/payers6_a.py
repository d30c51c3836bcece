"""Sixth synthetic batch, part A: a Medicare Part D "Prior Authorization Criteria" document
(one page-section per drug group, a two-column field/value table, criteria written inline in
the "Required Medical Information" cell: "(1) ... AND (2) one of the following: (a) ..., or
(b) ..."), eltrombopag and lusutrombopag; a Blue Cross NC / Wellmark-style "Corporate Medical
Policy" ("When spesolimab is covered" / "is not covered" sections, numbered lists with
sub-lists, logic in sentences), spesolimab; a landscape three-column table "Indication |
Initial authorization criteria | Reauthorization criteria" whose rows cross page breaks,
olaparib. Our own words, fictional plans; drawn with the first batch's layout engine
(`../synthetic/render.py`) plus small local helpers."""

from __future__ import annotations

from fpdf import FPDF
from render import FIXED_DATE, Crit, Doc, Ind, Item, c, g


def rule(d: Doc, y: float, shade: int = 150, width: float = 0.2) -> None:
    d.set_draw_color(shade)
    d.set_line_width(width)
    d.line(d.l_margin, y, d.w - d.r_margin, y)
    d.set_line_width(0.2)
    d.set_draw_color(0)


def romans(i: int) -> str:
    return ["i", "ii", "iii", "iv", "v", "vi"][i]


def inline(group: Crit, level: int = 0) -> str:
    """A criteria group written as one run of text, the way Part D documents write it:
    "(1) ... AND (2) one of the following: (a) ..., or (b) ...". A sub-group's lead-in is
    its item's text, its children follow in the same sentence."""
    mark = [lambda i: f"({i + 1})", lambda i: f"({chr(97 + i)})",
            lambda i: f"({romans(i)})"][min(level, 2)]
    parts = []
    for k, kid in enumerate(group.kids):
        text = f"{mark(k)} {kid.text}"
        if kid.is_group:
            text += " " + inline(kid, level + 1)
        parts.append(text)
    if level == 0:
        return (" AND " if group.op == "all_of" else " OR ").join(parts)
    word = ", and " if group.op == "all_of" else ", or "
    return word.join(parts)


# =========================================================================================
# 1. Medicare Part D prior authorization criteria: eltrombopag and lusutrombopag. One page
#    section per drug group; a two-column "PA Criteria | Criteria Details" table of fields;
#    each indication's criteria inline in the Required Medical Information cell
#    ("<use>, initial therapy: (1) ... AND (2) ...").
# =========================================================================================


def partd_tpo() -> tuple[Doc, list[Ind], list[str]]:
    plan = "Lakeshore Senior Advantage Rx (HMO-POS)"

    def header(d: Doc) -> None:
        d.set_font("helvetica", "B", 9)
        d.set_xy(d.l_margin, 8)
        d.cell(0, 4, plan, align="L")
        d.set_font("helvetica", "", 8.5)
        d.set_xy(d.l_margin, 8)
        d.cell(0, 4, "2026 Prior Authorization Criteria", align="R")
        d.set_xy(d.l_margin, 12.5)
        d.cell(0, 4, "Formulary ID 00026418, Version 7", align="R")
        rule(d, 17.5, 80, 0.3)
        d.set_y(22)

    def footer(d: Doc) -> None:
        d.set_y(-14)
        d.set_font("helvetica", "", 7.5)
        d.cell(0, 3.5, "Y0172_PA26_C  Last updated 12/01/2025  Effective 01/01/2026", align="L")
        d.set_xy(d.l_margin, d.get_y())
        d.cell(0, 3.5, f"Page {d.page_no()}", align="R")

    d = Doc(header, footer)
    d.add_page()
    d.set_font("helvetica", "B", 13)
    d.cell(0, 7, "Prior Authorization Criteria: Thrombopoietin Receptor Agonists",
           new_x="LMARGIN", new_y="NEXT")
    d.para("The drugs below need approval from the plan before they are covered under your "
           "Part D benefit. Your prescriber must show that the criteria for the drug group are "
           "met. Criteria are listed for each drug group on its own page. A drug covered under "
           "Medicare Part B for the same use is not covered under Part D.", size=9)
    widths = [52, d.width - 52]

    def group_table(name: str, rows: list[tuple[str, str]]) -> None:
        d.set_font("helvetica", "B", 11)
        d.cell(0, 6, f"Group: {name}", new_x="LMARGIN", new_y="NEXT")
        d.ln(1)
        d.table_head(widths, ["PA Criteria", "Criteria Details"])
        for label, value in rows:
            d.row([[Item(0, "", label, "B")], value])
        d.end_table()

    inds: list[Ind] = []
    itp = g("all_of", "Chronic or persistent ITP, initial therapy:",
            c("diagnosis of persistent or chronic immune thrombocytopenia (ITP) lasting 3 "
              "months or longer"),
            c("a platelet count below 30,000/mcL, or below 50,000/mcL with bleeding or a "
              "high risk of bleeding, measured within the past 30 days"),
            g("any_of", "one of the following:",
              c("an insufficient response to or intolerance of corticosteroids or immune "
                "globulin"),
              c("an insufficient response to splenectomy"),
              c("an insufficient response to or intolerance of rituximab or another "
                "thrombopoietin receptor agonist")))
    itp_c = g("all_of", "Chronic or persistent ITP, continuation:",
              c("the platelet count has reached 50,000/mcL or higher, or has risen enough to "
                "lower the risk of clinically important bleeding"),
              c("the daily dose is no more than 75 mg of Promacta or 54 mg of Alvaiz"))
    saa = g("all_of", "Severe aplastic anemia, initial therapy:",
            c("diagnosis of severe aplastic anemia confirmed by bone marrow biopsy"),
            g("any_of", "one of the following:",
              c("eltrombopag will be used with standard immunosuppressive therapy (horse "
                "antithymocyte globulin and cyclosporine) as first-line treatment"),
              c("an insufficient response to at least one course of immunosuppressive "
                "therapy")))
    saa_c = g("all_of", "Severe aplastic anemia, continuation:",
              c("a hematologic response, such as a rise in platelet count, hemoglobin or "
                "neutrophil count, or fewer transfusions, after at least 16 weeks of "
                "treatment"))
    hcv = g("all_of", "Thrombocytopenia with chronic hepatitis C:",
            c("the platelet count is too low to start or to continue interferon-based "
              "therapy"))
    rmi = "\n".join(f"{root.text} {inline(root)}." for root in (itp, itp_c, saa, saa_c, hcv))
    excl1 = ["Myelodysplastic syndrome, or thrombocytopenia from any cause other than the "
             "covered uses",
             "Use to bring the platelet count into the normal range",
             "Use together with another thrombopoietin receptor agonist or with fostamatinib"]
    group_table("ELTROMBOPAG", [
        ("Drug Name(s)", "ALVAIZ, PROMACTA, PROMACTA (oral suspension packet)"),
        ("Covered Uses", "All FDA-approved indications not otherwise excluded from Part D."),
        ("Exclusion Criteria", "\n".join(e + "." for e in excl1)),
        ("Required Medical Information", rmi),
        ("Age Restrictions", "ITP: 1 year of age or older. Severe aplastic anemia: 2 years of "
         "age or older. Hepatitis C: 18 years of age or older."),
        ("Prescriber Restrictions", "Prescribed by or in consultation with a hematologist, or "
         "a hepatologist or gastroenterologist for hepatitis C."),
        ("Coverage Duration", "ITP: initial 6 months, continuation 12 months. Severe aplastic "
         "anemia: first-line 6 months; after immunosuppressive therapy 16 weeks initial, 12 "
         "months continuation. Hepatitis C: up to 48 weeks, the length of antiviral therapy."),
        ("Other Criteria", "Platelet counts must be sent with the date they were drawn. Doses "
         "of Alvaiz and Promacta are not interchangeable milligram for milligram."),
        ("Indications", "All Medically-accepted Indications."),
        ("Off-Label Uses", "N/A"),
        ("Part B Prerequisite", "No"),
    ])
    inds.append(Ind("Chronic or persistent immune thrombocytopenia",
                    "Chronic or persistent ITP, initial therapy",
                    ["ITP", "immune thrombocytopenic purpura", "persistent ITP", "chronic ITP"],
                    [], itp, itp_c, "Chronic or persistent ITP, continuation"))
    inds.append(Ind("Severe aplastic anemia", "Severe aplastic anemia, initial therapy",
                    ["SAA", "aplastic anemia"], [], saa, saa_c,
                    "Severe aplastic anemia, continuation"))
    inds.append(Ind("Thrombocytopenia with chronic hepatitis C",
                    "Thrombocytopenia with chronic hepatitis C",
                    ["hepatitis C thrombocytopenia", "HCV"], [], hcv))

    d.add_page()
    cld = g("all_of", "Thrombocytopenia in chronic liver disease before a procedure:",
            c("diagnosis of chronic liver disease, such as cirrhosis from viral hepatitis, "
              "alcohol or metabolic dysfunction-associated steatohepatitis"),
            c("a platelet count below 50,000/mcL measured within the past 14 days"),
            c("the procedure is scheduled 8 to 14 days after the first dose, so that dosing "
              "ends 2 to 8 days before it"),
            g("any_of", "one of the following:",
              c("no history of portal vein thrombosis"),
              c("Doppler ultrasound or other imaging within the past 3 months shows a patent "
                "portal vein")),
            c("the patient is not taking another thrombopoietin receptor agonist"))
    excl2 = ["Chronic liver disease with no procedure scheduled",
             "A second course for the same procedure",
             "Thrombocytopenia from any cause other than chronic liver disease"]
    group_table("LUSUTROMBOPAG", [
        ("Drug Name(s)", "MULPLETA"),
        ("Covered Uses", "All FDA-approved indications not otherwise excluded from Part D."),
        ("Exclusion Criteria", "\n".join(e + "." for e in excl2)),
        ("Required Medical Information", f"{cld.text} {inline(cld)}."),
        ("Age Restrictions", "18 years of age or older"),
        ("Prescriber Restrictions", "Prescribed by or in consultation with a "
         "gastroenterologist, a hepatologist, or the physician who will perform the "
         "procedure."),
        ("Coverage Duration", "7 days (one course of seven 3 mg tablets) for each procedure"),
        ("Other Criteria", "A new request is needed for each procedure. The date and type of "
         "the procedure must be given on the request."),
        ("Indications", "All FDA-approved Indications."),
        ("Off-Label Uses", "N/A"),
        ("Part B Prerequisite", "No"),
    ])
    inds.append(Ind("Thrombocytopenia in chronic liver disease before a procedure",
                    "Thrombocytopenia in chronic liver disease before a procedure:",
                    ["CLD thrombocytopenia", "periprocedural thrombocytopenia", "cirrhosis"],
                    [], cld))
    d.para("The plan may change these criteria during the year. Members are told in writing "
           "at least 60 days before a change that affects a drug they take. This document was "
           "last reviewed by the plan's Pharmacy and Therapeutics Committee in November 2025.",
           size=8.5)
    return d, inds, excl1 + excl2


# =========================================================================================
# 2. Blue Cross NC / Wellmark-style Corporate Medical Policy: spesolimab. Sections
#    Description, Policy, Benefits Application, "When Spesolimab is covered" (lettered
#    uses, numbered criteria, lettered sub-lists whose logic a sentence states: "ALL of the
#    following", "ONE of the following"), "When Spesolimab is not covered", Policy
#    Guidelines, billing codes, references, update history.
# =========================================================================================


def numbered_items(group: Crit, level: int = 0) -> list[Item]:
    mk = [lambda i: f"{i + 1}.", lambda i: f"{chr(97 + i)}.", lambda i: f"{romans(i)}."]
    out: list[Item] = []
    for k, kid in enumerate(group.kids):
        out.append(Item(level, mk[min(level, 2)](k), kid.text))
        if kid.is_group:
            out.extend(numbered_items(kid, level + 1))
    return out


def bcbsnc_spesolimab() -> tuple[Doc, list[Ind], list[str]]:
    plan = "Piedmont Crest Health"

    def header(d: Doc) -> None:
        d.set_font("helvetica", "B", 12)
        d.set_text_color(0, 70, 150)
        d.set_xy(d.l_margin, 8)
        d.cell(0, 5, "Corporate Medical Policy", align="L")
        d.set_text_color(0)
        d.set_font("helvetica", "", 8.5)
        d.set_xy(d.l_margin, 8.5)
        d.cell(0, 4, plan, align="R")
        rule(d, 15.5, 0, 0.5)
        d.set_y(20)

    def footer(d: Doc) -> None:
        d.set_y(-15)
        d.set_font("helvetica", "", 7.5)
        d.multi_cell(0, 3.3, "An independent licensee of a fictional health benefits "
                     "association. Medical policies are guides to coverage and do not replace "
                     "the judgment of the treating clinician.", align="C")
        d.cell(0, 3.5, f"Page {d.page_no()} of {{nb}}", align="C")

    def section(title: str) -> None:
        d.ln(2)
        if d.get_y() > d.h - 50:
            d.add_page()
        d.set_font("helvetica", "B", 11)
        d.set_text_color(0, 70, 150)
        d.cell(0, 6, title, new_x="LMARGIN", new_y="NEXT")
        d.set_text_color(0)
        d.ln(0.5)

    d = Doc(header, footer)
    d.add_page()
    d.set_font("helvetica", "B", 14)
    d.cell(0, 7, "Spesolimab (Spevigo)", new_x="LMARGIN", new_y="NEXT")
    d.set_font("helvetica", "", 9)
    for k, v in [("File Name:", "spesolimab_spevigo"), ("Origination:", "3/2023"),
                 ("Last Review:", "11/2025")]:
        d.set_font("helvetica", "B", 9)
        d.cell(28, 4.5, k)
        d.set_font("helvetica", "", 9)
        d.cell(0, 4.5, v, new_x="LMARGIN", new_y="NEXT")

    section("Description of Procedure or Service")
    d.para("Generalized pustular psoriasis (GPP) is a rare inflammatory skin disease in which "
           "sheets of sterile pustules erupt on red, painful skin, often with fever, malaise "
           "and raised inflammatory markers. Flares can be life threatening. Spesolimab-sbzo is "
           "a humanized monoclonal antibody that blocks the interleukin-36 receptor. It is "
           "given intravenously to treat a flare and subcutaneously to lower the risk of "
           "further flares.")
    d.para("***Note: This Medical Policy is complex and technical. For questions concerning "
           "the technical language and/or specific clinical indications for its use, please "
           "consult your physician.", size=9, style="I")

    section("Policy")
    d.para("Spesolimab is considered medically necessary for the treatment and prevention of "
           "flares of generalized pustular psoriasis when the criteria in the section \"When "
           "Spesolimab is covered\" are met.")
    section("Benefits Application")
    d.para("This medical policy relates only to the services or supplies described herein. "
           "Please refer to the Member's Benefit Booklet for availability of benefits. Member's "
           "benefits may vary according to benefit design; therefore member benefit language "
           "should be reviewed before applying the terms of this medical policy. Intravenous "
           "spesolimab is covered under the medical benefit; subcutaneous spesolimab is covered "
           "under the pharmacy benefit.")

    inds: list[Ind] = []
    age = c("The patient is 12 years of age or older and weighs at least 40 kg")
    dx = c("The diagnosis of generalized pustular psoriasis is documented by a dermatologist, "
           "with primary, sterile, visible pustules on non-acral skin that are not confined to "
           "psoriatic plaques")
    derm = c("Spesolimab is prescribed by or in consultation with a dermatologist")
    flare = g("all_of", "Intravenous spesolimab for the treatment of a generalized pustular "
              "psoriasis flare is covered when the following criteria are met:",
              age, dx,
              g("all_of", "The flare is of moderate to severe intensity, as shown by ALL of "
                "the following:",
                c("A Generalized Pustular Psoriasis Physician Global Assessment (GPPGA) total "
                  "score of 3 or higher"),
                c("A GPPGA pustulation subscore of 2 or higher"),
                c("Erythema with pustules covering at least 5% of the body surface area")),
              g("any_of", "ONE of the following applies:",
                c("The patient has not received spesolimab for the current flare"),
                c("A second intravenous dose is requested because flare symptoms persist 1 "
                  "week after the first dose")),
              derm,
              c("Active tuberculosis has been excluded, and latent tuberculosis, if found, is "
                "being treated"))
    prevent = g("all_of", "Subcutaneous spesolimab for the prevention of generalized pustular "
                "psoriasis flares is covered when the following criteria are met:",
                c("The patient is 12 years of age or older and weighs at least 40 kg"),
                c("The diagnosis of generalized pustular psoriasis is documented by a "
                  "dermatologist, with a history of pustular flares"),
                g("any_of", "ONE of the following applies:",
                  c("The patient has had at least two moderate or severe flares of "
                    "generalized pustular psoriasis"),
                  c("The patient was treated with intravenous spesolimab for a flare, and the "
                    "first subcutaneous dose is given 4 weeks after the last intravenous "
                    "dose")),
                c("Spesolimab is prescribed by or in consultation with a dermatologist"),
                c("Spesolimab will not be used together with another biologic or with an oral "
                  "systemic agent for psoriasis"))
    prevent_c = g("all_of", "Continued subcutaneous spesolimab is covered when the following "
                  "criteria are met:",
                  c("The patient met the criteria in section B when subcutaneous therapy was "
                    "started"),
                  g("any_of", "ONE of the following applies:",
                    c("The patient has had no generalized pustular psoriasis flare since "
                      "subcutaneous therapy began"),
                    c("Flares have become less frequent or less severe than before "
                      "subcutaneous therapy")),
                  c("Spesolimab is not used together with another biologic or with an oral "
                    "systemic agent for psoriasis"))

    section("When Spesolimab is covered")
    for letter, root, note in [("A.", flare, "Coverage: one 900 mg infusion, and a second "
                                "900 mg infusion one week later when item 4.b applies."),
                               ("B.", prevent, "Coverage: 12 months."),
                               ("C.", prevent_c, "Coverage: 12 months.")]:
        d.items([Item(0, letter, root.text, "B")], gap=0.4)
        d.items(numbered_items(root, 1), base=1, gap=0.4)
        d.para(note, indent=8, size=9.5, style="I")
    inds.append(Ind("Generalized pustular psoriasis flare", "A. Intravenous spesolimab for "
                    "the treatment", ["GPP flare", "generalized pustular psoriasis",
                                      "von Zumbusch psoriasis"], ["L40.1"], flare))
    inds.append(Ind("Prevention of generalized pustular psoriasis flares", "B. Subcutaneous "
                    "spesolimab for the prevention", ["GPP maintenance", "GPP prevention"],
                    ["L40.1"], prevent, prevent_c, "C. Continued subcutaneous spesolimab"))

    section("When Spesolimab is not covered")
    d.para("Spesolimab is considered not medically necessary when the criteria above are not "
           "met. Spesolimab is considered investigational, and is not covered, for:")
    excl = ["Plaque psoriasis without generalized pustular disease",
            "Palmoplantar pustulosis or other pustular disease limited to the hands and feet",
            "Acute generalized exanthematous pustulosis or other drug-induced pustular "
            "eruptions",
            "More than two intravenous doses for a single flare"]
    d.items([Item(0, f"{k + 1}.", t) for k, t in enumerate(excl)], base=1, gap=0.3)

    section("Policy Guidelines")
    d.para("The GPPGA grades erythema, pustules and scaling from 0 (clear) to 4 (severe); the "
           "total score is the mean of the three. A flare is a GPPGA total score of 2 or more "
           "with a pustulation subscore of 2 or more after a period of control.")
    d.para("Dosing: for a flare, 900 mg as one intravenous infusion over 90 minutes, with a "
           "second 900 mg infusion one week later if symptoms persist. For prevention, a "
           "subcutaneous loading dose of 600 mg, then 300 mg every 4 weeks; after intravenous "
           "treatment of a flare, subcutaneous dosing starts 4 weeks after the last infusion "
           "with 300 mg.")
    d.para("Before the first dose, test for latent tuberculosis and bring vaccinations up to "
           "date; live vaccines should not be given during treatment.")

    section("Billing/Coding/Physician Documentation Information")
    d.para("This policy may apply to the following codes. Inclusion of a code in this section "
           "does not guarantee that it will be reimbursed.")
    d.table_head([30, d.width - 30], ["Code", "Description"])
    for code, desc in [("J1747", "Injection, spesolimab-sbzo, 1 mg"),
                       ("L40.1", "Generalized pustular psoriasis")]:
        d.row([code, desc])
    d.end_table()
    section("Scientific Background and Reference Sources")
    d.items([Item(0, f"{k + 1}.", r) for k, r in enumerate([
        "Spevigo (spesolimab-sbzo) prescribing information. Revised 2024.",
        "Haldane R, Sato K. Interleukin-36 receptor blockade in flares of generalized "
        "pustular psoriasis. Dermatol Ther Rev. 2023;19:211-224.",
        "Okonkwo E, et al. Flare prevention with subcutaneous interleukin-36 blockade over 48 "
        "weeks. J Pustular Dis. 2024;3:17-29."])])
    section("Policy Implementation/Update Information")
    d.para("3/2023 New policy. 11/2024 Added subcutaneous use for flare prevention. 11/2025 "
           "Reviewed by the Medical Director; added coverage durations and a tuberculosis "
           "criterion for intravenous use.", size=9.5)
    return d, inds, excl


# =========================================================================================
# 3. Landscape three-column criteria table: olaparib. "Indication | Initial authorization
#    criteria | Reauthorization criteria", one row per indication; cells hold bulleted
#    criteria with "AND" / "OR" written at item ends (three rows) or opening the item (one
#    row), approval durations inside the cells; rows cross page breaks.
# =========================================================================================


class LandscapeDoc(Doc):
    """A Doc on landscape letter pages (the engine's Doc is portrait)."""

    def __init__(self, header, footer, margin: float = 14.0) -> None:  # type: ignore[no-untyped-def]
        FPDF.__init__(self, orientation="L", format="letter", unit="mm")
        self.core_fonts_encoding = "windows-1252"
        self._header_fn = header
        self._footer_fn = footer
        self.set_margins(margin, 24, margin)
        self.set_auto_page_break(True, margin=18)
        self.set_creation_date(FIXED_DATE)
        self.alias_nb_pages()
        self.set_font("helvetica", size=10)
        self.table_header = None


def cell_items(root: Crit, style: str, approval: str) -> list[Item]:
    """Bullets with the logic at item ends ("; AND", "; OR") or opening each item after the
    first ("AND", "OR" in the marker column); dash sub-items; an approval line."""
    word = {"all_of": "AND", "any_of": "OR"}
    out: list[Item] = []

    def walk(group: Crit, level: int) -> None:
        for k, kid in enumerate(group.kids):
            last = k == len(group.kids) - 1
            mk = "\u2022" if level == 0 else "\u2013"
            text = kid.text
            if style == "end" and not last and not kid.is_group:
                text += f"; {word[group.op]}"
            if style == "start" and k:
                text = f"{word[group.op]} {text}"
            out.append(Item(level, mk, text))
            if kid.is_group:
                walk(kid, level + 1)
                if style == "end" and not last:
                    out.append(Item(level, "", word[group.op], "B"))

    if root.text:
        out.append(Item(0, "", root.text, "B"))
    walk(root, 0)
    out.append(Item(0, "", approval, "I"))
    return out


def landscape_olaparib() -> tuple[Doc, list[Ind], list[str]]:
    plan = "Northwind Health Alliance"

    def header(d: Doc) -> None:
        d.set_fill_color(0, 84, 110)
        d.rect(0, 0, d.w, 13, style="F")
        d.set_text_color(255)
        d.set_font("helvetica", "B", 10.5)
        d.set_xy(d.l_margin, 4)
        d.cell(0, 5, f"{plan}  |  Oncology Drug Program", align="L")
        d.set_font("helvetica", "", 8.5)
        d.set_xy(d.l_margin, 4.5)
        d.cell(0, 4, "Clinical Criteria OP-114: Olaparib (Lynparza)", align="R")
        d.set_text_color(0)
        d.set_y(18)

    def footer(d: Doc) -> None:
        d.set_y(-12)
        d.set_font("helvetica", "", 7.5)
        d.cell(0, 3.5, "OP-114 v5  |  Effective 02/01/2026  |  Confidential and proprietary",
               align="L")
        d.set_xy(d.l_margin, d.get_y())
        d.cell(0, 3.5, f"Page {d.page_no()} of {{nb}}", align="R")

    d = LandscapeDoc(header, footer)
    d.add_page()
    d.set_font("helvetica", "B", 13)
    d.cell(0, 7, "Olaparib (Lynparza) tablets: Clinical Criteria for Prior Authorization",
           new_x="LMARGIN", new_y="NEXT")
    d.para("Applies to: commercial, exchange and Medicaid managed care members. Olaparib is a "
           "poly (ADP-ribose) polymerase (PARP) inhibitor. Requests are approved when the "
           "member meets every criterion in the row for the indication, in addition to the "
           "general requirements below. Genetic tests must use an FDA-approved or CLIA-certified "
           "assay, and the report must be attached.", size=9.5)
    d.para("Documentation: chart notes with the stage and extent of disease, the treatment "
           "history with dates and best response, the genetic or tumor test report, and for "
           "reauthorization the most recent imaging report. Requests for indications not in the "
           "table are reviewed against the plan's compendia policy; requests for combination "
           "with other investigational agents are reviewed by an oncology pharmacist.", size=9.5)
    d.para("General requirements (all indications): the member is 18 years of age or older, "
           "and olaparib is prescribed by an oncologist or urologic oncologist. Quantity "
           "limit: 120 tablets (150 mg or 100 mg) per 30 days.", size=9.5, style="B")

    inds: list[Ind] = []
    ov = g("all_of", "",
           c("Stage III or IV epithelial ovarian, fallopian tube or primary peritoneal "
             "cancer"),
           c("Complete or partial response to first-line platinum-based chemotherapy"),
           g("any_of", "ONE of the following:",
             c("A deleterious or suspected deleterious germline or somatic BRCA1 or BRCA2 "
               "mutation, and olaparib is used as a single agent"),
             c("A homologous recombination deficiency (HRD)-positive tumor, and olaparib is "
               "used with bevacizumab")),
           c("Olaparib starts within 12 weeks of the last dose of platinum chemotherapy"),
           c("No prior treatment with a PARP inhibitor"))
    ov_r = g("all_of", "",
             c("No disease progression while taking olaparib"),
             c("No unacceptable toxicity, including myelodysplastic syndrome or acute myeloid "
               "leukemia"),
             c("Total olaparib treatment will not exceed 2 years unless residual disease "
               "remains"))
    br = g("all_of", "",
           c("A deleterious or suspected deleterious germline BRCA1 or BRCA2 mutation"),
           c("Human epidermal growth factor receptor 2 (HER2)-negative breast cancer"),
           g("any_of", "ONE of the following:",
             c("High-risk early breast cancer treated with neoadjuvant or adjuvant "
               "chemotherapy, and olaparib is adjuvant treatment"),
             c("Metastatic breast cancer previously treated with chemotherapy in the "
               "neoadjuvant, adjuvant or metastatic setting")),
           c("If hormone receptor-positive, the member has had endocrine therapy or is not "
             "a candidate for it"))
    br_r = g("all_of", "",
             c("Metastatic disease: no disease progression while taking olaparib"),
             c("Adjuvant treatment: total treatment will not exceed 1 year"))
    pa = g("all_of", "",
           c("Metastatic adenocarcinoma of the pancreas"),
           c("A deleterious or suspected deleterious germline BRCA1 or BRCA2 mutation"),
           c("Disease has not progressed after at least 16 weeks of first-line platinum-based "
             "chemotherapy"),
           c("Olaparib is used as maintenance treatment after the platinum chemotherapy is "
             "stopped"))
    pa_r = g("all_of", "", c("No disease progression while taking olaparib"),
             c("No unacceptable toxicity"))
    pr = g("all_of", "",
           c("Metastatic castration-resistant prostate cancer (mCRPC)"),
           c("Castrate testosterone level (below 50 ng/dL) maintained with a GnRH analog or "
             "after bilateral orchiectomy"),
           g("any_of", "ONE of the following:",
             c("A deleterious germline or somatic homologous recombination repair (HRR) gene "
               "mutation, with progression after enzalutamide or abiraterone"),
             c("A deleterious BRCA1 or BRCA2 mutation, and olaparib is used with abiraterone "
               "and prednisone or prednisolone")),
           c("No prior treatment with a PARP inhibitor"))
    pr_r = g("all_of", "", c("No radiographic disease progression while taking olaparib"),
             c("Androgen deprivation therapy continues"))

    d.table_head([58, (d.width - 58) * 0.56, (d.width - 58) * 0.44],
                 ["Indication", "Initial authorization criteria", "Reauthorization criteria"])
    rows = [
        ("Ovarian, fallopian tube or primary peritoneal cancer: first-line maintenance",
         "C56.1-C56.9, C57.0-C57.4, C48.2", ov, "end", "Approve for 12 months.", ov_r,
         "Approve for 12 months."),
        ("Breast cancer, HER2-negative, germline BRCA-mutated", "C50.011-C50.929", br, "end",
         "Approve for 12 months.", br_r, "Approve for 12 months (adjuvant: until 1 year of "
         "total treatment)."),
        ("Pancreatic adenocarcinoma, metastatic, germline BRCA-mutated", "C25.0-C25.9", pa,
         "end", "Approve for 6 months.", pa_r, "Approve for 12 months."),
        ("Prostate cancer, metastatic castration-resistant", "C61", pr, "start",
         "Approve for 12 months.", pr_r, "Approve for 12 months."),
    ]
    for name, codes, init, style, appr, reauth, reappr in rows:
        d.row([[Item(0, "", name, "B"), Item(0, "", f"ICD-10: {codes}")],
               cell_items(init, style, appr), cell_items(reauth, style, reappr)])
    d.end_table()

    inds.append(Ind("Ovarian, fallopian tube or primary peritoneal cancer", rows[0][0],
                    ["ovarian cancer", "fallopian tube cancer", "primary peritoneal cancer",
                     "first-line maintenance"], ["C56.1-C56.9", "C57.0-C57.4", "C48.2"],
                    ov, ov_r))
    inds.append(Ind("Breast cancer, HER2-negative, germline BRCA-mutated", rows[1][0],
                    ["breast cancer", "gBRCAm HER2-negative breast cancer"],
                    ["C50.011-C50.929"], br, br_r))
    inds.append(Ind("Pancreatic adenocarcinoma, metastatic, germline BRCA-mutated", rows[2][0],
                    ["pancreatic cancer", "metastatic pancreatic adenocarcinoma"],
                    ["C25.0-C25.9"], pa, pa_r))
    inds.append(Ind("Prostate cancer, metastatic castration-resistant", rows[3][0],
                    ["mCRPC", "castration-resistant prostate cancer", "prostate cancer"],
                    ["C61"], pr, pr_r))

    d.heading("Not approved", 10.5)
    excl = ["Use together with another PARP inhibitor or after progression on a PARP inhibitor",
            "Ovarian cancer treatment after three or more prior lines of chemotherapy "
            "(treatment setting, not maintenance)",
            "Any indication or tumor type not listed in the table above"]
    d.items([Item(0, "\u2022", t) for t in excl], base=3, gap=0.3)
    d.heading("Dosing and supply", 10.5)
    d.table_head([60, d.width - 60], ["Setting", "Dose"])
    d.row(["All indications", "300 mg (two 150 mg tablets) by mouth twice a day"])
    d.row(["Moderate renal impairment (CrCl 31-50 mL/min)", "200 mg twice a day"])
    d.row(["With a strong or moderate CYP3A inhibitor that cannot be avoided",
           "100 mg twice a day (strong) or 150 mg twice a day (moderate)"])
    d.end_table()
    d.heading("References", 10.5)
    d.items([Item(0, f"{k + 1}.", r) for k, r in enumerate([
        "Lynparza (olaparib) tablets prescribing information. Revised 2025.",
        "Varga T, Ostrowski L. Maintenance PARP inhibition after first-line platinum in "
        "advanced ovarian cancer. Gynecol Oncol Rev. 2023;41:77-90.",
        "Achebe N, et al. Homologous recombination repair testing in metastatic prostate "
        "cancer. Urol Oncol Pract. 2024;9:301-312."])])
    return d, inds, excl
