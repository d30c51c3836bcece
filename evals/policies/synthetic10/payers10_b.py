"""Tenth synthetic batch, part B: criteria defined by footnote marks ("meets A, B, C, D and
E", item E ends in "*" and the note under the list gives its conditions), deferasirox; a payer
letter to prescribers whose criteria sit in the narrative as "(1)" lines and whose renewal
says "the first-approval criteria ... are still met, plus:", testosterone. Our own words,
fictional plans; drawn with the first batch's layout engine plus the helpers of part A."""

from __future__ import annotations

from payers10_a import refs, rule
from render import Crit, Doc, Ind, Item, c, g

# =========================================================================================
# 4. Footnote marks: deferasirox. Lettered items under "Approve when the member meets A, B,
#    C, D and E:"; the last item carries a mark (*, †, ‡) and the note below the lists gives
#    the conditions it stands for.
# =========================================================================================


def lettered(d: Doc, root: Crit, start: int = 0) -> None:
    for k, kid in enumerate(root.kids):
        d.items([Item(0, f"{chr(65 + start + k)}.", kid.text)], base=4, gap=0.2)


def footnote_deferasirox() -> tuple[Doc, list[Ind], list[str]]:
    def header(d: Doc) -> None:
        d.set_font("helvetica", "B", 9)
        d.set_text_color(0, 100, 80)
        d.set_xy(d.l_margin, 8)
        d.cell(0, 4, "Tidewater Community Health Plan - Pharmacy Clinical Criteria")
        d.set_text_color(0)
        rule(d, 13, 120, 0.3)
        d.set_y(17)

    def footer(d: Doc) -> None:
        d.set_y(-12)
        d.set_font("helvetica", "", 7.5)
        d.cell(0, 3.5, "PCC-HEM-208  |  Iron chelation  |  approved by the P&T Committee "
               f"10/2025  |  page {d.page_no()} of {{nb}}", align="C")

    def notes(items: list[tuple[str, Crit]]) -> None:
        d.ln(1)
        y = d.get_y()
        d.set_draw_color(0)
        d.line(d.l_margin, y, d.l_margin + 50, y)
        d.ln(1.5)
        for mark, group in items:
            d.set_font("helvetica", "", 8.5)
            d.multi_cell(d.width, 4, f"{mark} {group.text.rstrip('*†‡')} means all of the "
                         "following:", new_x="LMARGIN", new_y="NEXT")
            for k, kid in enumerate(group.kids):
                d.set_x(d.l_margin + 5)
                d.multi_cell(d.width - 5, 4, f"({k + 1}) {kid.text}", new_x="LMARGIN",
                             new_y="NEXT")
            d.ln(1)
        d.set_font("helvetica", "", 10)

    d = Doc(header, footer)
    d.add_page()
    d.set_font("helvetica", "B", 14)
    d.cell(0, 7, "Deferasirox (Jadenu, Exjade, generics)", new_x="LMARGIN", new_y="NEXT")
    d.set_font("helvetica", "", 9)
    d.cell(0, 4.5, "Oral iron chelator  |  Pharmacy benefit  |  Covered uses: 1 transfusional "
           "iron overload; 2 non-transfusion-dependent thalassemia", new_x="LMARGIN",
           new_y="NEXT")
    d.ln(2)
    d.para("Criteria marked with a symbol are defined in the notes under the list they "
           "belong to. A member must meet every lettered criterion named in the approval "
           "sentence, including every condition in the note for a marked criterion.",
           size=9.5)

    lead1 = "Initial approval (6 months). Approve when the member meets A, B, C, D and E:"
    use1 = g("all_of", lead1,
             c("Age 2 years or older"),
             c("Receives regular red cell transfusions for a chronic anemia such as "
               "thalassemia major, sickle cell disease or a myelodysplastic syndrome"),
             c("Prescribed by a hematologist or oncologist"),
             c("Creatinine, ALT, AST and bilirubin measured within 30 days before the first "
               "dose"),
             g("all_of", "Iron burden high enough to start chelation*",
               c("Serum ferritin above 1,000 mcg/L on two tests at least 4 weeks apart"),
               c("At least 100 mL/kg of packed red cells received in total, about 20 units "
                 "in an adult")))
    lead2 = ("Initial approval (6 months). Approve when the member meets A, B, C, D and "
             "E:")
    use2 = g("all_of", lead2,
             c("Age 10 years or older"),
             c("A non-transfusion-dependent thalassemia syndrome confirmed by hemoglobin "
               "analysis or genetic testing"),
             c("Prescribed by a hematologist"),
             c("Creatinine, ALT, AST and bilirubin measured within 30 days before the first "
               "dose"),
             g("all_of", "Iron burden high enough to start chelation†",
               c("Liver iron concentration of 5 mg Fe per gram dry weight or more on MRI"),
               c("Serum ferritin above 300 mcg/L on two tests at least 4 weeks apart")))
    d.heading("Use 1 - Chronic iron overload from blood transfusions", 11)
    d.para(lead1, style="B")
    lettered(d, use1)
    d.heading("Use 2 - Non-transfusion-dependent thalassemia (NTDT)", 11)
    d.para(lead2, style="B")
    lettered(d, use2)
    notes([("*", use1.kids[-1]), ("†", use2.kids[-1])])

    d.add_page()
    d.heading("Renewal", 12)
    safety = ("Safety monitoring current‡", [
        c("Serum creatinine and urine protein checked every month"),
        c("ALT, AST and bilirubin checked every month"),
        c("Hearing and eye examinations done within the past 12 months")])
    r1_lead = "Use 1 renewal (12 months). Renew when the member meets F, G and H:"
    r1 = g("all_of", r1_lead,
           c("Serum ferritin is still above 500 mcg/L"),
           c("Dose adjusted to the ferritin trend at least every 3 months"),
           g("all_of", safety[0], *safety[1]))
    r2_lead = "Use 2 renewal (12 months). Renew when the member meets F and G:"
    r2 = g("all_of", r2_lead,
           c("Liver iron concentration is still 3 mg Fe per gram dry weight or more"),
           g("all_of", safety[0], *[c(k.text) for k in safety[1]]))
    d.para(r1_lead, style="B")
    lettered(d, r1, start=5)
    d.para(r2_lead, style="B")
    lettered(d, r2, start=5)
    notes([("‡", r1.kids[-1])])

    d.heading("Not covered", 11)
    excl = [
        "Creatinine clearance below 40 mL/min or a serum creatinine above twice the upper "
        "limit of normal",
        "Platelet count below 50,000/mcL",
        "High-risk myelodysplastic syndrome or an advanced cancer",
        "Combined chelation with deferoxamine or deferiprone",
    ]
    d.items([Item(0, "x", t) for t in excl])
    d.heading("Dosing", 11)
    d.para("Jadenu tablets start at 14 mg/kg once daily for transfusional iron overload and 7 "
           "mg/kg for NTDT; Exjade tablets for suspension use 20 and 10 mg/kg. Doses are "
           "rounded to whole tablets and adjusted every 3 to 6 months by the ferritin trend. "
           "Stop in NTDT when the liver iron falls below 3 mg Fe/g dry weight or the ferritin "
           "below 300 mcg/L.", size=9.5)
    d.heading("References", 11)
    refs(d, ["Deferasirox prescribing information, 2025.",
             "Thalassaemia International Federation. Guidelines for the management of "
             "non-transfusion-dependent thalassaemia, 2023."])
    inds = [
        Ind("Transfusional iron overload", "Use 1 - Chronic iron overload from blood "
            "transfusions", ["chronic iron overload due to blood transfusions",
                             "transfusional hemosiderosis"], ["E83.111"], use1, r1, r1_lead),
        Ind("Non-transfusion-dependent thalassemia with iron overload", "Use 2 - "
            "Non-transfusion-dependent thalassemia", ["NTDT", "thalassemia intermedia"],
            ["D56.1", "D56.5", "E83.118"], use2, r2, r2_lead),
    ]
    return d, inds, excl


