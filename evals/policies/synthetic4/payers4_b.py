"""Fourth synthetic batch, part B: an Elixir / MedImpact-style prior authorization criteria
document, each indication an ALL CAPS line followed by "Criteria for approval (all must be
met):" and en-dash markers at every level (epoetin alfa); a BCBS Michigan-style drug criteria
page whose numbered items open with the connector ("AND 2.", "OR b.") (apremilast). Our own
words, fictional plans; drawn with the first batch's layout engine (`../synthetic/render.py`).
"""

from __future__ import annotations

from payers4_a import EVIDENCE, rule
from render import LINE, Crit, Doc, Ind, Item, c, g, letters, numbers, romans

DASH = "\u2013"  # en dash, cp1252 0x96


def dash_items(group: Crit, level: int = 0) -> list[Item]:
    """Every item marked with an en dash; a sub-list's lead-in is an item of its own."""
    out: list[Item] = []
    for kid in group.kids:
        out.append(Item(level, DASH, kid.text))
        if kid.is_group:
            out.extend(dash_items(kid, level + 1))
    return out


# =========================================================================================
# 4. Elixir / MedImpact-style prior authorization criteria: epoetin alfa. Each indication is
#    a line in capitals; "Criteria for approval (all must be met):" and "Criteria for renewal
#    (all must be met):" introduce en-dash lists; nested lists say "one of" / "both of" in a
#    dash item of their own; "Approval duration" lines.
# =========================================================================================


