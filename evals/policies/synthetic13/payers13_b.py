"""Thirteenth synthetic batch, part B: a one-page "criteria at a glance" card of four
bordered tiles, two per row (sickle cell disease: crizanlizumab, L-glutamine); and a claims
business-rules specification written as IF / THEN pseudo-code in a monospaced font
(cinacalcet: secondary hyperparathyroidism on dialysis, primary hyperparathyroidism). Our own
words, fictional plans."""

from __future__ import annotations

from payers13_a import rule
from render import Crit, Doc, Ind, c, g

# =========================================================================================
# 2. Criteria-at-a-glance card: a 2 x 2 grid of bordered tiles, each tile one drug and
#    request type, a coloured title strip, a bold "Approve ... if every line is true:" line
#    over check-mark lines; the "not on this card" strip below the grid.
# =========================================================================================


def tiles_scd() -> tuple[Doc, list[Ind], list[str]]:
    def header(d: Doc) -> None:
        d.set_fill_color(120, 30, 40)
        d.rect(0, 0, d.w, 15, style="F")
        d.set_text_color(255)
        d.set_font("helvetica", "B", 12)
        d.set_xy(d.l_margin, 4)
        d.cell(0, 6, "Copperfield Health Alliance  -  Criteria at a Glance")
        d.set_font("helvetica", "", 8)
        d.set_xy(d.l_margin, 4)
        d.cell(0, 6, "Card H-07  |  Sickle cell disease", align="R")
        d.set_text_color(0)
        d.set_y(20)

    def footer(d: Doc) -> None:
        d.set_y(-12)
        d.set_font("helvetica", "I", 7.5)
        d.cell(0, 3.5, f"Reviewer aid. Card effective 2026-03-01. Page {d.page_no()} of {{nb}}",
               align="C")

    d = Doc(header, footer, margin=12)
    d.add_page()
    d.set_font("helvetica", "", 8.5)
    d.multi_cell(d.width, 4, "Find the tile for the drug and request. Approve only when the "
                 "chart shows every line of the tile; any line not shown means the request "
                 "goes to a physician reviewer. Tiles list the approval length in the bold "
                 "line.", new_x="LMARGIN", new_y="NEXT")
    d.ln(3)
    tile_w = (d.width - 6) / 2

    def tile(x: float, y: float, title: str, root: Crit) -> float:
        d.set_fill_color(240, 215, 215)
        d.set_xy(x, y)
        d.set_font("helvetica", "B", 9)
        d.cell(tile_w, 6, " " + title, fill=True)
        d.set_xy(x + 2, y + 7)
        d.set_font("helvetica", "B", 8.5)
        d.multi_cell(tile_w - 4, 3.9, root.text, new_x="LMARGIN", new_y="NEXT")
        yy = d.get_y() + 0.8
        d.set_font("helvetica", "", 8.5)
        for kid in root.kids:
            d.set_xy(x + 2, yy)
            d.cell(4, 3.9, ">")
            d.set_xy(x + 6, yy)
            d.multi_cell(tile_w - 8, 3.9, kid.text, new_x="LMARGIN", new_y="NEXT")
            yy = d.get_y() + 0.6
            for s in kid.kids:
                d.set_xy(x + 7, yy)
                d.cell(4, 3.9, "o")
                d.set_xy(x + 11, yy)
                d.multi_cell(tile_w - 13, 3.9, s.text, new_x="LMARGIN", new_y="NEXT")
                yy = d.get_y() + 0.5
        return yy + 1.5

    def tile_row(a: tuple[str, Crit], b: tuple[str, Crit]) -> None:
        top = d.get_y()
        x2 = d.l_margin + tile_w + 6
        bottom = max(tile(d.l_margin, top, *a), tile(x2, top, *b))
        d.set_draw_color(120, 30, 40)
        d.set_line_width(0.4)
        d.rect(d.l_margin, top, tile_w, bottom - top)
        d.rect(x2, top, tile_w, bottom - top)
        d.set_draw_color(0)
        d.set_line_width(0.2)
        d.set_y(bottom + 5)

    cz_lead = "START - approve 12 months if every line is true:"
    hu = g("any_of", "Hydroxyurea, one of:",
           c("taken for at least 6 months at the highest dose the member tolerates"),
           c("not tolerated, or not suitable because of pregnancy plans or low blood counts"))
    cz = g("all_of", cz_lead,
           c("Sickle cell disease of any genotype (HbSS, HbSC, HbS-beta thalassemia) shown "
             "on hemoglobin testing"),
           c("Age 16 years or older"),
           c("Two or more vaso-occlusive crises needing medical care in the past 12 months"),
           hu,
           c("Prescribed by or with a hematologist"))
    cz_r_lead = "KEEP GOING - approve 12 months if both lines are true:"
    cz_r = g("all_of", cz_r_lead,
             c("Fewer vaso-occlusive crises than in the 12 months before the first infusion"),
             c("No infusion reaction serious enough to stop the drug"))
    lg_lead = "START - approve 6 months if every line is true:"
    lg = g("all_of", lg_lead,
           c("Sickle cell disease confirmed on hemoglobin testing"),
           c("Age 5 years or older"),
           c("Two or more pain crises in the past 12 months"),
           c("Dose set from a weight measured in the last 3 months, no more than 30 grams a "
             "day"),
           c("Prescribed by or with a hematologist"))
    lg_r_lead = "KEEP GOING - approve 12 months if both lines are true:"
    lg_r = g("all_of", lg_r_lead,
             c("Fewer pain crises or fewer hospital days than in the 6 months before the "
               "powder was started"),
             c("Refills show the powder is taken twice a day as prescribed"))
    tile_row(("CRIZANLIZUMAB (Adakveo) IV - start", cz),
             ("CRIZANLIZUMAB (Adakveo) IV - keep going", cz_r))
    tile_row(("L-GLUTAMINE powder (Endari) - start", lg),
             ("L-GLUTAMINE powder (Endari) - keep going", lg_r))
    d.set_fill_color(235)
    d.set_font("helvetica", "B", 9)
    d.cell(d.width, 6, " Not on this card - do not approve:", fill=True, new_x="LMARGIN",
           new_y="NEXT")
    d.ln(1)
    excl = [
        "Sickle cell trait (HbAS) without sickle cell disease.",
        "Crizanlizumab given only to treat a crisis already under way.",
        "Members cured of sickle cell disease by stem cell transplant or gene therapy.",
        "Crizanlizumab and L-glutamine both started in the same month.",
    ]
    d.set_font("helvetica", "", 8.5)
    for t in excl:
        d.set_x(d.l_margin + 2)
        d.multi_cell(d.width - 2, 4, "x  " + t, new_x="LMARGIN", new_y="NEXT")
    d.ln(2)
    d.set_font("helvetica", "I", 8)
    d.multi_cell(d.width, 3.8, "Dosing reminders: crizanlizumab 5 mg/kg IV at weeks 0 and 2, "
                 "then every 4 weeks. L-glutamine 0.3 g/kg twice daily, rounded to whole "
                 "5-gram packets.", new_x="LMARGIN", new_y="NEXT")
    inds = [
        Ind("Sickle cell disease (crizanlizumab)", "CRIZANLIZUMAB (Adakveo) IV - start",
            ["SCD", "sickle cell anemia"], ["D57.1", "D57.00", "D57.20"], cz, cz_r,
            "CRIZANLIZUMAB (Adakveo) IV - keep going"),
        Ind("Sickle cell disease (L-glutamine)", "L-GLUTAMINE powder (Endari) - start",
            ["SCD", "sickle cell anemia"], ["D57.1", "D57.00"], lg, lg_r,
            "L-GLUTAMINE powder (Endari) - keep going"),
    ]
    return d, inds, excl


