"""Seventeenth synthetic batch, part A: a claims-system terminal screen print (letermovir:
CMV prophylaxis after stem-cell and kidney transplant); a Swiss "Specialty List" entry with a
pack/price table and a "Limitatio" text (teduglutide: short bowel syndrome in adults and
children); a spreadsheet printout with column letters and row numbers (finerenone: chronic
kidney disease with type 2 diabetes, heart failure with LVEF 40% or more).
Our own words, fictional plans."""

from __future__ import annotations

from render import Crit, Doc, Ind, Item, c, g


def _text(d: Doc, text: str, style: str = "", size: float = 9.5, h: float = 4.6,
          indent: float = 0.0, font: str = "helvetica") -> None:
    d.set_font(font, style, size)
    d.set_x(d.l_margin + indent)
    d.multi_cell(d.width - indent, h, text, new_x="LMARGIN", new_y="NEXT")
    d.ln(1.0)


# =========================================================================================
# 1. Terminal screen print: each screen is a boxed block of monospaced lines, a screen id
#    line, field lines, then criteria as "Q01" lines with a "Y/N" response column; the logic
#    and the length sit in an "APPROVAL RULE" field line above the questions.
# =========================================================================================


def _screen(d: Doc, title: str, fields: list[str], rule: str, root: Crit, prefix: str,
            pf: str, start: int = 1) -> None:
    if d.get_y() > d.page_break_trigger - 60:
        d.add_page()
    d.ln(2.5)
    top = d.get_y()
    d.set_font("courier", "B", 8.6)
    d.set_x(d.l_margin + 2)
    d.multi_cell(d.width - 4, 4.2, title, new_x="LMARGIN", new_y="NEXT")
    d.set_font("courier", "", 8.6)
    for f in fields:
        d.set_x(d.l_margin + 2)
        d.multi_cell(d.width - 4, 4.2, f, new_x="LMARGIN", new_y="NEXT")
    d.ln(1)
    d.set_font("courier", "B", 8.6)
    d.set_x(d.l_margin + 2)
    d.multi_cell(d.width - 4, 4.2, rule, new_x="LMARGIN", new_y="NEXT")
    d.ln(1)
    d.set_font("courier", "", 8.6)
    n = start - 1
    for kid in root.kids:
        n += 1
        _qline(d, f"{prefix}{n:02d}", kid.text, "Y/N" if not kid.is_group else "   ")
        for k, alt in enumerate(kid.kids):
            _qline(d, f"  {prefix}{n:02d}{chr(65 + k)}", alt.text, "Y/N")
    d.ln(1)
    d.set_x(d.l_margin + 2)
    d.cell(d.width - 4, 4.2, pf, new_x="LMARGIN", new_y="NEXT")
    d.rect(d.l_margin, top - 1.5, d.width, d.get_y() - top + 3)
    d.ln(6)


def _qline(d: Doc, label: str, text: str, resp: str) -> None:
    y = d.get_y()
    if y > d.page_break_trigger - 6:
        d.add_page()
        y = d.get_y()
    d.set_xy(d.l_margin + 2, y)
    d.cell(12, 4.2, resp)
    d.set_xy(d.l_margin + 14, y)
    d.cell(20, 4.2, label)
    d.set_xy(d.l_margin + 34, y)
    d.multi_cell(d.width - 36, 4.2, text, new_x="LMARGIN", new_y="NEXT")
    d.ln(0.6)


