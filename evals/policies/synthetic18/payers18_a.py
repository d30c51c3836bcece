"""Eighteenth synthetic batch, part A: a plan-document amendment instrument in legal form
(lisdexamfetamine: ADHD and binge-eating disorder); a policy revision printed with tracked
changes, struck-through deletions and underlined insertions (iptacopan: IgA nephropathy and
C3 glomerulopathy). Our own words, fictional plans."""

from __future__ import annotations

from render import Crit, Doc, Ind, c, g


def _text(d: Doc, text: str, style: str = "", size: float = 9.5, h: float = 4.6,
          indent: float = 0.0, font: str = "helvetica", w: float = 0.0) -> None:
    d.set_font(font, style, size)
    d.set_x(d.l_margin + indent)
    d.multi_cell((w or d.width) - indent, h, text, new_x="LMARGIN", new_y="NEXT")
    d.ln(1.0)


# =========================================================================================
# 1. Plan amendment: recitals, "NOW, THEREFORE", numbered amending instructions, the
#    replacement section quoted and indented in legal clauses "(a)" / "(i)" / "(A)",
#    capitalised defined terms, spelled-out numbers "twelve (12)", a signature block.
# =========================================================================================


def _clauses(d: Doc, root: Crit, indent: float = 12) -> None:
    romans = ["i", "ii", "iii", "iv", "v", "vi", "vii"]
    for k, kid in enumerate(root.kids):
        _text(d, f"({romans[k]})  {kid.text}", "", 9.8, 4.8, indent, font="times")
        for j, alt in enumerate(kid.kids):
            _text(d, f"({chr(65 + j)})  {alt.text}", "", 9.8, 4.8, indent + 9, font="times")


