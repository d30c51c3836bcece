"""Thirteenth synthetic batch, part C: a coverage-with-evidence-development registry protocol
(synopsis table, numbered protocol sections, "Inclusion criteria" IC-n / "Continuation
criteria" CC-n / shared "Exclusion criteria" EC-n; Duchenne muscular dystrophy: vamorolone,
givinostat); and a clinical-guideline adoption document whose criteria sit in shaded
recommendation boxes carrying a strength and certainty grade and bracketed citations
(hepatitis B: chronic infection, prophylaxis during immunosuppression). Our own words,
fictional plans."""

from __future__ import annotations

from payers13_a import rule
from render import Crit, Doc, Ind, Item, c, g

# =========================================================================================
# 4. Registry protocol: synopsis table, "5.1 Inclusion criteria" with IC-1 ... markers, the
#    logic and the authorization length in a sentence under each heading.
# =========================================================================================


def protocol_dmd() -> tuple[Doc, list[Ind], list[str]]:
    def header(d: Doc) -> None:
        d.set_font("helvetica", "", 8)
        d.set_xy(d.l_margin, 9)
        d.cell(0, 4, "Silver Birch Health Plan  -  Coverage with Evidence Development")
        d.set_xy(d.l_margin, 9)
        d.cell(0, 4, "Protocol SBH-CED-011, version 2.0", align="R")
        rule(d, 14, 100)
        d.set_y(19)

    def footer(d: Doc) -> None:
        d.set_y(-12)
        d.set_font("helvetica", "", 7.5)
        d.cell(0, 3.5, f"Confidential registry protocol  |  Page {d.page_no()} of {{nb}}",
               align="C")

    d = Doc(header, footer, margin=20)
    d.add_page()
    d.set_font("helvetica", "B", 14)
    d.multi_cell(d.width, 6.5, "Duchenne Outcomes Registry: coverage of vamorolone and "
                 "givinostat under evidence development", new_x="LMARGIN", new_y="NEXT")
    d.ln(2)
    d.heading("Protocol synopsis", size=11)
    d.table_head([45.0, d.width - 45.0], ["Item", "Description"])
    for r in [["Protocol number", "SBH-CED-011"],
              ["Design", "Prospective single-arm registry; coverage is tied to enrolment"],
              ["Population", "Members with Duchenne muscular dystrophy"],
              ["Registry drugs", "Vamorolone (Agamree) oral suspension; givinostat "
               "(Duvyzat) oral suspension"],
              ["Visits", "Baseline, month 6, month 12, then every 12 months"],
              ["Outcomes", "Time to rise, 10-metre walk/run, North Star Ambulatory "
               "Assessment, fractures, growth"]]:
        d.row(r)
    d.end_table()

    def tagged(tag: str, text: str) -> None:
        # protocol tags are wider than the engine's list marker column
        y = d.get_y()
        d.set_font("helvetica", "B", 9.5)
        d.set_xy(d.l_margin + 2, y)
        d.cell(12, 4.5, tag)
        d.set_font("helvetica", "", 9.5)
        d.set_xy(d.l_margin + 14, y)
        d.multi_cell(d.width - 14, 4.5, text, new_x="LMARGIN", new_y="NEXT")
        d.ln(0.6)

    def section(title: str, lead: str, tag: str, root: Crit) -> None:
        d.heading(title, size=10.5)
        d.para(lead, style="I", size=9.5)
        for k, kid in enumerate(root.kids):
            tagged(f"{tag}-{k + 1}", kid.text)

    d.heading("5  Eligibility - vamorolone arm", size=12)
    v_lead = ("Members may enrol, and vamorolone is authorized for 12 months, only if every "
              "inclusion criterion is met.")
    vam = g("all_of", v_lead,
            c("Duchenne muscular dystrophy confirmed by a pathogenic DMD gene variant on "
              "genetic testing"),
            c("Age 2 years or older"),
            c("Prednisone or deflazacort was stopped, or cannot be used, because of a "
              "documented adverse effect such as marked weight gain, behaviour change, "
              "fractures or growth failure"),
            c("No other corticosteroid taken daily for Duchenne at the same time"),
            c("Prescribed by a neuromuscular specialist at a registry site"))
    section("5.1  Inclusion criteria", v_lead, "IC", vam)
    vr_lead = ("At the month-12 visit, and every 12 months after, authorization continues "
               "for 12 months if both continuation criteria are met.")
    vam_r = g("all_of", vr_lead,
              c("The registry visit was completed, with motor function testing recorded"),
              c("The neuromuscular specialist records stable or improved motor function or "
                "fewer steroid side effects than before"))
    section("5.2  Continuation criteria", vr_lead, "CC", vam_r)
    d.heading("6  Eligibility - givinostat arm", size=12)
    gv_lead = ("Members may enrol, and givinostat is authorized for 12 months, only if every "
               "inclusion criterion is met.")
    giv = g("all_of", gv_lead,
            c("Duchenne muscular dystrophy confirmed by genetic testing"),
            c("Age 6 years or older"),
            c("Taking a corticosteroid for Duchenne at a stable dose for at least 6 months"),
            c("Platelet count of 150 x 10^9/L or higher on a result from the last 30 days"),
            c("Fasting triglycerides measured before the first dose"),
            c("Prescribed by a neuromuscular specialist at a registry site"))
    section("6.1  Inclusion criteria", gv_lead, "IG", giv)
    gr_lead = ("At the month-12 visit, and every 12 months after, givinostat is authorized "
               "for 12 more months if both continuation criteria are met.")
    giv_r = g("all_of", gr_lead,
              c("Platelets, blood counts and triglycerides were checked during the year as "
                "the label directs"),
              c("The specialist documents continued benefit, such as stable time to rise or "
                "stable North Star score"))
    section("6.2  Continuation criteria", gr_lead, "CG", giv_r)
    d.heading("7  Exclusion criteria (both arms)", size=12)
    d.para("A member who meets any of these may not enrol, and coverage ends if one arises.",
           style="I", size=9.5)
    excl = [
        "Becker or another muscular dystrophy that is not Duchenne.",
        "Enrolment in an interventional clinical trial of a Duchenne drug.",
        "Vamorolone and givinostat requested together as a first combination.",
        "QTc above 500 ms on the baseline electrocardiogram (givinostat arm).",
    ]
    for k, t in enumerate(excl):
        tagged(f"EC-{k + 1}", t)
    d.heading("8  Data collection", size=12)
    d.para("Sites submit the visit forms within 30 days of each visit. Missing two visits in "
           "a row ends registry coverage after notice to the family.", size=9.5)
    inds = [
        Ind("Duchenne muscular dystrophy (vamorolone)", "5  Eligibility - vamorolone arm",
            ["DMD"], ["G71.01"], vam, vam_r, "5.2  Continuation criteria"),
        Ind("Duchenne muscular dystrophy (givinostat)", "6  Eligibility - givinostat arm",
            ["DMD"], ["G71.01"], giv, giv_r, "6.2  Continuation criteria"),
    ]
    return d, inds, excl


