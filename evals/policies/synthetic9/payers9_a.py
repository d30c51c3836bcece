"""Ninth synthetic batch, part A: an Australian PBS-style restriction page ("Treatment Phase:",
"Clinical criteria:", "Population criteria:", "Treatment criteria:" with AND / OR lines
between items), CFTR modulators; a hospital antimicrobial-stewardship restriction sheet whose
logic lives only in the column headers of a ruled table ("ALL must apply" | "PLUS at least ONE
of"), ceftazidime-avibactam; a Medicare Advantage Part B policy in a roman-numeral outline
(I./A./1./a./(i)) whose siblings are joined by centred "-AND-" / "-OR-" lines, belimumab.
Our own words, fictional plans; drawn with the first batch's layout engine
(`../synthetic/render.py`) plus small local helpers."""

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


def connector(d: Doc, word: str, indent: float, centre: bool = False) -> None:
    """A logic word on a line of its own (PBS "AND", outline "-AND-")."""
    d.set_font("helvetica", "B", 9.5)
    if d.get_y() + LINE > d.page_break_trigger:
        d.add_page()
    d.set_x(d.l_margin + indent)
    d.cell(d.w - d.r_margin - d.l_margin - indent if centre else 20, LINE, word,
           align="C" if centre else "L", new_x="LMARGIN", new_y="NEXT")
    d.set_font("helvetica", "", 10)
    d.ln(0.4)


def refs(d: Doc, items: list[str]) -> None:
    d.items([Item(0, f"{k + 1}.", r) for k, r in enumerate(items)])


# =========================================================================================
# 1. PBS-style restriction text: CFTR modulators. One restriction block per treatment phase,
#    fields "Treatment Phase:", "Clinical criteria:", "Population criteria:", "Treatment
#    criteria:"; items joined by "AND" / "OR" lines; a one-of group has a sentence lead-in.
# =========================================================================================


def pbs_block(d: Doc, sections: list[tuple[str, list[Crit]]]) -> None:
    """Criteria fields of one restriction: every item of every field is required ("AND"
    between them), an any_of group's items are joined by "OR" lines."""
    first = True
    for label, kids in sections:
        d.set_font("helvetica", "B", 10)
        d.cell(0, LINE, label, new_x="LMARGIN", new_y="NEXT")
        d.set_font("helvetica", "", 10)
        for k, kid in enumerate(kids):
            if not first and k > 0:
                connector(d, "AND", 6)
            first = False
            text_item(d, "", kid.text, 6)
            if kid.is_group:
                for j, sub in enumerate(kid.kids):
                    if j:
                        connector(d, "OR", 14)
                    text_item(d, "", sub.text, 14)
        d.ln(1)


