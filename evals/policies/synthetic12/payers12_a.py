"""Twelfth synthetic batch, part A: a New Zealand-style Special Authority schedule entry
(hypophosphatasia, asfotase alfa); an internal e-mail to the review team (postpartum
depression, zuranolone and brexanolone); a health-system formulary monograph whose
"Restrictions" field holds the criteria (ferric carboxymaltose). Our own words, fictional
plans."""

from __future__ import annotations

from render import Crit, Doc, Ind, Item, c, g


def rule(d: Doc, y: float, gray: int = 120, width: float = 0.3) -> None:
    d.set_draw_color(gray)
    d.set_line_width(width)
    d.line(d.l_margin, y, d.w - d.r_margin, y)
    d.set_draw_color(0)
    d.set_line_width(0.2)


# =========================================================================================
# 1. Special Authority schedule entry (PHARMAC-like): "Initial application - (...)",
#    "Applications only from ...", "Approvals valid for n months ...", "All of the
#    following:" / "Any of the following:" over plain numbered lines, "Renewal - (...)".
# =========================================================================================


def sa_hpp() -> tuple[Doc, list[Ind], list[str]]:
    def header(d: Doc) -> None:
        d.set_font("helvetica", "", 8)
        d.set_xy(d.l_margin, 9)
        d.cell(0, 4, "Kowhai Regional Health Fund  -  Pharmaceutical Schedule, Section B: "
                     "Special Authority entries")
        rule(d, 14, 90)
        d.set_y(19)

    def footer(d: Doc) -> None:
        d.set_y(-12)
        d.set_font("helvetica", "", 7.5)
        d.cell(0, 3.5, f"Schedule update 1 March 2026  |  SA2291  |  page {d.page_no()} of "
               "{nb}", align="C")

    d = Doc(header, footer, margin=20)
    d.add_page()
    d.set_font("helvetica", "B", 13)
    d.cell(0, 6, "ASFOTASE ALFA", new_x="LMARGIN", new_y="NEXT")
    d.set_font("helvetica", "", 9)
    d.multi_cell(d.width, 4.3, "Inj 40 mg per ml, 0.45 ml, 0.7 ml and 1 ml vials; inj 100 mg "
                 "per ml, 0.8 ml vial. Subsidised by Special Authority only (SA2291). "
                 "Hospital pharmacy [HP3]. Brand: Strensiq.", new_x="LMARGIN", new_y="NEXT")
    d.ln(2)
    d.set_font("helvetica", "B", 10)
    d.cell(0, 5, "Special Authority for Subsidy", new_x="LMARGIN", new_y="NEXT")

    def block(title: str, who: str, valid: str, root: Crit) -> None:
        d.ln(1.5)
        d.set_font("helvetica", "B", 10)
        d.multi_cell(d.width, 4.8, title, new_x="LMARGIN", new_y="NEXT")
        d.para(who)
        d.para(f"{valid} {root.text}")
        for k, kid in enumerate(root.kids):
            d.items([Item(0, f"{k + 1}", kid.text)], base=4, gap=0.2)
            if kid.kids:
                for j, sub in enumerate(kid.kids):
                    d.items([Item(1, f"{k + 1}.{j + 1}", sub.text)], base=4, gap=0.2)

    who = ("Applications only from a metabolic physician, paediatric endocrinologist or "
           "clinical geneticist.")
    p_lead = "All of the following:"
    peri = g("all_of", p_lead,
             c("Patient has perinatal-onset or infantile-onset hypophosphatasia, with first "
               "symptoms before 6 months of age"),
             c("Serum alkaline phosphatase activity is below the lower limit of the "
               "age-adjusted reference range"),
             g("any_of", "Any of the following:",
               c("Plasma pyridoxal 5'-phosphate is above the upper limit of normal"),
               c("A pathogenic or likely pathogenic ALPL variant has been identified")),
             c("Skeletal disease of hypophosphatasia is shown on radiographs"),
             c("Dose is no more than 6 mg/kg per week"))
    block("Initial application - (perinatal or infantile-onset hypophosphatasia)", who,
          "Approvals valid for 6 months for applications meeting the following criteria:",
          peri)
    pr_lead = "Both:"
    peri_r = g("all_of", pr_lead,
               c("Radiographic rickets severity score has improved since starting treatment"),
               c("No ectopic calcification of the eye or kidney that needed treatment to "
                 "stop"))
    block("Renewal - (perinatal or infantile-onset hypophosphatasia)", who,
          "Approvals valid for 12 months for applications meeting the following criteria:",
          peri_r)
    j_lead = "All of the following, as set out below:"
    juv = g("all_of", j_lead,
            c("First symptoms of hypophosphatasia began between 6 months and 18 years of "
              "age"),
            c("Serum alkaline phosphatase activity is below the lower limit of the "
              "age-adjusted reference range and a pathogenic ALPL variant is confirmed"),
            c("Patient has at least one of premature loss of primary teeth before age 5, "
              "a non-traumatic fracture or rickets on radiographs"),
            c("Six-minute walk test distance is below 80% of predicted for age, sex and "
              "height"))
    block("Initial application - (juvenile-onset hypophosphatasia)", who,
          "Approvals valid for 6 months for applications meeting the following criteria:",
          juv)
    jr_lead = "All of the following:"
    juv_r = g("all_of", jr_lead,
              c("Six-minute walk test distance has risen by at least 10% from the "
                "pre-treatment value"),
              c("Patient is adherent to treatment, with at least 80% of prescribed doses "
                "dispensed"))
    block("Renewal - (juvenile-onset hypophosphatasia)", who,
          "Approvals valid for 12 months for applications meeting the following criteria:",
          juv_r)
    d.ln(1)
    d.set_font("helvetica", "B", 9.5)
    d.cell(0, 5, "Notes", new_x="LMARGIN", new_y="NEXT")
    excl = [
        "Adult-onset hypophosphatasia (first symptoms at 18 years or older) is not "
        "subsidised.",
        "Asfotase alfa is not subsidised for low alkaline phosphatase from another cause, "
        "such as hypothyroidism, zinc deficiency or bisphosphonate use.",
        "Treatment given only to improve dental disease is not subsidised.",
        "Concurrent treatment with a bisphosphonate or denosumab is not subsidised.",
    ]
    d.items([Item(0, "-", t) for t in excl], base=2, gap=0.2)
    d.para("Age-adjusted alkaline phosphatase ranges are those of the testing laboratory. "
           "The rickets severity score is read by a paediatric radiologist.", size=8.5)
    inds = [
        Ind("Perinatal or infantile-onset hypophosphatasia", "Initial application - "
            "(perinatal or infantile-onset", ["hypophosphatasia", "HPP"], ["E83.39"], peri,
            peri_r, "Renewal - (perinatal or infantile-onset"),
        Ind("Juvenile-onset hypophosphatasia", "Initial application - (juvenile-onset",
            ["hypophosphatasia", "HPP"], ["E83.39"], juv, juv_r,
            "Renewal - (juvenile-onset"),
    ]
    return d, inds, excl


