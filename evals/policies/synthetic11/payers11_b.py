"""Eleventh synthetic batch, part B: a question-and-answer coverage sheet ("Q3. ... A. ..."),
GnRH antagonists for endometriosis and uterine fibroids; and a criteria library export, one
ruled table row per rule with "Rule | Parent | Logic | Text" columns (the logic sits only in
the Logic column of group rows), Fabry disease. Our own words, fictional plans."""

from __future__ import annotations

from payers11_a import rule
from render import Crit, Doc, Ind, Item, c, g

# =========================================================================================
# 4. Question-and-answer sheet: bold "Q4." questions, "A." answers whose sentence is the
#    lead-in, "–" items, "Yes, ..." renewal answers, a "What won't ... cover?" question.
# =========================================================================================


def faq_gnrh() -> tuple[Doc, list[Ind], list[str]]:
    def header(d: Doc) -> None:
        d.set_font("helvetica", "B", 9)
        d.set_text_color(120, 40, 110)
        d.set_xy(d.l_margin, 9)
        d.cell(0, 4, "Silverline Health  |  Coverage Questions & Answers")
        d.set_text_color(0)
        rule(d, 14, 160)
        d.set_y(19)

    def footer(d: Doc) -> None:
        d.set_y(-12)
        d.set_font("helvetica", "", 7.5)
        d.cell(0, 3.5, f"QA-WH-0417  |  Reviewed 12/2025  |  {d.page_no()}/{{nb}}",
               align="R")

    def q(n: int, text: str) -> None:
        d.ln(1.5)
        d.set_font("helvetica", "B", 10.5)
        d.set_text_color(120, 40, 110)
        d.multi_cell(d.width, 5, f"Q{n}. {text}", new_x="LMARGIN", new_y="NEXT")
        d.set_text_color(0)
        d.ln(0.8)

    def a(text: str) -> None:
        d.set_font("helvetica", "", 10)
        y = d.get_y()
        d.set_xy(d.l_margin, y)
        d.set_font("helvetica", "B", 10)
        d.cell(6, 4.6, "A.")
        d.set_font("helvetica", "", 10)
        d.set_xy(d.l_margin + 6, y)
        d.multi_cell(d.width - 6, 4.6, text, new_x="LMARGIN", new_y="NEXT")
        d.ln(1)

    def dashes(root: Crit) -> None:
        for kid in root.kids:
            d.items([Item(0, "–", kid.text)], base=6, gap=0.2)
            for sub in kid.kids:
                d.items([Item(1, "°", sub.text)], base=6, gap=0.2)

    d = Doc(header, footer, margin=20)
    d.add_page()
    d.set_font("helvetica", "B", 15)
    d.multi_cell(d.width, 7, "Oral GnRH antagonists for endometriosis pain and fibroid "
                 "bleeding", new_x="LMARGIN", new_y="NEXT")
    d.set_font("helvetica", "", 9)
    d.cell(0, 5, "Pharmacy benefit  |  Applies to commercial and exchange plans  |  Effective "
           "02/01/2026", new_x="LMARGIN", new_y="NEXT")
    q(1, "Which drugs does this sheet cover?")
    a("Elagolix (Orilissa) for pain from endometriosis, and relugolix with estradiol and "
      "norethindrone acetate (Myfembree) for heavy menstrual bleeding from uterine fibroids. "
      "Requests for Myfembree for endometriosis pain follow the elagolix answers.")
    e_lead = ("We approve it for 6 months when the request shows all of the points below.")
    endo = g("all_of", e_lead,
             c("She is 18 or older and has not gone through menopause"),
             c("Endometriosis was diagnosed by a gynecologist, at surgery or from the "
               "history, examination and imaging"),
             c("Her pain is moderate or severe: painful periods, pelvic pain between periods "
               "or pain with intercourse"),
             g("any_of", "She tried one of these first:",
               c("an NSAID together with a hormonal contraceptive or a progestin for at "
                 "least 3 months, without enough relief"),
               c("none of them, because each is contraindicated or caused intolerable side "
                 "effects")),
             c("She does not have osteoporosis"))
    q(2, "When will Silverline approve elagolix for endometriosis pain?")
    a(e_lead)
    dashes(endo)
    er_lead = ("Yes, for 6 more months, when all of these are true.")
    endo_r = g("all_of", er_lead,
               c("Her pain is better than before she started elagolix"),
               c("With this renewal her total time on elagolix stays within 24 months at 150 "
                 "mg daily, or 6 months at 200 mg twice daily"),
               c("A bone density scan was done if treatment will go past 12 months"))
    q(3, "Can an elagolix approval be renewed?")
    a(er_lead)
    dashes(endo_r)
    f_lead = ("We approve it for 12 months when the request shows every point in this list.")
    fib = g("all_of", f_lead,
            c("She is 18 or older and premenopausal"),
            c("Uterine fibroids are seen on pelvic ultrasound or MRI"),
            c("Her periods are heavy, meaning more than 80 mL of blood loss a cycle or "
              "bleeding that has caused iron deficiency anemia"),
            g("any_of", "At least one treatment was tried first:",
              c("tranexamic acid for at least 2 cycles"),
              c("a levonorgestrel IUD or a combined hormonal contraceptive for at least 3 "
                "months")),
            c("She has never had a blood clot, stroke or heart attack and has no known "
              "clotting disorder"))
    q(4, "When will Silverline approve Myfembree for heavy bleeding from fibroids?")
    a(f_lead)
    dashes(fib)
    fr_lead = ("Yes, for 12 more months, when all of these are true.")
    fib_r = g("all_of", fr_lead,
              c("Her bleeding is lighter than before treatment, for example a higher "
                "hemoglobin or fewer pads"),
              c("Her total time on relugolix combination therapy will not pass 24 months"))
    q(5, "Can a Myfembree approval be renewed?")
    a(fr_lead)
    dashes(fib_r)
    q(6, "What won't Silverline cover?")
    a("Neither drug is covered for:")
    excl = [
        "Women over 35 who smoke (Myfembree).",
        "Use together with another GnRH drug such as leuprolide or goserelin.",
        "Infertility treatment or ovarian stimulation.",
        "Abnormal uterine bleeding whose cause has not been found.",
    ]
    d.items([Item(0, "–", t) for t in excl], base=6, gap=0.2)
    q(7, "How do I send a request?")
    a("Through the prescriber portal or by fax to 1-866-555-0133. Include the visit note that "
      "describes the symptoms, the imaging or operative report, and the names and dates of "
      "the treatments tried.")
    inds = [
        Ind("Moderate to severe endometriosis pain", "Q2. When will Silverline approve "
            "elagolix", ["endometriosis"], ["N80.9"], endo, endo_r, er_lead),
        Ind("Heavy menstrual bleeding with uterine fibroids", "Q4. When will Silverline "
            "approve Myfembree", ["uterine leiomyomas", "fibroids"], ["D25.9", "N92.0"], fib,
            fib_r, fr_lead),
    ]
    return d, inds, excl