def elixir_epoetin() -> tuple[Doc, list[Ind], list[str]]:
    plan = "Cedar Point Pharmacy Solutions"

    def header(d: Doc) -> None:
        d.set_font("helvetica", "B", 12)
        d.set_text_color(110, 40, 120)
        d.set_xy(d.l_margin, 8)
        d.cell(0, 5, plan, align="L")
        d.set_font("helvetica", "", 8.5)
        d.set_text_color(60)
        d.set_xy(d.l_margin, 8.5)
        d.cell(0, 4, "Prior Authorization Criteria", align="R")
        d.set_xy(d.l_margin, 13)
        d.cell(0, 4, "Erythropoiesis-Stimulating Agents: Epoetin Alfa", align="R")
        d.set_text_color(0)
        rule(d, 18, 110)
        d.set_y(22)

    def footer(d: Doc) -> None:
        d.set_y(-15)
        d.set_font("helvetica", "", 7.5)
        d.set_text_color(90)
        d.cell(0, 3.5, f"(c) 2026 {plan}. Confidential and proprietary.", align="L")
        d.set_xy(d.l_margin, d.get_y())
        d.cell(0, 3.5, f"Page {d.page_no()}", align="R", new_x="LMARGIN", new_y="NEXT")
        d.cell(0, 3.5, "Revision date: 01/09/2026", align="L")

    d = Doc(header, footer)
    d.add_page()
    d.set_font("helvetica", "B", 14)
    d.cell(0, 7, "EPOETIN ALFA (EPOGEN®, PROCRIT®, RETACRIT®)", new_x="LMARGIN", new_y="NEXT")
    d.ln(1)
    d.table_head([48, d.width - 48], ["Item", "Detail"])
    for k, v in [("Drug class", "Erythropoiesis-stimulating agent (ESA)"),
                 ("Preferred product", "Retacrit (epoetin alfa-epbx)"),
                 ("Non-preferred products", "Epogen, Procrit: require documented failure of or "
                  "intolerance to the preferred product"),
                 ("Benefit", "Pharmacy and medical")]:
        d.row([k, v])
    d.end_table()
    d.heading("BACKGROUND", 10.5)
    d.para("Epoetin alfa stimulates red blood cell production. Trials of ESAs in chronic "
           "kidney disease and cancer found more deaths, strokes and thrombotic events when "
           "hemoglobin was pushed above 11 g/dL, so every approval below uses the lowest dose "
           "that avoids transfusion.")
    d.para(EVIDENCE, size=9)
    d.heading("COVERAGE CRITERIA", 10.5)
    d.para("Coverage is provided for the indications below when the criteria listed for the "
           "indication are met. Laboratory values must be dated and come from the 30 days "
           "before the request unless a criterion says otherwise.", size=9.5)

    inds: list[Ind] = []

    def indication(title: str, init: Crit, renew: Crit | None, duration: str) -> None:
        d.ln(2)
        if d.get_y() > d.h - 70:
            d.add_page()
        d.set_font("helvetica", "B", 10.5)
        d.multi_cell(d.width, 5, title, new_x="LMARGIN", new_y="NEXT")
        d.ln(0.5)
        d.para(init.text, style="B", size=9.5)
        d.items(dash_items(init), base=3, gap=0.4)
        if renew is not None:
            d.para(renew.text, style="B", size=9.5)
            d.items(dash_items(renew), base=3, gap=0.4)
        d.para(f"Approval duration: {duration}", style="I", size=9.5)

    no_htn = c("Member does not have uncontrolled hypertension")
    ckd = g("all_of", "Criteria for approval (all must be met):",
            c("Member has anemia due to chronic kidney disease, whether or not on dialysis"),
            c("Hemoglobin is below 10 g/dL"),
            g("any_of", "Iron stores are adequate, shown by one of the following:",
              g("all_of", "Both of the following, measured within the past 3 months:",
                c("Transferrin saturation of 20% or more"),
                c("Serum ferritin of 100 ng/mL or more")),
              c("Iron replacement has been started and will continue during epoetin therapy")),
            g("all_of", "Both of the following causes of anemia have been evaluated and "
              "treated where present:",
              c("Vitamin B12 or folate deficiency"),
              c("Gastrointestinal or other blood loss")),
            no_htn)
    ckd_r = g("all_of", "Criteria for renewal (all must be met):",
              g("any_of", "One of the following since the start of therapy:",
                c("Hemoglobin has risen by at least 1 g/dL"),
                c("The number of red blood cell transfusions has fallen")),
              c("Most recent hemoglobin is 11 g/dL or lower, or the dose is being reduced or "
                "held"),
              c("Transferrin saturation remains 20% or more, or iron is being given"))
    indication("ANEMIA DUE TO CHRONIC KIDNEY DISEASE (CKD)", ckd, ckd_r,
               "Initial: 12 weeks. Renewal: 6 months.")
    inds.append(Ind("Anemia due to chronic kidney disease",
                    "ANEMIA DUE TO CHRONIC KIDNEY DISEASE (CKD)", ["CKD anemia",
                    "anemia of CKD"], ["D63.1", "N18.1-N18.6"], ckd, ckd_r,
                    "Criteria for renewal (all must be met)"))

    chemo = g("all_of", "Criteria for approval (all must be met):",
              c("Member has a non-myeloid cancer"),
              c("Anemia is caused by myelosuppressive chemotherapy, and at least 2 more months "
                "of chemotherapy are planned"),
              c("The intent of the chemotherapy is palliative, not curative"),
              c("Hemoglobin is below 10 g/dL on a test done within the past 14 days"),
              g("any_of", "One of the following:",
                c("Transferrin saturation of 20% or more within the past 3 months"),
                c("Intravenous or oral iron is being given")),
              no_htn)
    chemo_r = g("all_of", "Criteria for renewal (all must be met):",
                c("Hemoglobin has risen by at least 1 g/dL after 8 weeks of therapy, or "
                  "transfusions are fewer"),
                c("Chemotherapy is continuing"),
                c("Hemoglobin is below 12 g/dL"))
    indication("ANEMIA DUE TO MYELOSUPPRESSIVE CHEMOTHERAPY", chemo, chemo_r,
               "Initial: 8 weeks. Renewal: 8 weeks, ending 8 weeks after the last chemotherapy "
               "cycle.")
    inds.append(Ind("Anemia due to myelosuppressive chemotherapy",
                    "ANEMIA DUE TO MYELOSUPPRESSIVE CHEMOTHERAPY", ["chemotherapy-induced "
                    "anemia", "CIA"], ["D63.0", "D64.81"], chemo, chemo_r,
                    "Criteria for renewal (all must be met)"))

    hiv = g("all_of", "Criteria for approval (all must be met):",
            c("Member has HIV infection and is taking zidovudine at 4,200 mg a week or less"),
            c("Endogenous serum erythropoietin level is 500 mU/mL or lower"),
            c("Hemoglobin is below 10 g/dL"))
    indication("ANEMIA DUE TO ZIDOVUDINE IN HIV INFECTION", hiv, None, "6 months.")
    inds.append(Ind("Anemia due to zidovudine in HIV infection",
                    "ANEMIA DUE TO ZIDOVUDINE IN HIV INFECTION", ["HIV anemia"], ["B20",
                    "D61.1"], hiv))

    surg = g("all_of", "Criteria for approval (all must be met):",
             c("Member is scheduled for elective, noncardiac, nonvascular surgery"),
             c("Hemoglobin is above 10 g/dL and no higher than 13 g/dL"),
             c("Member cannot or will not donate blood for their own use before surgery"),
             c("Prophylaxis against deep vein thrombosis is planned"))
    indication("REDUCTION OF ALLOGENEIC RED BLOOD CELL TRANSFUSIONS IN SURGERY", surg, None,
               "one course, up to 4 weeks before and 4 days after surgery.")
    inds.append(Ind("Reduction of allogeneic red blood cell transfusions in surgery",
                    "REDUCTION OF ALLOGENEIC RED BLOOD CELL TRANSFUSIONS IN SURGERY",
                    ["perioperative anemia"], [], surg))

    d.ln(2)
    d.set_font("helvetica", "B", 10.5)
    d.cell(0, 5, "EXCLUSIONS", new_x="LMARGIN", new_y="NEXT")
    d.para("Coverage will not be provided for:", size=9.5)
    excl = ["Anemia due to cancer in members not receiving chemotherapy",
            "Members receiving chemotherapy with curative intent",
            "Myeloid cancers, unless the request meets the plan's myelodysplastic syndrome "
            "policy",
            "Immediate correction of anemia in place of a red blood cell transfusion"]
    d.items([Item(0, DASH, t) for t in excl], base=3, gap=0.4)
    d.heading("QUANTITY LIMITS", 10.5)
    d.table_head([60, d.width - 60], ["Indication", "Limit"])
    d.row(["Chronic kidney disease", "Dose per label, adjusted to hemoglobin"])
    d.row(["Chemotherapy", "40,000 units a week or 150 units/kg three times a week"])
    d.row(["Surgery", "300 units/kg daily for 15 days, or 600 units/kg weekly for 4 doses"])
    d.end_table()
    d.heading("REFERENCES", 10.5)
    d.items([Item(0, f"{k + 1}.", r) for k, r in enumerate([
        "Epogen / Procrit / Retacrit (epoetin alfa) prescribing information. Revised 2024.",
        "Nakagawa T, Brierly O. Hemoglobin targets for ESAs in non-dialysis kidney disease. "
        "Nephrol Outcomes. 2021;15:220-233.",
        "Ferrante L. Iron repletion before erythropoiesis-stimulating therapy. Hematol Pract. "
        "2023;9:97-104."])])
    return d, inds, excl