# =========================================================================================
# 5. Guideline adoption: shaded recommendation boxes, each with a "Recommendation n" band,
#    a grade line, a bold statement ending "... when all of the following are documented:"
#    and bullet items ending in bracketed citations; references at the end.
# =========================================================================================


def guideline_hbv() -> tuple[Doc, list[Ind], list[str]]:
    def header(d: Doc) -> None:
        d.set_font("helvetica", "B", 9)
        d.set_text_color(0, 90, 110)
        d.set_xy(d.l_margin, 9)
        d.cell(0, 4, "Mistral Coast Health Cooperative")
        d.set_font("helvetica", "", 8)
        d.set_xy(d.l_margin, 9)
        d.cell(0, 4, "Clinical Guideline Adoption CG-HEP-02", align="R")
        d.set_text_color(0)
        rule(d, 14, 0, 0.3)
        d.set_y(19)

    def footer(d: Doc) -> None:
        d.set_y(-12)
        d.set_font("helvetica", "", 7.5)
        d.cell(0, 3.5, f"Adopted by the Clinical Quality Committee 2026-01-20  |  {d.page_no()}"
               f"/{{nb}}", align="C")

    d = Doc(header, footer, margin=20)
    d.add_page()
    d.set_font("helvetica", "B", 14)
    d.multi_cell(d.width, 6.5, "Antiviral therapy for hepatitis B virus infection",
                 new_x="LMARGIN", new_y="NEXT")
    d.para("Purpose. The Cooperative adopts the recommendations below for pharmacy coverage "
           "of tenofovir alafenamide (Vemlidy), tenofovir disoproxil fumarate and entecavir "
           "(Baraclude). Each box states what is covered and for how long. Grades: strength "
           "of recommendation (strong / conditional) and certainty of evidence (high / "
           "moderate / low). Numbers in brackets refer to the reference list.", size=9.5)

    def box(title: str, grade: str, root: Crit) -> None:
        d.ln(2)
        top = d.get_y()
        d.set_fill_color(0, 90, 110)
        d.set_text_color(255)
        d.set_font("helvetica", "B", 10)
        d.cell(d.width, 6, " " + title, fill=True, new_x="LMARGIN", new_y="NEXT")
        d.set_text_color(0)
        d.set_fill_color(228, 240, 243)
        body_top = d.get_y()
        # the shade is drawn before the text (it would hide it), so measure the body first
        lines = [("I", grade), ("B", root.text)]
        for kid in root.kids:
            lines.append(("", "\x01" + kid.text))
            lines.extend(("", "\x02" + s.text) for s in kid.kids)
        h = 2.0
        for style, text in lines:
            d.set_font("helvetica", style, 9.5)
            w = d.width - 4 - (6 if text[:1] == "\x01" else 12 if text[:1] == "\x02" else 0)
            h += len(d.multi_cell(w, 4.4, text.lstrip("\x01\x02"), dry_run=True,
                                  output="LINES")) * 4.4 + 0.8
        d.rect(d.l_margin, body_top, d.width, h, style="F")
        d.set_y(body_top + 1)
        for style, text in lines:
            d.set_font("helvetica", style, 9.5)
            if text[:1] == "\x01":
                d.set_x(d.l_margin + 3)
                d.cell(4, 4.4, "-")
                d.multi_cell(d.width - 10, 4.4, text[1:], new_x="LMARGIN", new_y="NEXT")
            elif text[:1] == "\x02":
                d.set_x(d.l_margin + 9)
                d.cell(4, 4.4, "o")
                d.multi_cell(d.width - 16, 4.4, text[1:], new_x="LMARGIN", new_y="NEXT")
            else:
                d.set_x(d.l_margin + 2)
                d.multi_cell(d.width - 4, 4.4, text, new_x="LMARGIN", new_y="NEXT")
            d.ln(0.8)
        d.set_draw_color(0, 90, 110)
        d.rect(d.l_margin, top, d.width, d.get_y() - top + 1)
        d.set_draw_color(0)
        d.set_y(d.get_y() + 3)

    d.heading("1. Chronic hepatitis B", size=12)
    c_lead = ("Cover tenofovir alafenamide, tenofovir disoproxil fumarate or entecavir for "
              "12 months in adults with chronic hepatitis B when all of the following are "
              "documented:")
    chb = g("all_of", c_lead,
            c("Hepatitis B surface antigen positive on two tests at least 6 months apart [1]"),
            g("any_of", "Active disease, shown by one of these [1, 2]:",
              c("HBV DNA above 2,000 IU/mL with ALT above twice the upper limit of normal"),
              c("cirrhosis on biopsy, imaging or elastography, with any detectable HBV DNA")),
            c("HIV status known from a test in the last 12 months [3]"),
            c("Creatinine clearance 15 mL/min or more, or the member is on hemodialysis [4]"))
    box("Recommendation 1.1", "Strong recommendation; moderate certainty of evidence.", chb)
    d.para("Remarks. ALT upper limits of normal are 35 U/L for men and 25 U/L for women in "
           "this guideline, lower than many laboratory ranges.", size=9)
    r_lead = ("Continue coverage for 12 months at a time when both of the following are "
              "documented:")
    chb_r = g("all_of", r_lead,
              c("HBV DNA is undetectable or lower than at the start of treatment [2]"),
              c("Refill records or the prescriber confirm the member takes the drug most "
                "days"))
    box("Recommendation 1.2", "Conditional recommendation; low certainty of evidence.", chb_r)
    d.heading("2. Prevention of reactivation during immunosuppression", size=12)
    p_lead = ("Cover entecavir or tenofovir alafenamide from the start of immunosuppression "
              "until 12 months after its last dose when all of the following apply:")
    pro = g("all_of", p_lead,
            c("Hepatitis B surface antigen positive, or surface antigen negative with core "
              "antibody positive when an anti-CD20 antibody is planned [5]"),
            c("The planned treatment carries a high risk of reactivation: anti-CD20 "
              "antibodies, stem cell transplant, anthracyclines, or prednisone 10 mg or more "
              "a day for 4 weeks or longer [5, 6]"),
            c("The antiviral starts before or with the first dose of the immunosuppressive "
              "treatment [6]"),
            c("Prescribed by or with hepatology, gastroenterology, infectious diseases or the "
              "treating oncologist or hematologist"))
    box("Recommendation 2.1", "Strong recommendation; moderate certainty of evidence.", pro)
    d.heading("3. Not covered under this guideline", size=12)
    excl = [
        "Lamivudine, adefovir or telbivudine as first treatment, because resistance is "
        "common.",
        "Two nucleos(t)ide analogues taken together, except when a resistance test supports "
        "it.",
        "Treatment of acute hepatitis B that is not severe.",
        "Hepatitis D without detectable hepatitis B DNA, where these drugs add nothing.",
    ]
    d.items([Item(0, "-", t) for t in excl], base=2, gap=0.3)
    d.heading("References", size=10.5)
    refs = ["[1] Chronic hepatitis B diagnosis and phases, society practice guidance, 2024.",
            "[2] Treatment thresholds for HBV DNA and ALT, systematic review, 2023.",
            "[3] HIV and HBV co-infection, national treatment panel, 2025.",
            "[4] Tenofovir alafenamide product labeling, renal dosing section.",
            "[5] Reactivation risk with anti-CD20 therapy, cohort studies, 2022.",
            "[6] Prophylaxis timing during chemotherapy, randomized trials, 2021."]
    for r in refs:
        d.para(r, size=8.5)
    inds = [
        Ind("Chronic hepatitis B", "1. Chronic hepatitis B", ["CHB", "HBV"], ["B18.1"], chb,
            chb_r, "Recommendation 1.2"),
        Ind("Prevention of hepatitis B reactivation during immunosuppression",
            "2. Prevention of reactivation", ["HBV prophylaxis"], ["Z79.899", "B18.1"], pro),
    ]
    return d, inds, excl