# =========================================================================================
# 5. Criteria library export: one ruled table of rules; group rows carry "ALL" / "ANY" in
#    the Logic column, leaf rows "-"; the Parent column alone ties a rule to its group.
# =========================================================================================


def export_fabry() -> tuple[Doc, list[Ind], list[str]]:
    def header(d: Doc) -> None:
        d.set_font("courier", "", 8)
        d.set_xy(d.l_margin, 8)
        d.cell(0, 4, "BROOKFIELD CARE PLAN  UM RULES LIBRARY  REPORT RL-EXP-07  RUN "
                     "2025-11-03 06:14")
        d.set_xy(d.l_margin, 12)
        d.cell(0, 4, "CRITERIA SET: CS-GEN-112 FABRY DISEASE THERAPIES  STATUS: ACTIVE  "
                     "VERSION 4")
        rule(d, 17, 60)
        d.set_y(21)

    def footer(d: Doc) -> None:
        d.set_y(-12)
        d.set_font("courier", "", 7.5)
        d.cell(0, 3.5, f"RL-EXP-07  PAGE {d.page_no()} OF {{nb}}  *** INTERNAL - PRINTED "
               "COPIES ARE UNCONTROLLED ***", align="C")

    widths = [22.0, 19.0, 13.0, 0.0]
    d = Doc(header, footer, margin=16)
    widths[3] = d.width - sum(widths[:3])

    def rows(prefix: str, root: Crit, title: str) -> None:
        d.row([prefix, "-", "ALL", title], fill=240, bold=True)

        def walk(node: Crit, rid: str) -> None:
            for k, kid in enumerate(node.kids):
                kid_id = f"{rid}.{k + 1}"
                if kid.is_group:
                    d.row([kid_id, rid, kid.op.split("_")[0].upper(), kid.text])
                    walk(kid, kid_id)
                else:
                    d.row([kid_id, rid, "-", kid.text])

        walk(root, prefix)

    d.add_page()
    d.set_font("helvetica", "", 9)
    d.multi_cell(d.width, 4.4, "Export of the active criteria set for Fabry disease therapies "
                 "(agalsidase beta and migalastat). Reading the export: each rule row names "
                 "its parent rule. A row with Logic ALL is met when every rule under it is "
                 "met; ANY, when at least one is. Rows with Logic - are single criteria. "
                 "Top-level rules (Parent -) are the request types; their text gives the "
                 "authorization period.", new_x="LMARGIN", new_y="NEXT")
    d.ln(3)
    d.table_head(widths, ["Rule", "Parent", "Logic", "Text"])
    a_title = ("Agalsidase beta (Fabrazyme) - initial authorization, 12 months")
    ert = g("all_of", a_title,
            c("Patient is 2 years of age or older"),
            g("any_of", "Fabry disease confirmed by",
              c("Alpha-galactosidase A activity below the laboratory normal range in "
                "leukocytes or plasma"),
              c("A pathogenic or likely pathogenic GLA variant on genetic testing")),
            c("Fabry organ involvement documented, such as albuminuria, reduced eGFR, left "
              "ventricular hypertrophy or neuropathic pain"),
            c("Prescriber is a geneticist, nephrologist or cardiologist experienced in Fabry "
              "disease"),
            c("Dose requested is 1 mg/kg every 2 weeks"))
    rows("FAB-1", ert, a_title)
    ar_title = "Agalsidase beta (Fabrazyme) - reauthorization, 12 months"
    ert_r = g("all_of", ar_title,
              c("eGFR has fallen by less than 5 mL/min/1.73 m2 per year since starting "
                "therapy"),
              c("No infusion reaction that needed the infusion to be stopped in the past 12 "
                "months"))
    rows("FAB-2", ert_r, ar_title)
    m_title = "Migalastat (Galafold) - initial authorization, 6 months"
    mig = g("all_of", m_title,
            c("Patient is 12 years of age or older and weighs at least 45 kg"),
            c("GLA variant listed as amenable in the migalastat prescribing information"),
            c("eGFR of 30 mL/min/1.73 m2 or higher"),
            c("Prescriber is a geneticist, nephrologist or cardiologist experienced in Fabry "
              "disease"))
    rows("FAB-3", mig, m_title)
    mr_title = "Migalastat (Galafold) - reauthorization, 12 months"
    mig_r = g("all_of", mr_title,
              c("eGFR is still 30 mL/min/1.73 m2 or higher"),
              c("Left ventricular mass index on echo or cardiac MRI stable or lower than "
                "before migalastat"))
    rows("FAB-4", mig_r, mr_title)
    excl = [
        "Agalsidase beta and migalastat taken together",
        "Migalastat with a GLA variant not listed as amenable",
        "Enzyme replacement for a benign GLA variant of uncertain significance",
        "Pegunigalsidase alfa (Elfabrio) under this set: separate criteria set CS-GEN-118",
    ]
    d.row(["FAB-X", "-", "NONE", "Not covered (exclusion rules; a request meeting any is "
           "denied):"], fill=240, bold=True)
    for k, t in enumerate(excl):
        d.row([f"FAB-X.{k + 1}", "FAB-X", "-", t])
    d.end_table()
    d.set_font("helvetica", "", 8.5)
    d.multi_cell(d.width, 4, "Sources: agalsidase beta and migalastat prescribing information "
                 "(2024); Fabry disease management consensus, 2023. Rule owner: clinical "
                 "pharmacy, rare disease team. Export contains 4 request types and 1 "
                 "exclusion set.", new_x="LMARGIN", new_y="NEXT")
    inds = [
        Ind("Fabry disease (enzyme replacement)", a_title, ["Anderson-Fabry disease",
            "alpha-galactosidase A deficiency"], ["E75.21"], ert, ert_r, ar_title),
        Ind("Fabry disease with an amenable GLA variant (migalastat)", m_title,
            ["Fabry disease", "amenable GLA variant"], ["E75.21"], mig, mig_r, mr_title),
    ]
    return d, inds, excl