def screen_letermovir() -> tuple[Doc, list[Ind], list[str]]:
    def header(d: Doc) -> None:
        d.set_font("courier", "", 7.5)
        d.set_xy(d.l_margin, 8)
        d.cell(0, 4, "KVHP CLAIMS/UM SYSTEM  PRINT REQUEST BY RXCLIN04  12/01/2026 07:42:19")
        d.set_y(16)

    def footer(d: Doc) -> None:
        d.set_y(-12)
        d.set_font("courier", "", 7.5)
        d.cell(0, 4, f"PRINT JOB 558102   PAGE {d.page_no():03d}", align="R")

    d = Doc(header, footer, margin=16)
    d.add_page()
    _text(d, "Keystone Valley Health Plan - Pharmacy Clinical Criteria, printed from the "
          "PAX310 criteria inquiry screens", "B", 11, 5.5, font="courier")
    _text(d, "The screens below are the criteria set CS-4471 as loaded on 11/20/2026. A "
          "reviewer keys Y or N against each question; the system approves only as the "
          "APPROVAL RULE line of the screen says. Questions with a letter under them are "
          "answered through the lettered lines.", "", 8.6, 4.2, font="courier")
    hsct_rule = ("APPROVAL RULE: ALL OF Q01-Q05 = Y. APPROVE THROUGH DAY 100 AFTER THE "
                 "TRANSPLANT.")
    hsct = g("all_of", hsct_rule,
             c("RECIPIENT IS 18 YEARS OR OLDER AND HAD AN ALLOGENEIC HEMATOPOIETIC STEM "
               "CELL TRANSPLANT."),
             c("RECIPIENT CMV IgG IS POSITIVE BEFORE THE TRANSPLANT (R+), WHATEVER THE "
               "DONOR STATUS."),
             c("FIRST DOSE FALLS BETWEEN THE DAY OF TRANSPLANT AND DAY 28 AFTER IT."),
             c("PRESCRIBER IS A TRANSPLANT HEMATOLOGIST/ONCOLOGIST OR AN INFECTIOUS "
               "DISEASES SPECIALIST."),
             c("CMV DNA IN BLOOD IS BELOW THE LAB'S REPORTABLE LEVEL ON THE LAST TEST "
               "BEFORE THE FIRST DOSE."))
    # the extension screen numbers its questions on from this one (Q06, Q07)
    _screen(d, "PAX310  CRITERIA INQUIRY                     SCREEN 02 OF 05",
            ["DRUG....: LETERMOVIR (PREVYMIS) 240 MG/480 MG TAB, 240 MG/480 MG INJ",
             "SET.....: CS-4471-A   USE: CMV PROPHYLAXIS, ALLOGENEIC HSCT, CMV-SEROPOSITIVE "
             "RECIPIENT",
             "REQ TYPE: NEW START"], hsct_rule, hsct, "Q",
            "PF3=END  PF7=BACK  PF8=FWD  ENTER=NEXT SET")
    ext_rule = ("APPROVAL RULE: Q06 = Y AND Q07 = Y. EXTEND TO DAY 200 AFTER THE TRANSPLANT, "
                "ONCE.")
    ext = g("all_of", ext_rule,
            g("any_of", "RECIPIENT STILL AT HIGH RISK OF LATE CMV (ANY ONE LETTER = Y):",
              c("GRAFT-VERSUS-HOST DISEASE NOW TREATED WITH A SYSTEMIC STEROID DOSE OF 1 "
                "MG/KG/DAY OR MORE"),
              c("HAPLOIDENTICAL, CORD BLOOD OR HLA-MISMATCHED DONOR"),
              c("T-CELL-DEPLETED GRAFT OR ANTITHYMOCYTE GLOBULIN IN THE CONDITIONING")),
            c("NO CLINICALLY SIGNIFICANT CMV INFECTION OCCURRED WHILE ON LETERMOVIR UP TO "
              "DAY 100."))
    _screen(d, "PAX310  CRITERIA INQUIRY                     SCREEN 03 OF 05",
            ["DRUG....: LETERMOVIR (PREVYMIS)",
             "SET.....: CS-4471-B   USE: CMV PROPHYLAXIS, ALLOGENEIC HSCT - EXTENSION",
             "REQ TYPE: CONTINUATION (DAY 100 TO DAY 200)"], ext_rule, ext, "Q",
            "PF3=END  PF7=BACK  PF8=FWD  ENTER=NEXT SET", start=6)
    kid_rule = ("APPROVAL RULE: ALL OF K01-K05 = Y. APPROVE THROUGH WEEK 28 (DAY 200) AFTER "
                "THE TRANSPLANT.")
    kid = g("all_of", kid_rule,
            c("RECIPIENT IS 18 YEARS OR OLDER AND RECEIVED A KIDNEY TRANSPLANT IN THE LAST "
              "7 DAYS."),
            c("DONOR CMV IgG POSITIVE AND RECIPIENT CMV IgG NEGATIVE (D+/R-)."),
            c("FIRST DOSE FALLS BETWEEN THE DAY OF TRANSPLANT AND DAY 7 AFTER IT."),
            c("ESTIMATED CREATININE CLEARANCE IS 10 ML/MIN OR MORE AND THE RECIPIENT IS NOT "
              "ON DIALYSIS."),
            c("VALGANCICLOVIR CANNOT BE USED: NEUTROPHILS BELOW 1,000/MM3 OR A NEUTROPENIA "
              "OR MARROW TOXICITY ON IT IN THE PAST."))
    _screen(d, "PAX310  CRITERIA INQUIRY                     SCREEN 04 OF 05",
            ["DRUG....: LETERMOVIR (PREVYMIS)",
             "SET.....: CS-4471-C   USE: CMV PROPHYLAXIS, KIDNEY TRANSPLANT, HIGH RISK",
             "REQ TYPE: NEW START ONLY - NO EXTENSION BEYOND WEEK 28"], kid_rule, kid, "K",
            "PF3=END  PF7=BACK  PF8=FWD  ENTER=NEXT SET")
    _text(d, "PAX310  CRITERIA INQUIRY                     SCREEN 05 OF 05", "B", 8.6, 4.2,
          font="courier")
    _text(d, "SET.....: CS-4471-X   DENY CODES (NO APPROVAL UNDER ANY SET)", "", 8.6, 4.2,
          font="courier")
    excl = [
        "TREATMENT OF A CMV INFECTION OR CMV DISEASE ALREADY PRESENT (PRE-EMPTIVE OR "
        "ESTABLISHED).",
        "USE WITH PIMOZIDE OR WITH AN ERGOT ALKALOID.",
        "USE WITH PITAVASTATIN OR SIMVASTATIN WHILE THE PATIENT ALSO TAKES CYCLOSPORINE.",
        "ANY SOLID ORGAN TRANSPLANT OTHER THAN KIDNEY.",
    ]
    for k, e in enumerate(excl, 1):
        _qline(d, f"DX{k:02d}", e, "DENY")
    inds = [
        Ind("CMV prophylaxis after allogeneic hematopoietic stem cell transplant, "
            "CMV-seropositive recipient (letermovir)", hsct_rule,
            ["CMV prophylaxis HSCT", "allogeneic HSCT", "R+"], ["Z94.84", "Z29.8"], hsct,
            ext, ext_rule),
        Ind("CMV prophylaxis after kidney transplant, donor positive / recipient negative "
            "(letermovir)", kid_rule, ["CMV prophylaxis kidney transplant", "D+/R-"],
            ["Z94.0"], kid),
    ]
    return d, inds, excl