# =========================================================================================
# 5. BCBS Michigan-style drug criteria page: apremilast. Numbered criteria whose connector
#    opens the next item ("AND 2. Patient ...", "OR b. ..."); sub-lists introduced by an
#    item of their own; "Initial approval" / "Continuation of therapy" blocks per condition.
# =========================================================================================

CONN = {"all_of": "AND", "any_of": "OR"}
MARKS = [numbers, letters, romans]


def conn_items(group: Crit, level: int = 0) -> list[Item]:
    """Each item after the first carries its list's connector before the marker."""
    out: list[Item] = []
    for i, kid in enumerate(group.kids):
        marker = MARKS[min(level, 2)](i)
        if i:
            marker = f"{CONN[group.op]} {marker}"
        out.append(Item(level, marker, kid.text))
        if kid.is_group:
            out.extend(conn_items(kid, level + 1))
    return out


def draw_conn_items(d: Doc, items: list[Item], base: float = 2.0) -> None:
    """Like Doc.items, with a marker column wide enough for "AND 12."; the marker is
    right-aligned so that the numbers line up under each other."""
    for it in items:
        d.set_font("helvetica", it.style, 10)
        x = d.l_margin + base + it.level * 9
        if d.get_y() + LINE > d.page_break_trigger:
            d.add_page()
        y = d.get_y()
        d.set_xy(x, y)
        d.cell(14, LINE, it.marker, align="R")
        d.set_xy(x + 15.5, y)
        d.multi_cell(d.w - d.r_margin - x - 15.5, LINE, it.text, new_x="LMARGIN",
                     new_y="NEXT")
        d.ln(0.8)
    d.set_font("helvetica", size=10)
    d.ln(1)