def amend_lisdexamfetamine() -> tuple[Doc, list[Ind], list[str]]:
    def header(d: Doc) -> None:
        d.set_font("times", "", 8.5)
        d.set_xy(d.l_margin, 9)
        d.cell(0, 4, "Harborview Municipal Employees' Health Plan - Amendment No. 3")
        d.set_xy(d.l_margin, 9)
        d.cell(0, 4, "Plan Document effective January 1, 2024", align="R")
        d.set_y(18)

    def footer(d: Doc) -> None:
        d.set_y(-13)
        d.set_font("times", "", 8.5)
        d.cell(0, 4, f"- {d.page_no()} -", align="C")

    d = Doc(header, footer, margin=24)
    d.add_page()
    _text(d, "AMENDMENT NO. 3 TO THE HARBORVIEW MUNICIPAL EMPLOYEES' HEALTH PLAN", "B", 12,
          6, font="times")
    _text(d, "WHEREAS, the City of Harborview (the \"Plan Sponsor\") maintains the Harborview "
          "Municipal Employees' Health Plan (the \"Plan\") for the benefit of its employees "
          "and their dependents; WHEREAS, Section 12.1 of the Plan reserves to the Plan "
          "Sponsor the right to amend the Plan at any time; and WHEREAS, the Pharmacy and "
          "Therapeutics Committee has recommended revised conditions of coverage for "
          "lisdexamfetamine;", "", 9.8, 4.8, font="times")
    _text(d, "NOW, THEREFORE, the Plan is amended as follows, effective March 1, 2026:", "",
          9.8, 4.8, font="times")
    _text(d, "1. Section 8.6 of the Plan is deleted in its entirety and replaced with the "
          "following:", "", 9.8, 4.8, font="times")
    _text(d, "\"8.6 Lisdexamfetamine Dimesylate (Vyvanse and generic equivalents). The Plan "
          "covers Lisdexamfetamine only as provided in this Section 8.6. Capitalized terms "
          "have the meanings given in Article 1.", "", 9.8, 4.8, 6, font="times")
    ad_lead = ("(a) For a Covered Person who has attention-deficit/hyperactivity disorder, "
               "the Plan will cover Lisdexamfetamine for an initial Authorization Period of "
               "twelve (12) months if each of the following requirements is satisfied:")
    _text(d, ad_lead, "", 9.8, 4.8, 6, font="times")
    ad = g("all_of", ad_lead,
           c("the Covered Person is six (6) years of age or older;"),
           c("the diagnosis was made by a Physician or a licensed psychologist under DSM-5 "
             "criteria and is supported by a standardized rating scale completed by the "
             "Covered Person, a parent or a teacher;"),
           g("any_of", "either:",
             c("the Covered Person has taken a generic methylphenidate or generic "
               "amphetamine product for at least thirty (30) days at a therapeutic dose, "
               "with an inadequate response or intolerable side effects; or"),
             c("a member of the Covered Person's household has a substance use disorder, "
               "so that a prodrug stimulant is preferred;")),
           c("a cardiac history and a blood pressure and heart rate measured within the "
             "ninety (90) days before the request are documented; and"),
           c("for a Covered Person eighteen (18) years of age or older, the Prescribing "
             "Provider has checked the state prescription drug monitoring program within "
             "the thirty (30) days before the request."))
    _clauses(d, ad)
    ad_c_lead = ("(b) Coverage under subsection (a) may be renewed for further Authorization "
                 "Periods of twelve (12) months if:")
    _text(d, ad_c_lead, "", 9.8, 4.8, 6, font="times")
    ad_c = g("all_of", ad_c_lead,
             c("the Prescribing Provider documents improvement in symptoms or in school, work "
               "or home functioning since Lisdexamfetamine was started; and"),
             c("a blood pressure and heart rate measured within the preceding six (6) months "
               "are documented."))
    _clauses(d, ad_c)
    bed_lead = ("(c) Binge-Eating Disorder. Lisdexamfetamine is covered for moderate to severe "
                "binge-eating disorder for an initial Authorization Period of three (3) "
                "months, provided that all of the following are met:")
    _text(d, bed_lead, "", 9.8, 4.8, 6, font="times")
    bed = g("all_of", bed_lead,
            c("the Covered Person is eighteen (18) years of age or older;"),
            c("binge-eating disorder meeting DSM-5 criteria is documented, with binge-eating "
              "episodes on an average of at least four (4) days per week over the "
              "preceding three (3) months;"),
            c("the Covered Person has started or completed a course of cognitive behavioral "
              "therapy or another structured psychotherapy for binge eating; and"),
            c("Lisdexamfetamine is prescribed by, or in consultation with, a Specialist "
              "Physician."))
    _clauses(d, bed)
    bed_c_lead = ("(d) Coverage under subsection (c) may be renewed for six (6) months at a "
                  "time when:")
    _text(d, bed_c_lead, "", 9.8, 4.8, 6, font="times")
    bed_c = g("all_of", bed_c_lead,
              c("the number of binge-eating days per week has fallen since the start of "
                "treatment; and"),
              c("there is no evidence of misuse, diversion or early refill requests."))
    _clauses(d, bed_c)
    _text(d, "(e) Exclusions. The Plan does not cover Lisdexamfetamine:", "", 9.8, 4.8, 6,
          font="times")
    excl = [
        "for weight loss or the treatment of obesity, whether or not binge eating is present;",
        "for a Covered Person who is taking, or has taken within the last fourteen (14) "
        "days, a monoamine oxidase inhibitor;",
        "in combination with another stimulant covered under Section 8.5 (two long-acting "
        "stimulants at the same time);",
        "for fatigue, narcolepsy or to improve alertness or study performance in a person "
        "without a covered diagnosis.\"",
    ]
    for k, e in enumerate(excl):
        _text(d, f"({['i', 'ii', 'iii', 'iv'][k]})  {e}", "", 9.8, 4.8, 12, font="times")
    _text(d, "2. Section 1.14 of the Plan is amended by adding the following defined term in "
          "alphabetical order: \"Specialist Physician\" means a psychiatrist, a child and "
          "adolescent psychiatrist, or a psychiatric nurse practitioner practising within a "
          "psychiatric service.", "", 9.8, 4.8, font="times")
    _text(d, "3. In all other respects the Plan remains in full force and effect.", "", 9.8,
          4.8, font="times")
    _text(d, "IN WITNESS WHEREOF, the Plan Sponsor has caused this Amendment No. 3 to be "
          "executed by its duly authorized officer on February 10, 2026.", "", 9.8, 4.8,
          font="times")
    d.ln(6)
    _text(d, "CITY OF HARBORVIEW\n\nBy: ______________________________\nName: Teresa "
          "Valdivia\nTitle: Director of Human Resources", "", 9.8, 4.8, font="times")
    inds = [
        Ind("Attention-deficit/hyperactivity disorder (lisdexamfetamine)", ad_lead,
            ["ADHD", "attention deficit hyperactivity disorder"], ["F90.0", "F90.1", "F90.2"],
            ad, ad_c, ad_c_lead),
        Ind("Moderate to severe binge-eating disorder in adults (lisdexamfetamine)", bed_lead,
            ["BED", "binge eating disorder"], ["F50.81"], bed, bed_c, bed_c_lead),
    ]
    return d, inds, excl


# =========================================================================================
# 2. Redline revision: a legend box, a summary-of-changes table, then the policy text with
#    deleted lines struck through in red (not in force) and inserted lines underlined in
#    blue, with a change bar in the left margin beside every changed line.
# =========================================================================================