# =========================================================================================
# 3. Business-rules specification in pseudo-code: monospaced "RULE ..." blocks with IF /
#    THEN APPROVE ... WHEN ALL OF: / ANY OF: / END / ELSE lines; the criteria are the
#    bracketed condition lines; the exclusions are a DENY rule.
# =========================================================================================


def rules_cinacalcet() -> tuple[Doc, list[Ind], list[str]]:
    def header(d: Doc) -> None:
        d.set_font("courier", "", 8)
        d.set_xy(d.l_margin, 9)
        d.cell(0, 4, "RAVENMOOR HEALTH PLAN * PHARMACY ADJUDICATION RULES * SPEC BR-PHM-34")
        d.set_xy(d.l_margin, 9)
        d.cell(0, 4, "REV 7", align="R")
        rule(d, 14, 0, 0.2)
        d.set_y(18)

    def footer(d: Doc) -> None:
        d.set_y(-12)
        d.set_font("courier", "", 7.5)
        d.cell(0, 3.5, f"-- page {d.page_no()} of {{nb}} -- internal, do not distribute --",
               align="C")

    d = Doc(header, footer, margin=16)
    d.add_page()
    d.set_font("helvetica", "B", 12)
    d.cell(0, 6, "Cinacalcet (Sensipar) - prior authorization rule set", new_x="LMARGIN",
           new_y="NEXT")
    d.set_font("helvetica", "", 9)
    d.multi_cell(d.width, 4.2, "Plain-language note for reviewers: each RULE below is "
                 "evaluated in order. A request that reaches APPROVE is approved for the "
                 "length shown; ELSE sends it to a pharmacist. Lab values must be dated within "
                 "the window given in the line.", new_x="LMARGIN", new_y="NEXT")
    d.ln(2)
    lh = 4.0

    def code(text: str, indent: int = 0, style: str = "") -> None:
        d.set_font("courier", style, 8.5)
        d.set_x(d.l_margin + indent * 4)
        d.multi_cell(d.width - indent * 4, lh, text, new_x="LMARGIN", new_y="NEXT")

    def block(name: str, cond: list[str], root: Crit, els: str) -> None:
        d.ln(2)
        if d.get_y() > d.h - 70:
            d.add_page()
        code(f"RULE {name}", 0, "B")
        for k, line in enumerate(cond):
            code(("IF   " if k == 0 else "AND  ") + line, 1)
        code("THEN " + root.text, 1, "B")
        for k, kid in enumerate(root.kids):
            if kid.is_group:
                code(f"[{k + 1}] {kid.text}", 3)
                for j, s in enumerate(kid.kids):
                    code(f"[{k + 1}.{j + 1}] {s.text}", 5)
                code("END ANY", 3)
            else:
                code(f"[{k + 1}] {kid.text}", 3)
        code("END ALL", 2)
        code("ELSE " + els, 1)
        code("END RULE", 0)

    s_lead = "APPROVE 12 MONTHS WHEN ALL OF:"
    shpt = g("all_of", s_lead,
             c("member is on maintenance hemodialysis or peritoneal dialysis"),
             c("intact PTH above 300 pg/mL on a result from the last 3 months"),
             c("albumin-corrected serum calcium 8.4 mg/dL or higher before the first dose"),
             g("any_of", "ANY OF: -- active vitamin D already used",
               c("calcitriol, paricalcitol or doxercalciferol for 3 months or more without "
                 "reaching the PTH target"),
               c("active vitamin D held or stopped because of high calcium or high "
                 "phosphorus")),
             c("no etelcalcetide in the last 4 weeks and none planned"))
    block("CIN-01  SECONDARY HPT ON DIALYSIS - FIRST REQUEST",
          ["drug = cinacalcet", "diagnosis = secondary hyperparathyroidism of chronic "
           "kidney disease", "request_type = INITIAL"], shpt, "PEND TO PHARMACIST")
    sr_lead = "APPROVE 12 MONTHS WHEN ALL OF: -- renewal"
    shpt_r = g("all_of", sr_lead,
               c("latest intact PTH at least 30% lower than the value before cinacalcet"),
               c("no corrected calcium below 7.5 mg/dL in the last 6 months"))
    block("CIN-02  SECONDARY HPT ON DIALYSIS - RENEWAL",
          ["drug = cinacalcet", "rule CIN-01 approved before", "request_type = RENEWAL"],
          shpt_r, "PEND TO PHARMACIST")
    p_lead = "APPROVE 6 MONTHS WHEN ALL OF: -- primary HPT"
    phpt = g("all_of", p_lead,
             c("member is 18 years of age or older"),
             c("PTH elevated or inappropriately normal with high calcium (primary "
               "hyperparathyroidism)"),
             c("serum calcium above 11.3 mg/dL, or above 10.5 mg/dL with symptoms of "
               "hypercalcemia"),
             g("any_of", "ANY OF: -- parathyroid surgery",
               c("parathyroidectomy done and high calcium came back"),
               c("endocrine surgeon documents that the member cannot have surgery")),
             c("prescribed by an endocrinologist"))
    block("CIN-03  PRIMARY HPT, SURGERY NOT AN OPTION - FIRST REQUEST",
          ["drug = cinacalcet", "diagnosis = primary hyperparathyroidism",
           "request_type = INITIAL"], phpt, "PEND TO PHARMACIST")
    pr_lead = "APPROVE 12 MONTHS WHEN ALL OF: -- primary HPT renewal"
    phpt_r = g("all_of", pr_lead,
               c("serum calcium lower than before cinacalcet, by 1 mg/dL or more"),
               c("no symptomatic hypocalcemia since the last approval"))
    block("CIN-04  PRIMARY HPT - RENEWAL",
          ["drug = cinacalcet", "rule CIN-03 approved before", "request_type = RENEWAL"],
          phpt_r, "PEND TO PHARMACIST")
    d.ln(2)
    code("RULE CIN-X  DENY, CHECKED BEFORE CIN-01 TO CIN-04", 0, "B")
    code("IF   ANY OF:", 1)
    excl = [
        "chronic kidney disease not on dialysis (PTH from CKD stage 3-4)",
        "hyperparathyroidism caused by vitamin D deficiency that has not been corrected",
        "cinacalcet and etelcalcetide at the same time",
        "member younger than 18 years",
    ]
    for k, t in enumerate(excl):
        code(f"[X{k + 1}] {t}", 3)
    code("END ANY", 2)
    code("THEN DENY -- no pharmacist override", 1)
    code("END RULE", 0)
    inds = [
        Ind("Secondary hyperparathyroidism in chronic kidney disease on dialysis",
            "RULE CIN-01", ["secondary HPT", "SHPT"], ["N25.81"], shpt, shpt_r, "RULE CIN-02"),
        Ind("Hypercalcemia of primary hyperparathyroidism, surgery not possible",
            "RULE CIN-03", ["primary HPT", "PHPT"], ["E21.0"], phpt, phpt_r, "RULE CIN-04"),
    ]
    return d, inds, excl