# =========================================================================================
# 2. Specialty List entry (Swiss style): a pack / price table, then one "Limitatio" text per
#    patient group; the condition is named only in a sentence ("For adults with short bowel
#    syndrome who ..."), criteria as dash lines; continuation as a following paragraph
#    ("Continued reimbursement ... only if"); cost approval wording; dd.mm.yyyy dates.
# =========================================================================================


def _dashes(d: Doc, root: Crit, indent: float = 5) -> None:
    for kid in root.kids:
        _text(d, "-  " + kid.text, "", 9.3, 4.5, indent)
        for alt in kid.kids:
            _text(d, "o  " + alt.text, "", 9.3, 4.5, indent + 7)


def limitatio_teduglutide() -> tuple[Doc, list[Ind], list[str]]:
    def header(d: Doc) -> None:
        d.set_font("helvetica", "", 7.5)
        d.set_xy(d.l_margin, 8)
        d.cell(0, 4, "Alpenrand Health Fund - Specialty List (SL) - extract")
        d.set_xy(d.l_margin, 8)
        d.cell(0, 4, "valid from 01.01.2026", align="R")
        d.line(d.l_margin, 13, d.w - d.r_margin, 13)
        d.set_y(17)

    def footer(d: Doc) -> None:
        d.set_y(-12)
        d.set_font("helvetica", "", 7.5)
        d.cell(0, 4, f"SL extract 2026/01  |  {d.page_no()}", align="C")

    d = Doc(header, footer, margin=18)
    d.add_page()
    _text(d, "07.99.  Other gastrointestinal products", "B", 11, 5.5)
    _text(d, "Revestive 5 mg (teduglutide), powder and solvent for solution for injection",
          "B", 10, 5)
    d.table_head([46, 26, 26, 26, 26, 24],
                 ["Pack", "Pharmacode", "Ex-factory CHF", "Public price CHF", "Limitation",
                  "Since"])
    d.row(["30 vials 5 mg with solvent", "7012345", "19,840.12", "20,611.35", "yes",
           "01.03.2019"])
    d.row(["1 vial 1.25 mg (paediatric)", "7012352", "661.34", "712.80", "yes",
           "01.07.2021"])
    d.end_table()
    _text(d, "Limitatio", "B", 10.5, 5.2)
    _text(d, "Only after prior cost approval by the health fund, on the advice of its medical "
          "adviser. The request is made by the treating specialist on the fund's form; the "
          "fund answers within 14 days. Limitation valid until 31.12.2027.", "", 9.3, 4.5)
    ad_lead = ("For adults with short bowel syndrome (SBS) who depend on parenteral support, "
               "the first cost approval is for 6 months if all of the following are met:")
    _text(d, ad_lead, "B", 9.3, 4.5)
    ad = g("all_of", ad_lead,
           c("Age 18 years or older at the start of treatment."),
           c("SBS after intestinal resection, stable for at least 12 months after the last "
             "resection with no further gain from diet or drug adjustment."),
           c("Parenteral nutrition or fluids on at least 3 days a week for at least 12 "
             "months."),
           c("Colonoscopy with removal of any polyps within the 6 months before the first "
             "dose."),
           c("Prescription by a gastroenterologist at an intestinal failure centre "
             "recognised by the fund."))
    _dashes(d, ad)
    ad_c_lead = ("Continued reimbursement after the first 6 months, then for 12 months at a "
                 "time, only if both of the following are documented:")
    _text(d, ad_c_lead, "B", 9.3, 4.5)
    ad_c = g("all_of", ad_c_lead,
             g("any_of", "A response to treatment, meaning one of:",
               c("weekly parenteral support volume at least 20% lower than before "
                 "treatment"),
               c("at least one day a week fewer on parenteral support than before "
                 "treatment")),
             c("Colonoscopy surveillance kept up to date: at 1 year of treatment and every 5 "
               "years after that, with polyps removed."))
    _dashes(d, ad_c)
    ch_lead = ("For children aged 1 year or older with SBS who depend on parenteral support, "
               "the first cost approval is for 6 months if all of the following are met:")
    _text(d, ch_lead, "B", 9.3, 4.5)
    ch = g("all_of", ch_lead,
           c("Body weight of 10 kg or more."),
           c("Parenteral support providing at least 30% of the child's calorie or fluid "
             "needs for at least 12 months."),
           c("Faecal occult blood test negative within the 6 months before the first dose, "
             "or a colonoscopy without polyps if the test was positive."),
           c("Prescription by a paediatric gastroenterologist of an intestinal "
             "rehabilitation programme."))
    _dashes(d, ch)
    ch_c_lead = ("Continued reimbursement for children after 6 months, then for 12 months at "
                 "a time, only if:")
    _text(d, ch_c_lead, "B", 9.3, 4.5)
    ch_c = g("all_of", ch_c_lead,
             c("Parenteral support volume or calories reduced by at least 20% from the "
               "start of treatment."),
             c("Faecal occult blood tested every year, with colonoscopy after a positive "
               "result."))
    _dashes(d, ch_c)
    _text(d, "No cost approval is given in the following situations:", "B", 9.3, 4.5)
    excl = [
        "Active gastrointestinal cancer or a cancer of the gut, liver, bile ducts or "
        "pancreas in the last 5 years.",
        "Intestinal obstruction at present.",
        "Together with another GLP-2 analogue such as glepaglutide or apraglutide.",
        "SBS that does not need parenteral support.",
    ]
    for e in excl:
        _text(d, "-  " + e, "", 9.3, 4.5, 5)
    _text(d, "Changes since the previous extract: paediatric vial added 01.07.2021; "
          "limitation renewed 01.01.2026 without change of wording.", "I", 8.5, 4.2)
    inds = [
        Ind("Short bowel syndrome in adults dependent on parenteral support (teduglutide)",
            ad_lead, ["SBS", "intestinal failure"], ["K91.2"], ad, ad_c, ad_c_lead),
        Ind("Short bowel syndrome in children 1 year and older dependent on parenteral "
            "support (teduglutide)", ch_lead, ["paediatric SBS", "intestinal failure"],
            ["K91.2"], ch, ch_c, ch_c_lead),
    ]
    return d, inds, excl