RED = (190, 20, 20)
BLUE = (20, 60, 190)


def _mark(d: Doc, text: str, kind: str, indent: float, marker: str) -> None:
    """kind: '' (unchanged), 'del' (struck through, red), 'ins' (underlined, blue)."""
    top = d.get_y()
    if kind:
        d.set_text_color(*(RED if kind == "del" else BLUE))
    style = {"": "", "del": "S", "ins": "U"}[kind]
    d.set_font("helvetica", "", 9.5)
    d.set_xy(d.l_margin + indent, top)
    d.cell(7, 4.6, marker)
    d.set_font("helvetica", style, 9.5)
    d.set_xy(d.l_margin + indent + 7, top)
    d.multi_cell(d.width - indent - 7, 4.6, text, new_x="LMARGIN", new_y="NEXT")
    d.set_text_color(0)
    if kind:
        d.set_draw_color(*(RED if kind == "del" else BLUE))
        d.set_line_width(0.8)
        d.line(d.l_margin - 5, top, d.l_margin - 5, d.get_y())
        d.set_line_width(0.2)
        d.set_draw_color(0)
    d.ln(0.8)


def _redline(d: Doc, rows: list[tuple[str, str]], indent: float = 4) -> None:
    n = 0
    for kind, text in rows:
        n += kind != "del"
        _mark(d, text, kind, indent, f"{chr(96 + n) if kind != 'del' else chr(97 + n)}.")