# =========================================================================================
# 5. Payer letter to prescribers: testosterone. Letterhead, date, RE: line, "Dear
#    Prescriber:", criteria as "(1)" lines inside the narrative, a renewal that cites the
#    first-approval criteria by number "plus:", a signature block.
# =========================================================================================


def letter_testosterone() -> tuple[Doc, list[Ind], list[str]]:
    def header(d: Doc) -> None:
        if d.page_no() == 1:
            d.set_font("times", "B", 15)
            d.set_text_color(10, 50, 110)
            d.set_xy(d.l_margin, 10)
            d.cell(0, 6, "Bluewater Valley Health Plan", align="L")
            d.set_font("times", "", 8.5)
            d.set_text_color(80)
            d.set_xy(d.l_margin, 16)
            d.cell(0, 4, "Pharmacy Services  -  400 Quarry Road, Suite 12  -  Ashford  -  "
                   "Fax 1-888-555-0190", align="L")
            d.set_text_color(0)
            rule(d, 21.5, 10, 0.5)
            d.set_y(27)
        else:
            d.set_font("times", "I", 8.5)
            d.set_xy(d.l_margin, 9)
            d.cell(0, 4, f"Testosterone criteria letter, November 20, 2025 - page "
                   f"{d.page_no()}", align="L")
            d.set_y(18)

    def footer(d: Doc) -> None:
        d.set_y(-12)
        d.set_font("times", "", 7.5)
        d.cell(0, 3.5, "BVHP-PHX-LTR-2025-31", align="R")

    def lines(root: Crit, marks: str = "num") -> None:
        for k, kid in enumerate(root.kids):
            mk = f"({k + 1})" if marks == "num" else f"({chr(97 + k)})"
            d.items([Item(0, mk, kid.text + ("." if not kid.is_group else ""))], base=8,
                    gap=0.2)
            for j, sub in enumerate(kid.kids):
                d.items([Item(1, f"({chr(97 + j)})", sub.text + ".")], base=8, gap=0.2)

    d = Doc(header, footer, margin=22)
    d.add_page()
    d.set_font("times", "", 11)

    def p(text: str, style: str = "") -> None:
        d.set_font("times", style, 11)
        d.multi_cell(d.width, 5, text, new_x="LMARGIN", new_y="NEXT")
        d.ln(2.5)
        d.set_font("times", "", 11)

    p("November 20, 2025")
    p("To: Prescribers of testosterone replacement products\nRE: Updated prior "
      "authorization criteria for testosterone, effective January 1, 2026")
    p("Dear Prescriber:")
    p("Bluewater Valley Health Plan reviews its pharmacy criteria every year with practicing "
      "endocrinologists and urologists. This letter tells you how we will review requests "
      "for testosterone (injections, gels, solutions, patches and the oral undecanoate "
      "capsules) from January 1, 2026. Please keep it with your prior authorization "
      "templates.")
    a_lead = ("Low testosterone in adult men. We will approve testosterone for 6 months when "
              "your request shows each of the following:")
    adult = g("all_of", a_lead,
              c("The patient is a man 18 years of age or older"),
              c("He has symptoms of low testosterone, such as reduced libido, fewer morning "
                "erections, low energy or loss of body hair"),
              c("Two morning total testosterone levels below 300 ng/dL, drawn on different "
                "days before 10 a.m"),
              c("Hematocrit below 50% before the first dose"),
              c("If he is 40 or older, a PSA below 4 ng/mL in the past 12 months, or a "
                "urologist's evaluation of a higher value"),
              c("No breast cancer and no prostate cancer that is untreated or under active "
                "treatment"))
    p(a_lead)
    lines(adult)
    ar_lead = ("For a renewal of 12 months, the first-approval criteria (1), (5) and (6) must "
               "still be met, plus each of the following:")
    adult_r = g("all_of", ar_lead,
                c("His symptoms have improved since testosterone was started"),
                c("A total testosterone level from the past 6 months is 1,000 ng/dL or "
                  "lower"),
                c("A hematocrit from the past 6 months is 54% or lower"))
    p(ar_lead)
    lines(adult_r, "let")
    b_lead = ("Delayed puberty in boys. We will approve one 6-month course of testosterone "
              "enanthate or cypionate injections when your request shows each of the "
              "following:")
    boys = g("all_of", b_lead,
             c("The patient is a boy 14 years of age or older"),
             g("any_of", "Puberty is delayed, meaning one of these",
               c("Testicular volume below 4 mL on examination"),
               c("No advance in Tanner stage over the past 12 months")),
             c("The treating physician is a pediatric endocrinologist"),
             c("A bone age x-ray taken within the past 6 months"),
             c("Normal thyroid tests and prolactin, so that another cause has been looked "
               "for"))
    p(b_lead)
    lines(boys)
    br_lead = ("A second 6-month course may be approved, once, when the first-approval "
               "criteria (3) and (5) are still met, plus each of the following:")
    boys_r = g("all_of", br_lead,
               c("Testicular volume is still below 8 mL"),
               c("Bone age has advanced by no more than 1 year over the first course"))
    p(br_lead)
    lines(boys_r, "let")
    p("We will not approve testosterone for any of the following:")
    excl = [
        "Age-related fatigue or low libido when the morning testosterone levels are normal",
        "Athletic performance, body building or weight loss",
        "Men who are trying to father a child, since testosterone lowers sperm production",
        "Two testosterone products at the same time",
    ]
    d.items([Item(0, "-", t + ".") for t in excl], base=8)
    p("Requests may be sent through the provider portal or by fax. Urgent requests are "
      "answered within 24 hours, others within 72 hours. If a request is denied you and the "
      "member may appeal within 60 days; a doctor of the same specialty will review the "
      "appeal.")
    p("Thank you for caring for our members.")
    p("Sincerely,\n\nDana Whitcombe, PharmD\nDirector, Pharmacy Services\nBluewater Valley "
      "Health Plan")
    d.set_font("times", "I", 9)
    d.multi_cell(d.width, 4.5, "cc: Medical Director; Provider Relations", new_x="LMARGIN",
                 new_y="NEXT")
    inds = [
        Ind("Male hypogonadism (adult)", a_lead, ["low testosterone", "testosterone "
            "deficiency"], ["E29.1", "E23.0"], adult, adult_r, ar_lead),
        Ind("Constitutional delay of puberty in boys", b_lead, ["delayed puberty"],
            ["E30.0"], boys, boys_r, br_lead),
    ]
    return d, inds, excl