# =========================================================================================
# 2. Internal e-mail: From / To / Cc / Sent / Subject lines, greeting, the criteria in the
#    body as "1)" lines under "Approve ... if ALL of these check out:" sentences, a quoted
#    earlier message below the signature.
# =========================================================================================


def email_ppd() -> tuple[Doc, list[Ind], list[str]]:
    def header(d: Doc) -> None:
        d.set_font("helvetica", "", 7.5)
        d.set_xy(d.l_margin, 8)
        d.cell(0, 4, "Printed 2/3/2026 4:51 PM  -  Outlook  -  Tamarack Valley Health Plan "
                     "(internal)")
        d.set_y(16)

    def footer(d: Doc) -> None:
        d.set_y(-12)
        d.set_font("helvetica", "", 7.5)
        d.cell(0, 3.5, f"{d.page_no()}", align="C")

    d = Doc(header, footer, margin=22)
    d.add_page()
    d.set_font("helvetica", "B", 12)
    d.multi_cell(d.width, 6, "RE: PPD drugs - review criteria starting Feb 9",
                 new_x="LMARGIN", new_y="NEXT")
    d.ln(1)
    for k, v in [("From:", "Okafor, Adaeze (Clinical Pharmacy) <aokafor@tamarackvhp.example>"),
                 ("Sent:", "Tuesday, February 3, 2026 4:37 PM"),
                 ("To:", "UM Pharmacy Review Team <umrx@tamarackvhp.example>"),
                 ("Cc:", "Lindqvist, Per (Medical Director)"),
                 ("Subject:", "RE: PPD drugs - review criteria starting Feb 9")]:
        y = d.get_y()
        d.set_font("helvetica", "B", 9.5)
        d.cell(18, 4.6, k)
        d.set_font("helvetica", "", 9.5)
        d.set_xy(d.l_margin + 18, y)
        d.multi_cell(d.width - 18, 4.6, v, new_x="LMARGIN", new_y="NEXT")
    rule(d, d.get_y() + 1.5, 160)
    d.ln(4)
    d.para("Hi all,")
    d.para("Following Thursday's committee meeting, here is what we agreed for the two "
           "postpartum depression drugs. Please use this until the formal policy is posted. "
           "Neither drug gets a renewal: each is a single course, so a second request is "
           "reviewed as a new one.")

    def paren(root: Crit) -> None:
        for k, kid in enumerate(root.kids):
            d.items([Item(0, f"{k + 1})", kid.text)], base=4, gap=0.2)
            for j, sub in enumerate(kid.kids):
                d.items([Item(1, f"{'abcd'[j]})", sub.text)], base=4, gap=0.2)

    z_lead = ("Zuranolone (Zurzuvae): approve one 14-day course if ALL of these check out:")
    zur = g("all_of", z_lead,
            c("Mom is 18 or older"),
            c("A major depressive episode started in the third trimester or within 4 weeks "
              "after delivery"),
            c("Depression is severe, with a HAM-D 17 score of 26 or more, or an EPDS of 20 "
              "or more"),
            c("She is not pregnant now"),
            c("She was told not to drive or use machinery for at least 12 hours after each "
              "dose and agreed to it"),
            c("No zuranolone course has already been given for this episode"))
    d.para(z_lead, style="B")
    paren(zur)
    b_lead = ("Brexanolone (Zulresso): approve one 60-hour infusion if ALL of these check "
              "out:")
    brex = g("all_of", b_lead,
             c("Patient is 15 or older"),
             c("Delivery was within the last 6 months"),
             c("Depression is moderate or severe, with a HAM-D 17 score of 20 or more"),
             g("any_of", "One of these is true:",
               c("She cannot take an oral drug or could not tolerate zuranolone"),
               c("Her psychiatrist wants her monitored as an inpatient because of suicidal "
                 "thoughts or very poor self-care")),
             c("The infusion will be given at a certified center with continuous pulse "
               "oximetry"))
    d.para(b_lead, style="B")
    paren(brex)
    d.para("What we will NOT approve (send these to the medical director):", style="B")
    excl = [
        "Either drug for depression that is not related to a pregnancy.",
        "Zuranolone and brexanolone for the same episode.",
        "Zuranolone doses above 50 mg a day or courses longer than 14 days.",
        "Brexanolone at home or at a center without the monitoring above.",
    ]
    d.items([Item(0, "*", t) for t in excl], base=4, gap=0.2)
    d.para("Standard review time applies (72 hours); mark requests from an inpatient unit "
           "urgent. Ping me with questions.")
    d.para("Thanks,\nAdaeze\nAdaeze Okafor, PharmD | Clinical Pharmacy Manager | ext. 4418")
    rule(d, d.get_y() + 1, 160)
    d.ln(3)
    d.set_font("helvetica", "", 9)
    d.multi_cell(d.width, 4.2, "From: Lindqvist, Per\nSent: Friday, January 30, 2026 9:02 "
                 "AM\nSubject: PPD drugs\n\nAdaeze - can you put the committee's criteria "
                 "in an e-mail for the team before the posting goes live? Per",
                 new_x="LMARGIN", new_y="NEXT")
    inds = [
        Ind("Postpartum depression (zuranolone)", z_lead, ["PPD", "perinatal depression"],
            ["F53.0"], zur),
        Ind("Postpartum depression (brexanolone)", b_lead, ["PPD", "perinatal depression"],
            ["F53.0"], brex),
    ]
    return d, inds, excl