def bcbsm_apremilast() -> tuple[Doc, list[Ind], list[str]]:
    plan = "Great Lakes Blue Plan"

    def header(d: Doc) -> None:
        d.set_font("helvetica", "B", 9)
        d.set_text_color(0, 60, 130)
        d.set_xy(d.l_margin, 8)
        d.cell(0, 4, plan, align="L")
        d.set_font("helvetica", "", 8)
        d.set_text_color(70)
        d.set_xy(d.l_margin, 8)
        d.cell(0, 4, "Pharmacy Services - Drug Criteria", align="R")
        d.set_xy(d.l_margin, 12)
        d.cell(0, 4, "Otezla (apremilast)", align="R")
        rule(d, 16.5, 90)
        d.set_text_color(0)
        d.set_y(21)

    def footer(d: Doc) -> None:
        d.set_y(-14)
        d.set_font("helvetica", "", 7.5)
        d.set_text_color(80)
        d.cell(0, 3.5, "Criteria apply to commercial members with pharmacy coverage through "
               f"{plan}.", align="C", new_x="LMARGIN", new_y="NEXT")
        d.cell(0, 3.5, f"Page {d.page_no()} of {{nb}}", align="C")

    d = Doc(header, footer)
    d.add_page()
    d.set_font("helvetica", "B", 15)
    d.cell(0, 8, "Otezla® (apremilast) tablets", new_x="LMARGIN", new_y="NEXT")
    d.set_font("helvetica", "", 9)
    d.cell(0, 4.6, "Drug class: phosphodiesterase-4 (PDE4) inhibitor   |   Effective: "
           "05/01/2026   |   P&T review: 02/2026", new_x="LMARGIN", new_y="NEXT")
    d.ln(2)
    d.heading("Description", 11)
    d.para("Apremilast is an oral small-molecule inhibitor of phosphodiesterase 4 that lowers "
           "the production of several inflammatory cytokines. It is taken twice daily after a "
           "five-day titration and does not require laboratory monitoring.")
    d.para(EVIDENCE, size=9)
    d.heading("Criteria", 11)
    d.para("The connector printed before an item (AND, OR) joins it to the item above it in the "
           "same list.", style="I", size=9)

    inds: list[Ind] = []
    adult = c("Patient is 18 years of age or older")
    no_bio = c("Otezla will not be used with a biologic drug, a Janus kinase inhibitor or "
               "deucravacitinib")

    pso = g("all_of", "",
            c("Patient has a diagnosis of plaque psoriasis"),
            c("Patient is 6 years of age or older and weighs at least 20 kg"),
            g("any_of", "Patient has one of the following:",
              c("Psoriasis covering 3% or more of body surface area"),
              c("Psoriasis of the scalp, genitals, palms or soles that has not cleared with "
                "topical treatment"),
              c("A Psoriasis Area and Severity Index (PASI) score of 10 or more")),
            g("any_of", "Patient has tried one of the following without success, or could not "
              "tolerate it:",
              c("A topical corticosteroid of medium or higher potency for at least 4 weeks"),
              c("A topical vitamin D analog, such as calcipotriene, for at least 4 weeks"),
              g("all_of", "Phototherapy, with both of the following:",
                c("at least 12 sessions of narrowband UVB or PUVA"),
                c("no meaningful improvement noted by the treating clinician"))),
            c("Prescribed by or in consultation with a dermatologist"),
            no_bio)
    pso_c = g("all_of", "",
              c("Patient has been taking Otezla for plaque psoriasis for at least 4 months"),
              g("any_of", "Patient has had one of the following responses:",
                c("A decrease in affected body surface area"),
                c("A PASI improvement of 50% or more from baseline")),
              no_bio)
    d.heading("1. Plaque psoriasis", 10.5, space=3)
    d.para("Initial approval", style="B", size=10)
    draw_conn_items(d, conn_items(pso))
    d.para("Initial approval: 6 months", style="I", size=9.5)
    d.para("Continuation of therapy", style="B", size=10)
    draw_conn_items(d, conn_items(pso_c))
    d.para("Continuation approval: 12 months", style="I", size=9.5)
    inds.append(Ind("Plaque psoriasis", "1. Plaque psoriasis Initial approval", ["PsO"],
                    ["L40.0"], pso, pso_c, "Continuation of therapy"))

    psa = g("all_of", "",
            c("Patient has a diagnosis of active psoriatic arthritis"),
            adult,
            g("any_of", "Patient has one of the following:",
              c("An inadequate response to at least 3 months of methotrexate, leflunomide or "
                "sulfasalazine"),
              c("A contraindication to or intolerance of methotrexate"),
              c("Enthesitis or dactylitis as the main feature of the disease")),
            c("Prescribed by or in consultation with a rheumatologist or dermatologist"),
            no_bio)
    d.heading("2. Psoriatic arthritis", 10.5, space=3)
    d.para("Initial approval", style="B", size=10)
    draw_conn_items(d, conn_items(psa))
    d.para("Initial approval: 6 months. Continuation: 12 months when the prescriber documents "
           "fewer tender or swollen joints.", style="I", size=9.5)
    inds.append(Ind("Psoriatic arthritis", "2. Psoriatic arthritis Initial approval", ["PsA"],
                    ["L40.50-L40.59"], psa))

    beh = g("all_of", "",
            c("Patient has a diagnosis of Behçet's disease meeting the International Criteria "
              "for Behçet's Disease"),
            adult,
            c("Patient has active oral ulcers, with at least 2 ulcers in the past month"),
            g("any_of", "Patient has tried one of the following for at least 4 weeks without "
              "adequate response, or could not tolerate it:",
              c("Colchicine"),
              c("A topical corticosteroid applied to the ulcers")),
            c("Prescribed by or in consultation with a rheumatologist or dermatologist"))
    beh_c = g("all_of", "",
              c("Patient has been taking Otezla for oral ulcers of Behçet's disease"),
              c("Fewer oral ulcers or less ulcer pain compared with before treatment"))
    d.heading("3. Oral ulcers associated with Behçet's disease", 10.5, space=3)
    d.para("Initial approval", style="B", size=10)
    draw_conn_items(d, conn_items(beh))
    d.para("Initial approval: 6 months", style="I", size=9.5)
    d.para("Continuation of therapy", style="B", size=10)
    draw_conn_items(d, conn_items(beh_c))
    d.para("Continuation approval: 12 months", style="I", size=9.5)
    inds.append(Ind("Oral ulcers associated with Behçet's disease",
                    "3. Oral ulcers associated with Behçet's disease Initial approval",
                    ["Behcet disease", "Behçet's syndrome"], ["M35.2"], beh, beh_c,
                    "Patient has been taking Otezla for oral ulcers"))

    d.heading("Not covered", 11)
    d.para("Otezla is not covered for the following:")
    excl = ["Use together with a biologic drug, a Janus kinase inhibitor or deucravacitinib",
            "Atopic dermatitis, alopecia areata, hidradenitis suppurativa or ulcerative "
            "colitis",
            "Patients with severe renal impairment who cannot take the reduced dose"]
    draw_conn_items(d, [Item(0, "•", t) for t in excl])
    d.heading("Quantity limits", 11)
    d.table_head([70, d.width - 70], ["Product", "Limit"])
    d.row(["Otezla 2-week starter pack", "1 pack per lifetime"])
    d.row(["Otezla 30 mg tablets", "60 tablets per 30 days"])
    d.row(["Otezla 20 mg tablets (pediatric, under 50 kg)", "60 tablets per 30 days"])
    d.end_table()
    d.heading("References", 11)
    d.items([Item(0, f"{k + 1}.", r) for k, r in enumerate([
        "Otezla (apremilast) tablets, prescribing information. Revised 2025.",
        "Vandermolen J, Aksoy E. Oral ulcers in Behcet's disease: a placebo-controlled trial "
        "of PDE4 inhibition. Rheum Ther Lett. 2021;5:9-18.",
        "Castellan B. Systemic treatment of limited-extent psoriasis. Dermatol Pract. "
        "2024;40:301-312."])])
    return d, inds, excl