# =========================================================================================
# 3. Spreadsheet printout: a grid with a column-letter row (A-E) and row numbers; column B
#    holds rule ids, C the criterion, D the logic ("Required", "Any 1 of 6a-6b"), E notes;
#    the set header row holds the rule sentence; sheet tab named in the footer.
# =========================================================================================

W = [9, 22, 92, 27, 28]


def _sheet_rows(d: Doc, rowno: list[int], rid: str, root: Crit, note: dict[int, str]) -> None:
    d.row([str(rowno[0]), rid, [Item(0, "", root.text, "B")], "", ""], W, fill=235)
    rowno[0] += 1
    for i, kid in enumerate(root.kids, 1):
        if kid.is_group:
            subs = f"{i}a-{i}{chr(96 + len(kid.kids))}"
            d.row([str(rowno[0]), f"{rid}-{i:02d}", kid.text, f"Required; any 1 of {subs}",
                   note.get(i, "")], W)
            rowno[0] += 1
            for k, alt in enumerate(kid.kids):
                d.row([str(rowno[0]), f"{rid}-{i:02d}{chr(97 + k)}", alt.text, "Option", ""], W)
                rowno[0] += 1
        else:
            d.row([str(rowno[0]), f"{rid}-{i:02d}", kid.text, "Required", note.get(i, "")], W)
            rowno[0] += 1