def pbs_cftr() -> tuple[Doc, list[Ind], list[str]]:
    def header(d: Doc) -> None:
        d.set_font("helvetica", "", 8)
        d.set_xy(d.l_margin, 8)
        d.cell(0, 4, "Southern Cross Health Fund  -  Pharmaceutical Benefits Schedule extract",
               align="L")
        d.set_xy(d.l_margin, 8)
        d.cell(0, 4, "Schedule date: 1 February 2026", align="R")
        rule(d, 13.5, 60, 0.4)
        d.set_y(18)

    def footer(d: Doc) -> None:
        d.set_y(-13)
        d.set_font("helvetica", "I", 7.5)
        d.cell(0, 3.5, "Restrictions are reproduced for member-fund assessment. Where a field "
               "is blank it does not apply.", align="L")
        d.set_xy(d.l_margin, d.get_y() + 3.5)
        d.cell(0, 3.5, f"{d.page_no()}", align="R")

    def restriction(title: str, level: str, phase: str, sections: list[tuple[str, list[Crit]]],
                    note: str) -> None:
        d.ln(2)
        if d.get_y() > d.h - 70:
            d.add_page()
        d.set_fill_color(235, 235, 235)
        d.set_font("helvetica", "B", 10.5)
        d.cell(0, 6, title, fill=True, new_x="LMARGIN", new_y="NEXT")
        d.set_font("helvetica", "", 9.5)
        d.cell(0, LINE, level, new_x="LMARGIN", new_y="NEXT")
        d.set_font("helvetica", "B", 10)
        d.cell(0, LINE, phase, new_x="LMARGIN", new_y="NEXT")
        d.set_font("helvetica", "", 10)
        d.ln(1)
        pbs_block(d, sections)
        d.para(note, style="I", size=9)

    d = Doc(header, footer)
    d.add_page()
    d.set_font("helvetica", "B", 14)
    d.cell(0, 7, "CFTR modulators for cystic fibrosis", new_x="LMARGIN", new_y="NEXT")
    d.set_font("helvetica", "", 9)
    d.cell(0, 4.5, "Elexacaftor + tezacaftor + ivacaftor and ivacaftor (Trikafta, Kalydeco)   "
           "Section 100 - Highly Specialised Drugs", new_x="LMARGIN", new_y="NEXT")
    d.heading("About these restrictions", 11)
    d.para("Each restriction below applies to one condition and one treatment phase. A "
           "patient qualifies for a phase only when every clinical, population and treatment "
           "criterion listed for that phase is satisfied. Criteria joined by OR are "
           "alternatives. Sweat chloride values are from a quantitative pilocarpine "
           "iontophoresis test; genotypes must be reported by an accredited laboratory.",
           size=9.5)

    inds: list[Ind] = []
    eti_clin = [
        c("Patient must have a diagnosis of cystic fibrosis confirmed by a sweat chloride "
          "value of 60 mmol/L or more, or by two disease-causing CFTR variants"),
        c("Patient must have at least one F508del variant in the CFTR gene"),
        c("The treatment must not be used in combination with any other CFTR modulator"),
    ]
    eti_pop = [c("Patient must be aged 6 years or older")]
    eti_trt = [
        c("Must be treated by a respiratory physician working in a specialist cystic "
          "fibrosis centre"),
        c("Patient must have had liver function tests (ALT, AST and bilirubin) within the "
          "3 months before the first dose"),
    ]
    eti = g("all_of", "", *eti_clin, *eti_pop, *eti_trt)
    eti_c_clin = [
        c("Patient must have previously received PBS-subsidised treatment with this drug "
          "for this condition"),
        c("Patient must not have had a rise in ALT or AST above 5 times the upper limit "
          "of normal that led to treatment being stopped"),
        c("The treatment must not be used in combination with any other CFTR modulator"),
    ]
    eti_c_trt = [c("Must be treated by a respiratory physician working in a specialist cystic "
                   "fibrosis centre")]
    eti_c = g("all_of", "", *eti_c_clin, *eti_c_trt)
    restriction("Elexacaftor + tezacaftor + ivacaftor (Trikafta)", "Restriction level: Authority "
                "Required (in writing)", "Treatment Phase: Initial treatment",
                [("Clinical criteria:", eti_clin), ("Population criteria:", eti_pop),
                 ("Treatment criteria:", eti_trt)],
                "Authority approval: up to 6 months of treatment per application.")
    restriction("Elexacaftor + tezacaftor + ivacaftor (Trikafta)", "Restriction level: Authority "
                "Required (STREAMLINED) - code 16042", "Treatment Phase: Continuing "
                "treatment", [("Clinical criteria:", eti_c_clin),
                              ("Treatment criteria:", eti_c_trt)],
                "Authority approval: up to 12 months of treatment per application.")
    inds.append(Ind("Cystic fibrosis with an F508del variant", "Elexacaftor + tezacaftor + "
                    "ivacaftor (Trikafta) Restriction level", ["CF", "F508del"], ["E84.0", "E84.9"],
                    eti, eti_c, "Treatment Phase: Continuing treatment"))

    iva_clin = [
        c("Patient must have a diagnosis of cystic fibrosis"),
        c("Patient must have a gating variant (G551D, G178R, S549N, S549R, G551S, G1244E, "
          "S1251N, S1255P or G1349D) on at least one CFTR allele"),
        c("Patient must not be eligible for elexacaftor + tezacaftor + ivacaftor, or must "
          "have stopped it because of intolerance"),
    ]
    iva_pop = [c("Patient must be aged 4 months or older and weigh at least 5 kg")]
    iva_trt = [c("Must be treated by a respiratory physician working in a specialist "
                 "cystic fibrosis centre, or by a paediatrician in consultation with one")]
    iva = g("all_of", "", *iva_clin, *iva_pop, *iva_trt)
    iva_c_clin = [
        c("Patient must have previously received PBS-subsidised treatment with ivacaftor "
          "for this condition"),
        g("any_of", "Patient must have shown a response to ivacaftor, being one of the "
          "following:",
          c("a fall in sweat chloride of at least 30% from the pre-treatment value"),
          c("a sweat chloride value below 60 mmol/L on treatment")),
    ]
    iva_c_trt = [c("Must be treated by a respiratory physician working in a specialist "
                   "cystic fibrosis centre, or by a paediatrician in consultation with one")]
    iva_c = g("all_of", "", *iva_c_clin, *iva_c_trt)
    restriction("Ivacaftor (Kalydeco)", "Restriction level: Authority Required (in writing)",
                "Treatment Phase: Initial treatment - gating variant",
                [("Clinical criteria:", iva_clin), ("Population criteria:", iva_pop),
                 ("Treatment criteria:", iva_trt)],
                "Authority approval: up to 6 months. The sweat chloride value before the "
                "first dose must be recorded with the application.")
    restriction("Ivacaftor (Kalydeco)", "Restriction level: Authority Required "
                "(STREAMLINED) - code 16055",
                "Treatment Phase: Continuing treatment - gating variant",
                [("Clinical criteria:", iva_c_clin), ("Treatment criteria:", iva_c_trt)],
                "Authority approval: up to 12 months of treatment per application.")
    inds.append(Ind("Cystic fibrosis with a CFTR gating variant", "Ivacaftor (Kalydeco) "
                    "Restriction level", ["gating mutation", "G551D"], ["E84.0", "E84.9"], iva,
                    iva_c, "Treatment Phase: Continuing treatment - gating"))

    d.heading("Not subsidised", 11)
    excl = ["Use of two CFTR modulators at the same time, including ivacaftor added to "
            "elexacaftor + tezacaftor + ivacaftor",
            "Patients with moderate or severe hepatic impairment (Child-Pugh class B or C)",
            "Patients with cystic fibrosis who carry neither an F508del nor a listed gating "
            "variant",
            "Use after lung transplantation to treat the transplanted lung"]
    d.items([Item(0, "-", e) for e in excl])
    d.heading("Dispensing", 11)
    d.table_head([60, d.width - 60], ["Product", "Maximum quantity"])
    d.row(["Trikafta tablets", "84 tablets (28-day pack) and 5 repeats"])
    d.row(["Kalydeco tablets or granules", "56 tablets or 56 sachets and 5 repeats"])
    d.end_table()
    d.heading("References", 11)
    refs(d, ["Trikafta product information. Revised 2025.",
             "Kalydeco product information. Revised 2024.",
             "Moreau P, Tan J. Modulator eligibility in cystic fibrosis clinics. Resp Pract "
             "Rev. 2024;9:51-63."])
    return d, inds, excl