# =========================================================================================
# 3. Formulary monograph: field label column ("Generic name", "Formulary status",
#    "Restrictions", ...); the criteria sit inside the "Restrictions" field as numbered
#    "Restriction 1" / "Restriction 2" paragraphs over "a." lines; repeat courses inside.
# =========================================================================================


def monograph_iron() -> tuple[Doc, list[Ind], list[str]]:
    def header(d: Doc) -> None:
        d.set_font("helvetica", "B", 9)
        d.set_fill_color(30, 70, 110)
        d.set_text_color(255)
        d.set_xy(0, 0)
        d.cell(d.w, 12, "   Bramblewood Health System  |  Formulary Drug Monograph", fill=True)
        d.set_text_color(0)
        d.set_y(18)

    def footer(d: Doc) -> None:
        d.set_y(-12)
        d.set_font("helvetica", "I", 7.5)
        d.cell(0, 3.5, f"P&T approved 11/2025. Monograph FM-0833. Page {d.page_no()} of "
               "{nb}", align="C")

    d = Doc(header, footer, margin=18)
    d.add_page()
    label_w = 38.0

    def field(label: str, text: str = "") -> None:
        if d.get_y() > d.h - 40:
            d.add_page()
        y = d.get_y()
        d.set_font("helvetica", "B", 9.5)
        d.set_xy(d.l_margin, y)
        d.multi_cell(label_w, 4.6, label)
        d.set_font("helvetica", "", 9.5)
        d.set_xy(d.l_margin + label_w, y)
        if text:
            d.multi_cell(d.width - label_w, 4.6, text, new_x="LMARGIN", new_y="NEXT")
        d.ln(1.2)

    def sub(text: str, bold: bool = False) -> None:
        d.set_font("helvetica", "B" if bold else "", 9.5)
        d.set_x(d.l_margin + label_w)
        d.multi_cell(d.width - label_w, 4.6, text, new_x="LMARGIN", new_y="NEXT")
        d.ln(0.6)

    def lines(root: Crit) -> None:
        for k, kid in enumerate(root.kids):
            d.items([Item(0, f"{'abcdefgh'[k]}.", kid.text)], base=label_w + 3, gap=0.1)
            for j, s in enumerate(kid.kids):
                d.items([Item(1, f"({['i', 'ii', 'iii'][j]})",
                              s.text)], base=label_w + 3, gap=0.1)

    field("Generic name", "Ferric carboxymaltose injection")
    field("Brand", "Injectafer 50 mg iron/mL (15 mL and 20 mL vials)")
    field("Class", "Parenteral iron replacement")
    field("Formulary status", "Formulary - RESTRICTED (outpatient infusion and clinic "
          "administration; pharmacy verifies the restriction before each course)")
    field("Labeled uses", "Iron deficiency anemia with intolerance or unsatisfactory response "
          "to oral iron, or with non-dialysis chronic kidney disease; iron deficiency in adults "
          "with NYHA class II/III heart failure, to improve exercise capacity.")
    field("Dosing", "15 mg/kg up to 750 mg per dose, two doses at least 7 days apart (or 1000 "
          "mg once in heart failure, per the label's weight and hemoglobin table).")
    field("Restrictions")
    d.set_y(d.get_y() - 5.8)
    r1 = ("Restriction 1 - Iron deficiency anemia. One course (up to 1500 mg) is approved "
          "when all of the following are documented:")
    ida = g("all_of", r1,
            c("Hemoglobin below 12 g/dL in women or below 13 g/dL in men"),
            c("Ferritin below 100 ng/mL, or transferrin saturation below 20%"),
            g("any_of", "Oral iron has not worked, meaning one of:",
              c("at least 8 weeks of daily oral iron raised the hemoglobin by less than 1 "
                "g/dL"),
              c("oral iron caused side effects that made the patient stop it"),
              c("malabsorption, such as after gastric bypass or with active inflammatory "
                "bowel disease")),
            c("Iron sucrose has been considered and the reason it is not suitable is "
              "recorded"))
    sub(r1, bold=True)
    lines(ida)
    r1r = ("Repeat course for Restriction 1, approved when both apply:")
    ida_r = g("all_of", r1r,
              c("At least 90 days have passed since the last dose of the previous course"),
              c("Iron deficiency has returned, with ferritin below 100 ng/mL or "
                "transferrin saturation below 20% on labs from the last 30 days"))
    sub(r1r, bold=True)
    lines(ida_r)
    r2 = ("Restriction 2 - Iron deficiency in heart failure. One course is approved when all "
          "of the following are documented:")
    hf = g("all_of", r2,
           c("Heart failure with left ventricular ejection fraction of 45% or less"),
           c("NYHA class II or III symptoms"),
           c("Ferritin below 100 ng/mL, or ferritin 100 to 299 ng/mL with transferrin "
             "saturation below 20%"),
           c("Ordered by a cardiologist or a heart failure clinic"))
    sub(r2, bold=True)
    lines(hf)
    r2r = ("Repeat dosing for Restriction 2 (the 24-week maintenance dose), approved when "
           "both apply:")
    hf_r = g("all_of", r2r,
             c("Ferritin below 100 ng/mL, or 100 to 299 ng/mL with transferrin saturation "
               "below 20%, at the week 24 check"),
             c("Hemoglobin is 15 g/dL or lower"))
    sub(r2r, bold=True)
    lines(hf_r)
    field("Not approved", "")
    d.set_y(d.get_y() - 5.8)
    excl = [
        "Anemia without documented iron deficiency (normal ferritin and saturation).",
        "Patients on hemodialysis (use iron sucrose per the dialysis protocol).",
        "Prior anaphylaxis to any parenteral iron product.",
        "Serum phosphate below 2 mg/dL at the time of the request.",
    ]
    for t in excl:
        sub(t)
    field("Monitoring", "Phosphate before a repeat course; hypersensitivity observation for "
          "30 minutes after each dose.")
    field("Prepared by", "M. Castellanos, PharmD, Drug Information Service. References: "
          "product label 2024; ESC heart failure guideline 2023.")
    inds = [
        Ind("Iron deficiency anemia (intravenous iron)", r1, ["iron deficiency anemia",
            "IDA"], ["D50.9", "D50.8"], ida, ida_r, r1r),
        Ind("Iron deficiency in heart failure", r2, ["heart failure with iron deficiency"],
            ["I50.22", "E61.1"], hf, hf_r, r2r),
    ]
    return d, inds, excl