def redline_iptacopan() -> tuple[Doc, list[Ind], list[str]]:
    def header(d: Doc) -> None:
        d.set_font("helvetica", "", 8)
        d.set_xy(d.l_margin, 8)
        d.cell(0, 4, "Cascade Ridge Health Alliance | Medical Pharmacy Policy MP-2.114")
        d.set_xy(d.l_margin, 8)
        d.set_text_color(*RED)
        d.cell(0, 4, "REVISION DRAFT - TRACKED CHANGES", align="R")
        d.set_text_color(0)
        d.set_y(17)

    def footer(d: Doc) -> None:
        d.set_y(-13)
        d.set_font("helvetica", "", 8)
        d.cell(0, 4, f"MP-2.114 rev. 3 (redline)   Page {d.page_no()} of {{nb}}", align="C")

    d = Doc(header, footer, margin=22)
    d.add_page()
    _text(d, "Iptacopan (Fabhalta) - complement factor B inhibitor", "B", 14, 7)
    top = d.get_y()
    _text(d, "How to read this redline: text struck through in red is deleted and no longer "
          "applies; text underlined in blue is new. A bar in the left margin marks each "
          "changed line. Everything not struck through is in force for requests received on "
          "or after April 1, 2026. Paroxysmal nocturnal hemoglobinuria is addressed in "
          "MP-2.090 and is not changed here.", "", 8.8, 4.3, 3, w=d.width - 3)
    d.rect(d.l_margin, top - 1, d.width, d.get_y() - top + 1)
    d.ln(2)
    _text(d, "Summary of changes (rev. 3)", "B", 10, 5)
    d.table_head([40, d.width - 40], ["Section", "Change"])
    for a, b in [("2.1 c.", "Proteinuria threshold lowered to match current nephrology "
                  "guidance."),
                 ("2.1 (former d.)", "Corticosteroid trial requirement removed."),
                 ("2.1 g., 3.1 g.", "Nephrologist prescriber added."),
                 ("3 (new)", "C3 glomerulopathy added as a covered use."),
                 ("5", "Exclusion for eGFR below 20 replaced by the renal criterion.")]:
        d.row([a, b])
    d.end_table()
    _text(d, "Section 2 - IgA nephropathy", "B", 12, 6)
    ig_lead = "2.1 Initial approval: 9 months. All of the following must be met:"
    _text(d, ig_lead, "B", 10, 5)
    vacc = ("Vaccination against Neisseria meningitidis and Streptococcus pneumoniae, as "
            "required by the Fabhalta REMS, is documented:")
    ig = g("all_of", ig_lead,
           c("Primary IgA nephropathy confirmed by kidney biopsy."),
           c("Member is 18 years of age or older."),
           c("Proteinuria of 1 g/day or more, or a urine protein-to-creatinine ratio of 0.8 "
             "g/g or more, on a sample from the last 90 days."),
           c("Member has taken an ACE inhibitor or angiotensin receptor blocker at the "
             "highest tolerated dose for at least 90 days, unless both are contraindicated."),
           c("Estimated GFR of 30 mL/min/1.73 m2 or more."),
           g("any_of", vacc,
             c("completed at least 2 weeks before the first dose; or"),
             c("if treatment cannot wait, antibiotic prophylaxis is given until 2 weeks after "
               "the vaccines.")),
           c("Prescribed by or in consultation with a nephrologist."))
    k = ig.kids
    _redline(d, [("", k[0].text), ("", k[1].text),
                 ("del", "Urine protein-to-creatinine ratio of 1.5 g/g or more."),
                 ("ins", k[2].text),
                 ("del", "Member has completed a course of systemic corticosteroids of at "
                  "least 8 weeks without adequate response."),
                 ("", k[3].text), ("", k[4].text), ("", k[5].text)])
    for alt in k[5].kids:
        _mark(d, alt.text, "", 12, "-")
    _mark(d, k[6].text, "ins", 4, "g.")
    ig_c_lead = "2.2 Reauthorization: 12 months. Both of the following must be met:"
    _text(d, ig_c_lead, "B", 10, 5)
    ig_c = g("all_of", ig_c_lead,
             c("Urine protein-to-creatinine ratio is lower than the value before iptacopan "
               "was started."),
             c("Member has not started maintenance dialysis and has not received a kidney "
               "transplant."))
    _redline(d, [("", ig_c.kids[0].text),
                 ("del", "Estimated GFR has not fallen by more than 10% since the last "
                  "approval."),
                 ("ins", ig_c.kids[1].text)])
    _mark(d, "Section 3 - C3 glomerulopathy (new section)", "ins", 0, "")
    c3_lead = ("3.1 For members with C3 glomerulopathy (C3G), including dense deposit "
               "disease, iptacopan is approved for 6 months when all of the following are "
               "met:")
    _mark(d, c3_lead, "ins", 0, "")
    c3 = g("all_of", c3_lead,
           c("Member is 18 years of age or older and has native kidneys (not a kidney "
             "transplant recipient)."),
           c("Kidney biopsy shows C3 staining at least two orders of magnitude stronger than "
             "any immunoglobulin."),
           c("Urine protein-to-creatinine ratio of 1 g/g or more despite optimized supportive "
             "care."),
           c("An ACE inhibitor or angiotensin receptor blocker has been taken at the highest "
             "tolerated dose for at least 90 days."),
           c("Estimated GFR of 30 mL/min/1.73 m2 or more (current lab)."),
           c("Meningococcal and pneumococcal vaccination documented as in 2.1 f."),
           c("Prescriber is a nephrologist."))
    for j, kid in enumerate(c3.kids):
        _mark(d, kid.text, "ins", 4, f"{chr(97 + j)}.")
    c3_c_lead = "3.2 Reauthorization for C3G: 12 months, when both are met:"
    _mark(d, c3_c_lead, "ins", 0, "")
    c3_c = g("all_of", c3_c_lead,
             c("Proteinuria has fallen from the pre-treatment urine protein-to-creatinine "
               "ratio."),
             c("Estimated GFR has stayed at 15 mL/min/1.73 m2 or more without dialysis."))
    for j, kid in enumerate(c3_c.kids):
        _mark(d, kid.text, "ins", 4, f"{chr(97 + j)}.")
    _text(d, "Section 4 - Dosing", "B", 12, 6)
    _text(d, "200 mg by mouth twice daily. No dose adjustment for renal function is required "
          "in the approved eGFR range. Quantity limit: 60 capsules per 30 days.")
    _text(d, "Section 5 - Not medically necessary", "B", 12, 6)
    excl = [
        "Active serious infection with an encapsulated bacterium (for example meningococcal "
        "disease) that has not resolved.",
        "Use together with another complement inhibitor such as eculizumab, ravulizumab or "
        "pegcetacoplan.",
        "IgA nephropathy secondary to another condition, such as IgA vasculitis, cirrhosis or "
        "celiac disease.",
        "Rapidly progressive (crescentic) glomerulonephritis needing immunosuppressive rescue "
        "therapy.",
    ]
    _redline(d, [("", excl[0]), ("", excl[1]),
                 ("del", "Estimated GFR below 20 mL/min/1.73 m2."),
                 ("", excl[2]), ("ins", excl[3])])
    inds = [
        Ind("Primary IgA nephropathy (iptacopan)", "Section 2 - IgA nephropathy",
            ["IgAN", "IgA nephropathy", "Berger disease"], ["N02.B9"], ig, ig_c, ig_c_lead),
        Ind("C3 glomerulopathy (iptacopan)", c3_lead, ["C3G", "dense deposit disease"], [],
            c3, c3_c, c3_c_lead),
    ]
    return d, inds, excl