# =========================================================================================
# 2. Hospital antimicrobial restriction sheet: ceftazidime-avibactam. One ruled table per
#    approved use, columns "ALL must apply" | "PLUS at least ONE of": the logic is only in
#    the header row; a one-column "72-hour review" table is the continuation.
# =========================================================================================


def hosp_ceftazidime() -> tuple[Doc, list[Ind], list[str]]:
    def header(d: Doc) -> None:
        d.set_fill_color(30, 70, 60)
        d.rect(0, 0, d.w, 14, style="F")
        d.set_text_color(255)
        d.set_font("helvetica", "B", 10)
        d.set_xy(d.l_margin, 4)
        d.cell(0, 5, "Riverbend General Hospital  |  Antimicrobial Stewardship Program",
               align="L")
        d.set_font("helvetica", "", 8)
        d.set_xy(d.l_margin, 4)
        d.cell(0, 5, "Restricted Antimicrobial Criteria Sheet AMS-17", align="R")
        d.set_text_color(0)
        d.set_y(20)

    def footer(d: Doc) -> None:
        d.set_y(-13)
        d.set_font("helvetica", "", 7.5)
        d.cell(0, 3.5, "Approved by the Pharmacy and Therapeutics Committee, October 2025. "
               f"Sheet {d.page_no()} of {{nb}}", align="C")

    def use_table(title: str, root: Crit, review: Crit) -> None:
        d.heading(title, 10.5)
        all_items = [k for k in root.kids if not k.is_group]
        one = next(k for k in root.kids if k.is_group)
        left = [Item(0, "\u2022", k.text) for k in all_items]
        right = [Item(0, "\u2022", k.text) for k in one.kids]
        d.table_head([d.width / 2, d.width / 2], ["ALL must apply", "PLUS at least ONE of"])
        d.row([left, right])
        d.end_table()
        d.table_head([d.width], ["72-hour review: continue only if ALL apply"])
        d.row([[Item(0, "\u2022", k.text) for k in review.kids]])
        d.end_table()

    d = Doc(header, footer)
    d.add_page()
    d.set_font("helvetica", "B", 14)
    d.cell(0, 7, "Ceftazidime-avibactam (Avycaz) IV", new_x="LMARGIN", new_y="NEXT")
    d.set_font("helvetica", "", 9.5)
    d.cell(0, 4.5, "Formulary status: RESTRICTED - Category 2 (Infectious Diseases approval "
           "within 24 hours)", new_x="LMARGIN", new_y="NEXT")
    d.heading("How to use this sheet", 11)
    d.para("Pharmacy verifies the first dose against the approved uses below. For each use, "
           "every item in the left column is needed and one item in the right column is "
           "enough. The antimicrobial stewardship pharmacist reviews every course at 72 "
           "hours; the course goes on only when the review box of the use is satisfied, "
           "otherwise the team is asked to change to a narrower agent or stop.", size=9.5)
    d.para("Usual adult dose: 2.5 g IV every 8 hours infused over 2 hours, adjusted for "
           "creatinine clearance of 50 mL/min or less.", size=9.5)

    inds: list[Ind] = []
    cre = g("all_of", "",
            c("Infectious Diseases has approved the order, by consult note or pager "
              "approval, within 24 hours of the first dose"),
            c("Infection at one of these sites: complicated intra-abdominal, complicated "
              "urinary tract, hospital-acquired or ventilator-associated pneumonia, or "
              "bloodstream"),
            c("Creatinine clearance has been calculated and written on the order"),
            g("any_of", "",
              c("An Enterobacterales isolate from this episode is resistant to meropenem or "
                "ertapenem"),
              c("A rapid molecular test on a clinical specimen detects a KPC or OXA-48 "
                "carbapenemase gene"),
              c("Septic shock in a patient colonized or infected with a KPC-producing "
                "organism within the past 12 months")))
    cre_r = g("all_of", "",
              c("Final susceptibility report shows the isolate is susceptible to "
                "ceftazidime-avibactam"),
              c("The isolate is not susceptible to any narrower agent the patient could "
                "take, such as a fluoroquinolone, trimethoprim-sulfamethoxazole or an "
                "aminoglycoside"),
              c("A stop date or planned total duration is written on the order"))
    use_table("Approved use 1: Carbapenem-resistant Enterobacterales (CRE) infection", cre,
              cre_r)
    inds.append(Ind("Carbapenem-resistant Enterobacterales infection", "Approved use 1: "
                    "Carbapenem-resistant", ["CRE", "KPC", "carbapenemase-producing"],
                    ["A41.59", "N39.0", "Z16.39"], cre, cre_r, "72-hour review: continue"))

    psa = g("all_of", "",
            c("Infectious Diseases has approved the order, by consult note or pager "
              "approval, within 24 hours of the first dose"),
            c("Pseudomonas aeruginosa grows from a sterile site, or from a lower "
              "respiratory specimen with new infiltrate and fever"),
            g("any_of", "",
              c("The isolate is resistant to both cefepime and meropenem"),
              c("The isolate is resistant to piperacillin-tazobactam and the patient has a "
                "documented severe immediate allergy to carbapenems")))
    psa_r = g("all_of", "",
              c("Final susceptibility report shows the isolate is susceptible to "
                "ceftazidime-avibactam"),
              c("The patient is improving clinically: fever resolved or falling, and "
                "white count or vasopressor need falling"))
    use_table("Approved use 2: Difficult-to-treat Pseudomonas aeruginosa infection", psa,
              psa_r)
    inds.append(Ind("Difficult-to-treat Pseudomonas aeruginosa infection", "Approved use 2: "
                    "Difficult-to-treat", ["DTR Pseudomonas", "multidrug-resistant "
                    "Pseudomonas"], ["B96.5", "J15.1"], psa, psa_r,
                    "72-hour review: continue"))

    d.heading("NOT approved for", 11)
    excl = ["Surgical prophylaxis or empiric therapy without a CRE risk listed above",
            "Colonization or a positive surveillance swab without signs of infection",
            "Asymptomatic bacteriuria",
            "Monotherapy for an isolate producing a metallo-beta-lactamase (NDM, VIM or "
            "IMP); combine with aztreonam only on ID advice"]
    d.items([Item(0, "-", e) for e in excl])
    d.heading("Renal dose adjustment", 11)
    d.table_head([60, d.width - 60], ["Creatinine clearance (mL/min)", "Dose"])
    for cl, dose in [("greater than 50", "2.5 g every 8 hours"),
                     ("31 to 50", "1.25 g every 8 hours"),
                     ("16 to 30", "0.94 g every 12 hours"),
                     ("6 to 15", "0.94 g every 24 hours")]:
        d.row([cl, dose])
    d.end_table()
    return d, inds, excl