def sheet_finerenone() -> tuple[Doc, list[Ind], list[str]]:
    def header(d: Doc) -> None:
        d.set_font("helvetica", "", 7.5)
        d.set_xy(d.l_margin, 8)
        d.cell(0, 4, "RX_CRITERIA_2026.xlsx")
        d.set_xy(d.l_margin, 8)
        d.cell(0, 4, "Riverbend Employees' Health Trust - Pharmacy", align="R")
        d.set_y(15)
        if d.page_no() > 0:
            d.row(["", "A", "B", "C", "D"], W, fill=210, bold=True)

    def footer(d: Doc) -> None:
        d.set_y(-12)
        d.set_font("helvetica", "", 7.5)
        d.cell(0, 4, f"Sheet: Finerenone  |  Page {d.page_no()} of {{nb}}", align="C")

    d = Doc(header, footer, margin=14)
    d.add_page()
    rowno = [1]
    d.row([str(rowno[0]), "Kerendia (finerenone) 10 mg / 20 mg / 40 mg tablets - prior "
           "authorization rules"], [W[0], sum(W[1:])], bold=True)
    rowno[0] += 1
    d.row([str(rowno[0]), "Rule ID", "Criterion", "Logic", "Reviewer note"], W, fill=225,
          bold=True)
    rowno[0] += 1
    ckd_lead = ("CKD-I: Chronic kidney disease with type 2 diabetes, initial. Approve 12 "
                "months when every Required row is met (for an 'any 1' row, one Option row "
                "below it).")
    ckd = g("all_of", ckd_lead,
            c("Adult (18 or older) with type 2 diabetes on the problem list or claims."),
            c("eGFR of 25 mL/min/1.73 m2 or more on the most recent result within 90 days."),
            c("Urine albumin-to-creatinine ratio of 30 mg/g or more on two samples at least "
              "3 months apart."),
            c("Taking the highest tolerated dose of an ACE inhibitor or an ARB for at least "
              "4 weeks."),
            c("Serum potassium of 5.0 mmol/L or less within the last 30 days."),
            g("any_of", "SGLT2 inhibitor background:",
              c("Currently taking an SGLT2 inhibitor (empagliflozin, dapagliflozin or "
                "canagliflozin)"),
              c("SGLT2 inhibitor stopped for intolerance, or contraindicated")))
    _sheet_rows(d, rowno, "CKD-I", ckd, {2: "Lab date must be shown", 4: "Pharmacy "
                                         "claims count", 5: "Lab date must be shown"})
    ckdr_lead = ("CKD-R: Chronic kidney disease with type 2 diabetes, renewal. Approve 12 "
                 "months when every Required row is met.")
    ckdr = g("all_of", ckdr_lead,
             c("Serum potassium of 5.5 mmol/L or less on the latest check."),
             c("Still taking an ACE inhibitor or ARB unless it had to be stopped."),
             c("Not on dialysis and no kidney transplant since the last approval."))
    _sheet_rows(d, rowno, "CKD-R", ckdr, {})
    hf_lead = ("HF-I: Heart failure with left ventricular ejection fraction of 40% or more, "
               "initial. Approve 6 months when every Required row is met.")
    hf = g("all_of", hf_lead,
           c("Adult (18 or older) with symptomatic heart failure, NYHA class II to IV."),
           c("Most recent LVEF of 40% or more, measured in the last 12 months."),
           c("NT-proBNP of 300 pg/mL or more (900 pg/mL or more if in atrial "
             "fibrillation) within the last 90 days."),
           c("eGFR of 25 mL/min/1.73 m2 or more and serum potassium of 5.0 mmol/L or less "
             "within 30 days."),
           c("Prescribed by or with a cardiologist."),
           g("any_of", "Diuretic and SGLT2 background:",
             c("Taking an SGLT2 inhibitor together with a loop diuretic as needed"),
             c("SGLT2 inhibitor not tolerated or contraindicated")))
    _sheet_rows(d, rowno, "HF-I", hf, {2: "Echo or MRI report", 5: "Name of cardiologist"})
    hfr_lead = ("HF-R: Heart failure with LVEF of 40% or more, renewal. Approve 12 months "
                "when every Required row is met.")
    hfr = g("all_of", hfr_lead,
            c("Serum potassium of 5.5 mmol/L or less on the latest check."),
            c("No hospital stay for hyperkalemia since the last approval."))
    _sheet_rows(d, rowno, "HF-R", hfr, {})
    d.row([str(rowno[0]), "EXCL", [Item(0, "", "EXCL: Do not approve under any rule "
                                         "set:", "B")], "", ""], W, fill=235)
    rowno[0] += 1
    excl = [
        "Taking itraconazole, ketoconazole, clarithromycin or another strong CYP3A4 "
        "inhibitor.",
        "Adrenal insufficiency (Addison disease).",
        "Given together with spironolactone or eplerenone.",
        "Heart failure with LVEF below 40% as the only indication.",
    ]
    for k, e in enumerate(excl, 1):
        d.row([str(rowno[0]), f"EXCL-{k:02d}", e, "Deny", ""], W)
        rowno[0] += 1
    d.end_table()
    inds = [
        Ind("Chronic kidney disease associated with type 2 diabetes (finerenone)", ckd_lead,
            ["CKD with T2D", "diabetic kidney disease"], ["E11.22", "N18.3"], ckd, ckdr,
            ckdr_lead),
        Ind("Heart failure with LVEF 40% or more (finerenone)", hf_lead,
            ["HFmrEF", "HFpEF"], ["I50.30", "I50.32"], hf, hfr, hfr_lead),
    ]
    return d, inds, excl