# =========================================================================================
# 3. Medicare Advantage Part B policy in a roman-numeral outline: belimumab IV. Sections
#    I. (initial) and II. (continuation), conditions A./B., criteria 1./a./(i); siblings are
#    joined by centred "-AND-" / "-OR-" lines, never by words inside the items.
# =========================================================================================


def outline(d: Doc, group: Crit, markers: list, level: int = 0) -> None:
    word = {"all_of": "-AND-", "any_of": "-OR-"}[group.op]
    for k, kid in enumerate(group.kids):
        if k:
            connector(d, word, 12 + level * 8, centre=True)
        text_item(d, markers[level](k), kid.text, 12 + level * 8, marker_w=8)
        if kid.is_group:
            outline(d, kid, markers, level + 1)


def roman_belimumab() -> tuple[Doc, list[Ind], list[str]]:
    def header(d: Doc) -> None:
        d.set_font("helvetica", "B", 9)
        d.set_xy(d.l_margin, 8)
        d.cell(0, 4, "Lakeshore Medicare Advantage", align="L")
        d.set_font("helvetica", "", 8)
        d.set_xy(d.l_margin, 8)
        d.cell(0, 4, "Part B Drug Policy PB-112  Belimumab (Benlysta IV)", align="R")
        rule(d, 13.5, 120, 0.3)
        d.set_y(18)

    def footer(d: Doc) -> None:
        d.set_y(-13)
        d.set_font("helvetica", "", 7.5)
        d.cell(0, 3.5, "Y0093_PB112_C  This policy does not replace Medicare National or "
               "Local Coverage Determinations.", align="L")
        d.set_xy(d.l_margin, d.get_y() + 3.5)
        d.cell(0, 3.5, f"Page {d.page_no()} of {{nb}}", align="R")

    num = [lambda i: f"{i + 1}.", lambda i: f"{chr(97 + i)}.",
           lambda i: "(" + ["i", "ii", "iii", "iv", "v"][i] + ")"]

    def section(text: str) -> None:
        d.ln(2)
        if d.get_y() > d.h - 50:
            d.add_page()
        d.set_font("helvetica", "B", 11)
        d.cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
        d.set_font("helvetica", "", 10)

    def cond(text: str, lead: str) -> None:
        d.set_font("helvetica", "B", 10)
        d.set_x(d.l_margin + 5)
        d.cell(0, LINE + 1, text, new_x="LMARGIN", new_y="NEXT")
        d.set_font("helvetica", "", 10)
        d.set_x(d.l_margin + 12)
        d.multi_cell(d.width - 12, LINE, lead, new_x="LMARGIN", new_y="NEXT")
        d.ln(0.8)

    d = Doc(header, footer)
    d.add_page()
    d.set_font("helvetica", "B", 14)
    d.cell(0, 7, "Belimumab intravenous (Benlysta)", new_x="LMARGIN", new_y="NEXT")
    d.set_font("helvetica", "", 9)
    d.cell(0, 4.5, "HCPCS J0490   Part B step therapy: not applicable   Effective 01/01/2026",
           new_x="LMARGIN", new_y="NEXT")
    d.heading("Policy", 11)
    d.para("Belimumab is a monoclonal antibody that blocks B-lymphocyte stimulator. In the "
           "absence of a National or Local Coverage Determination, the plan uses the "
           "criteria in this outline. Criteria separated by -AND- must all be met; criteria "
           "separated by -OR- are alternatives.", size=9.5)

    sle = g("all_of", "Authorization of up to 6 months may be granted for SLE when:",
            c("Member is 5 years of age or older"),
            c("Member has active systemic lupus erythematosus with a positive ANA (titer of "
              "1:80 or more) or a positive anti-double-stranded DNA antibody"),
            c("Member is currently receiving standard lupus therapy, such as "
              "hydroxychloroquine, a glucocorticoid, azathioprine, methotrexate or "
              "mycophenolate"),
            g("any_of", "Disease remains active despite standard therapy, as shown by:",
              c("A SELENA-SLEDAI score of 6 or higher"),
              c("Two or more flares in the past 12 months that needed a higher "
                "glucocorticoid dose")),
            c("Member does not have severe active central nervous system lupus"),
            c("Belimumab is prescribed by or in consultation with a rheumatologist"))
    ln = g("all_of", "Authorization of up to 6 months may be granted for lupus nephritis "
           "when:",
           c("Member is 5 years of age or older"),
           c("Kidney biopsy shows ISN/RPS class III, IV or V lupus nephritis"),
           g("any_of", "Belimumab is added to standard induction or maintenance therapy "
             "with:",
             c("mycophenolate mofetil or mycophenolic acid"),
             c("cyclophosphamide followed by azathioprine")),
           c("Urine protein to creatinine ratio is 1.0 g/g or higher"),
           c("Estimated GFR is 30 mL/min/1.73 m2 or higher"),
           c("Belimumab is prescribed by or in consultation with a rheumatologist or "
             "nephrologist"))
    sle_r = g("all_of", "Reauthorization of up to 12 months may be granted for SLE when:",
              g("any_of", "Member has responded to belimumab, as shown by:",
                c("A fall in SELENA-SLEDAI score of 4 points or more from baseline"),
                c("A glucocorticoid dose lowered by at least 25% from baseline without a "
                  "flare")),
              c("Belimumab is not used with another biologic or with IV cyclophosphamide "
                "for SLE"))
    ln_r = g("all_of", "Reauthorization of up to 12 months may be granted for lupus "
             "nephritis when:",
             c("Urine protein to creatinine ratio has fallen by at least 50% from "
               "baseline, or to below 0.7 g/g"),
             c("Estimated GFR has not fallen by more than 20% from baseline"),
             c("Member continues mycophenolate, azathioprine or another standard "
               "maintenance agent"))

    section("I. CRITERIA FOR INITIAL APPROVAL")
    cond("A. Systemic lupus erythematosus (SLE)", sle.text)
    outline(d, sle, num)
    cond("B. Active lupus nephritis", ln.text)
    outline(d, ln, num)
    section("II. CONTINUATION OF THERAPY")
    cond("A. Systemic lupus erythematosus (SLE)", sle_r.text)
    outline(d, sle_r, num)
    cond("B. Active lupus nephritis", ln_r.text)
    outline(d, ln_r, num)
    inds = [Ind("Systemic lupus erythematosus", "A. Systemic lupus erythematosus (SLE)",
                ["SLE", "lupus"], ["M32.10", "M32.19"], sle, sle_r),
            Ind("Lupus nephritis", "B. Active lupus nephritis", ["LN", "lupus nephritis"],
                ["M32.14"], ln, ln_r)]

    section("III. NOT MEDICALLY NECESSARY")
    excl = ["Use together with another biologic (for example rituximab or anifrolumab) or "
            "with IV cyclophosphamide outside lupus nephritis induction",
            "Severe active lupus of the central nervous system",
            "Members who have had a severe infusion reaction or anaphylaxis to belimumab",
            "Belimumab given by subcutaneous self-injection (a Part D benefit, not Part B)"]
    d.items([Item(0, f"{chr(65 + k)}.", e) for k, e in enumerate(excl)])
    section("IV. DOSING")
    d.para("10 mg/kg IV every 2 weeks for the first three doses, then every 4 weeks.",
           size=9.5)
    section("V. REFERENCES")
    refs(d, ["Benlysta (belimumab) prescribing information. Revised 2025.",
             "Okafor N, Lindahl E. Add-on B-cell therapy in lupus nephritis. Lupus Clin "
             "Rev. 2024;15:201-215."])
    return d, inds, excl
