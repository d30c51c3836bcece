"""Seventh synthetic batch, part B: a criteria "subset" outline in the style of commercial
utilization-management criteria sets (InterQual / MCG-like): terse lead-ins that are only a
label and a logic word ("Prior treatment, One:", "Supportive findings, Two or more:",
"All:"), open and filled bullet glyphs per level, dotted rules between subsets,
efgartigimod; a state Medicaid preferred drug list "Clinical Criteria" for a therapeutic
class with Step 1 / Step 2 / Step 3 tiers, a tier table, a Step 3 list that cites the Step 2
criteria by number, a separate CTEPH section and one renewal list for the class, pulmonary
hypertension agents. Our own words, fictional plans; drawn with the first batch's layout
engine (`../synthetic/render.py`)."""

from __future__ import annotations

from payers7_a import rule, text_item
from render import Crit, Doc, Ind, Item, c, g

# =========================================================================================
# 4. Criteria subset outline: efgartigimod alfa. Each subset is a line "<drug>, <use>,
#    <request>, All:"; sub-lists open with "<label>, One:" / "<label>, Two or more:";
#    bullets "\u2022" (level 0), "o" (level 1), "-" (level 2); approval-length line after
#    each subset.
# =========================================================================================

GLYPHS = ["\u2022", "o", "-"]


def subset_items(group: Crit, level: int = 0) -> list[Item]:
    out: list[Item] = []
    for kid in group.kids:
        out.append(Item(level, GLYPHS[min(level, 2)], kid.text))
        if kid.is_group:
            out.extend(subset_items(kid, level + 1))
    return out


def subset_efgartigimod() -> tuple[Doc, list[Ind], list[str]]:
    org = "Cedar Ridge Utilization Management"

    def header(d: Doc) -> None:
        d.set_font("helvetica", "", 8)
        d.set_xy(d.l_margin, 8)
        d.cell(0, 4, f"{org}  |  Specialty Drug Criteria Set 2026", align="L")
        d.set_xy(d.l_margin, 8)
        d.cell(0, 4, "Efgartigimod alfa", align="R")
        rule(d, 13, 60, 0.3)
        d.set_y(18)

    def footer(d: Doc) -> None:
        d.set_y(-14)
        d.set_font("helvetica", "", 7)
        d.cell(0, 3.5, "Confidential and proprietary. Criteria support, and do not replace, "
               "clinical judgment.", align="L")
        d.set_xy(d.l_margin, d.get_y())
        d.cell(0, 3.5, f"{d.page_no()} / {{nb}}", align="R")

    def dots() -> None:
        d.ln(1)
        y = d.get_y()
        d.set_draw_color(140)
        d.set_dash_pattern(dash=0.8, gap=0.8)
        d.line(d.l_margin, y, d.w - d.r_margin, y)
        d.set_dash_pattern()
        d.set_draw_color(0)
        d.ln(2)

    def subset(title: str, group: Crit, approval: str) -> None:
        if d.get_y() > d.h - 60:
            d.add_page()
        d.set_font("helvetica", "B", 10)
        d.multi_cell(d.width, 5, title, new_x="LMARGIN", new_y="NEXT")
        d.set_font("helvetica", "", 10)
        d.items(subset_items(group), base=3)
        d.set_font("helvetica", "I", 9)
        d.cell(0, 4.5, approval, new_x="LMARGIN", new_y="NEXT")
        d.set_font("helvetica", "", 10)
        dots()

    d = Doc(header, footer)
    d.add_page()
    d.set_font("helvetica", "B", 14)
    d.cell(0, 7, "Efgartigimod alfa-fcab (Vyvgart) and efgartigimod alfa and "
           "hyaluronidase-qvfc", new_x="LMARGIN", new_y="NEXT")
    d.cell(0, 7, "(Vyvgart Hytrulo)", new_x="LMARGIN", new_y="NEXT")
    d.set_font("helvetica", "", 9)
    d.cell(0, 4.5, "Criteria subset version 26.1    Benefit: medical (IV), medical or "
           "pharmacy (SC)", new_x="LMARGIN", new_y="NEXT")
    d.heading("Clinical background", 11)
    d.para("Efgartigimod alfa is a fragment of human IgG1 that binds the neonatal Fc receptor "
           "(FcRn) and lowers circulating IgG, including pathogenic autoantibodies. The "
           "intravenous product is given in cycles of four weekly infusions for generalized "
           "myasthenia gravis. The subcutaneous product, combined with hyaluronidase, is used "
           "in cycles for generalized myasthenia gravis and once weekly for chronic "
           "inflammatory demyelinating polyneuropathy.", size=9.5)
    d.heading("How to read a subset", 11)
    d.para("Each subset opens with its title. A line ending in \"All:\" needs every item "
           "beneath it; \"One:\" needs any single item; \"Two or more:\" needs at least two. "
           "Indented items belong to the line above them.", size=9.5)
    d.heading("Subsets", 11)

    inds: list[Ind] = []
    gmg = g("all_of", "Efgartigimod alfa, generalized myasthenia gravis, initial request, All:",
            c("Age 18 years or older"),
            c("Positive serologic test for anti-acetylcholine receptor (AChR) antibodies"),
            c("Myasthenia Gravis Foundation of America (MGFA) clinical class II, III or IV"),
            c("MG Activities of Daily Living (MG-ADL) total score of 5 or more, more than "
              "half of it from non-ocular items"),
            g("any_of", "Prior treatment, One:",
              c("Inadequate response after at least 12 months of two or more "
                "immunosuppressive therapies, such as azathioprine, mycophenolate or "
                "tacrolimus"),
              c("Inadequate response to at least one immunosuppressive therapy with a need "
                "for repeated plasma exchange or intravenous immune globulin"),
              c("Immunosuppressive therapy contraindicated or not tolerated")),
            c("No concurrent FcRn blocker, complement inhibitor or rituximab"),
            c("Prescribed by or with a neurologist"))
    subset("Efgartigimod alfa, generalized myasthenia gravis, initial request, All:", gmg,
           "Approval length: 6 months (IV or SC cycles as labeled)")
    gmg_c = g("all_of", "Efgartigimod alfa, generalized myasthenia gravis, continuation, All:",
              c("MG-ADL total score has fallen by 2 points or more from the pre-treatment "
                "baseline"),
              c("Each new cycle starts no sooner than 50 days after the start of the "
                "previous cycle"),
              c("No concurrent FcRn blocker, complement inhibitor or rituximab"))
    subset("Efgartigimod alfa, generalized myasthenia gravis, continuation, All:", gmg_c,
           "Approval length: 12 months")
    inds.append(Ind("Generalized myasthenia gravis",
                    "Efgartigimod alfa, generalized myasthenia gravis, initial request",
                    ["gMG", "myasthenia gravis", "AChR antibody-positive gMG"],
                    ["G70.00", "G70.01"], gmg, gmg_c,
                    "Efgartigimod alfa, generalized myasthenia gravis, continuation"))

    cidp = g("all_of", "Efgartigimod alfa and hyaluronidase, chronic inflammatory "
             "demyelinating polyneuropathy, initial request, All:",
             c("Age 18 years or older"),
             c("Typical CIDP or a CIDP variant by the 2021 EAN/PNS guideline"),
             c("Nerve conduction studies show demyelinating features in two or more nerves"),
             g("at_least", "Supportive findings, Two or more:",
               c("Cerebrospinal fluid protein above normal with fewer than 10 white cells per "
                 "microliter"),
               c("MRI showing enlargement or enhancement of nerve roots or plexuses"),
               c("Nerve ultrasound showing enlarged nerves"),
               c("Objective improvement after an earlier course of immunotherapy"), n=2),
             c("INCAT disability score of 2 to 9 recorded before the first dose"),
             c("Request is for the subcutaneous product (Vyvgart Hytrulo), not the "
               "intravenous product"),
             c("Prescribed by or with a neurologist"))
    subset("Efgartigimod alfa and hyaluronidase, chronic inflammatory demyelinating "
           "polyneuropathy, initial request, All:", cidp, "Approval length: 6 months")
    cidp_c = g("all_of", "Efgartigimod alfa and hyaluronidase, chronic inflammatory "
               "demyelinating polyneuropathy, continuation, All:",
               g("any_of", "Response, One:",
                 c("INCAT score lower than before the first dose"),
                 c("INCAT score unchanged, with better grip strength or I-RODS score")),
               c("No maintenance immune globulin or corticosteroid above 10 mg of prednisone "
                 "a day alongside"),
               c("Dose no more than 1,008 mg / 11,200 units once a week"))
    subset("Efgartigimod alfa and hyaluronidase, chronic inflammatory demyelinating "
           "polyneuropathy, continuation, All:", cidp_c, "Approval length: 12 months")
    inds.append(Ind("Chronic inflammatory demyelinating polyneuropathy",
                    "Efgartigimod alfa and hyaluronidase, chronic inflammatory demyelinating "
                    "polyneuropathy, initial", ["CIDP"], ["G61.81"], cidp, cidp_c,
                    "Efgartigimod alfa and hyaluronidase, chronic inflammatory demyelinating "
                    "polyneuropathy, continuation"))

    d.heading("Not met by these subsets", 11)
    excl = ["Ocular myasthenia gravis only (MGFA class I)",
            "Myasthenia gravis with antibodies to MuSK or LRP4 only, or seronegative disease",
            "Intravenous efgartigimod for CIDP",
            "Multifocal motor neuropathy, or other neuropathies such as anti-MAG neuropathy",
            "Use during a myasthenic crisis in place of plasma exchange or immune globulin"]
    d.items([Item(0, "\u2022", e) for e in excl], base=3)
    d.heading("Notes", 11)
    d.para("MG-ADL: 8-item patient-reported scale, 0 to 24. INCAT: adjusted Inflammatory "
           "Neuropathy Cause and Treatment disability score, 0 to 10. Vaccines: give live "
           "vaccines before, not during, treatment. Weight-based IV dose: 10 mg/kg, at most "
           "1,200 mg per infusion.", size=9)
    d.heading("Sources", 11)
    d.items([Item(0, f"{k + 1}.", r) for k, r in enumerate([
        "Vyvgart (efgartigimod alfa-fcab) injection for intravenous use, prescribing "
        "information. Revised 2024.",
        "Vyvgart Hytrulo (efgartigimod alfa and hyaluronidase-qvfc) injection for "
        "subcutaneous use, prescribing information. Revised 2025.",
        "Brandt E, Oyelaran T. FcRn blockade in autoimmune neuromuscular disease. "
        "Neuromuscul Ther Rev. 2024;7:31-46."])])
    return d, inds, excl


# =========================================================================================
# 5. State Medicaid PDL clinical criteria with step tiers: pulmonary hypertension agents.
#    A tier table (Step 1 preferred, Step 2 and Step 3 non-preferred); "STEP 2 CRITERIA" and
#    "STEP 3 CRITERIA" numbered lists with lettered alternatives; Step 3 item 1 cites Step 2
#    items 1 through 3; a riociguat CTEPH section; one renewal list for the class.
# =========================================================================================


def pdl_pah() -> tuple[Doc, list[Ind], list[str]]:
    program = "Cascade State Medicaid Preferred Drug List"

    def header(d: Doc) -> None:
        d.set_font("helvetica", "B", 9)
        d.set_xy(d.l_margin, 8)
        d.cell(0, 4, program, align="L")
        d.set_font("helvetica", "", 8.5)
        d.set_xy(d.l_margin, 8)
        d.cell(0, 4, "Clinical Criteria", align="R")
        rule(d, 13, 0, 0.3)
        d.set_y(18)

    def footer(d: Doc) -> None:
        d.set_y(-14)
        d.set_font("helvetica", "", 7.5)
        d.cell(0, 3.5, "Therapeutic class: Pulmonary Hypertension Agents   Effective "
               "01/01/2026", align="L")
        d.set_xy(d.l_margin, d.get_y())
        d.cell(0, 3.5, f"Page {d.page_no()} of {{nb}}", align="R")

    def items(group: Crit) -> None:
        for k, kid in enumerate(group.kids):
            text_item(d, f"{k + 1}.", kid.text, 4)
            if kid.is_group:
                for j, sub in enumerate(kid.kids):
                    text_item(d, f"{chr(97 + j)}.", sub.text, 13)

    def band(text: str) -> None:
        d.ln(2)
        if d.get_y() > d.h - 55:
            d.add_page()
        d.set_fill_color(60)
        d.set_text_color(255)
        d.set_font("helvetica", "B", 10)
        d.cell(0, 6, text, fill=True, new_x="LMARGIN", new_y="NEXT")
        d.set_text_color(0)
        d.set_font("helvetica", "", 10)
        d.ln(1.5)

    d = Doc(header, footer)
    d.add_page()
    d.set_font("helvetica", "B", 14)
    d.cell(0, 7, "Pulmonary Hypertension Agents: Step Therapy and Clinical Criteria",
           new_x="LMARGIN", new_y="NEXT")
    d.para("Drugs in this class are placed in three steps. Step 1 drugs are preferred and pay "
           "at the pharmacy without prior authorization when a pulmonary hypertension "
           "diagnosis is on file. Step 2 and Step 3 drugs need prior authorization; the "
           "criteria for each step are below. Members already stable on a Step 2 or Step 3 "
           "drug when they join the program are reviewed under the renewal criteria.",
           size=9.5)
    widths = [22, 80, d.width - 102]
    d.table_head(widths, ["Tier", "Drugs", "Status"])
    d.row(["Step 1", "ambrisentan tablets, bosentan tablets, sildenafil 20 mg tablets, "
           "tadalafil 20 mg tablets", "Preferred; no PA with a diagnosis on file"])
    d.row(["Step 2", "Opsumit (macitentan), Adcirca or Alyq (tadalafil, brand), Revatio "
           "suspension (sildenafil), Opsynvi (macitentan and tadalafil)",
           "Non-preferred; PA, Step 2 criteria"])
    d.row(["Step 3", "Uptravi (selexipag) tablets, Orenitram (treprostinil) extended-release "
           "tablets, Adempas (riociguat) for PAH", "Non-preferred; PA, Step 3 criteria"])
    d.row(["CTEPH", "Adempas (riociguat)", "PA, CTEPH criteria; no step required"])
    d.end_table()

    inds: list[Ind] = []
    step2 = g("all_of", "A Step 2 drug is approved when the member meets all of the "
              "following:",
              c("Pulmonary arterial hypertension (WHO Group 1) confirmed by right heart "
                "catheterization: mean pulmonary arterial pressure above 20 mm Hg, wedge "
                "pressure 15 mm Hg or lower and pulmonary vascular resistance above 2 Wood "
                "units"),
              c("Age 18 years or older"),
              c("Prescribed by or in consultation with a cardiologist or pulmonologist"),
              g("any_of", "One of the following:",
                c("The member took a Step 1 drug of the same type (for an endothelin "
                  "receptor antagonist, a Step 1 endothelin receptor antagonist; for a PDE5 "
                  "inhibitor, a Step 1 PDE5 inhibitor) for at least 8 weeks at a labeled dose "
                  "and the response was not adequate"),
                c("Every Step 1 drug of the same type is contraindicated or was not "
                  "tolerated"),
                c("The request is for Revatio suspension because the member cannot swallow "
                  "tablets")),
              c("The member is not taking a nitrate in any form"))
    band("STEP 2 CRITERIA: PULMONARY ARTERIAL HYPERTENSION")
    d.para(step2.text)
    items(step2)
    d.para("Approval: 12 months.", style="B", size=9.5)
    inds.append(Ind("Pulmonary arterial hypertension: Step 2 drugs",
                    "STEP 2 CRITERIA: PULMONARY ARTERIAL HYPERTENSION",
                    ["PAH", "WHO Group 1 pulmonary hypertension", "macitentan", "Opsumit"],
                    ["I27.0", "I27.21"], step2))

    step3 = g("all_of", "A Step 3 drug is approved when the member meets all of the "
              "following:",
              c("The member meets Step 2 criteria 1 through 3"),
              c("WHO functional class II, III or IV recorded within the last 90 days"),
              g("any_of", "One of the following:",
                c("The member has taken a PDE5 inhibitor or riociguat together with an "
                  "endothelin receptor antagonist for at least 3 months and is not at low "
                  "risk on a validated risk assessment"),
                c("The member cannot take dual oral therapy because both classes are "
                  "contraindicated or were not tolerated")),
              c("For selexipag or oral treprostinil, no other prostacyclin pathway drug "
                "(intravenous, subcutaneous or inhaled) is being used"))
    band("STEP 3 CRITERIA: PULMONARY ARTERIAL HYPERTENSION")
    d.para(step3.text)
    items(step3)
    d.para("Approval: 12 months.", style="B", size=9.5)
    inds.append(Ind("Pulmonary arterial hypertension: Step 3 drugs",
                    "STEP 3 CRITERIA: PULMONARY ARTERIAL HYPERTENSION",
                    ["PAH", "selexipag", "Uptravi", "oral treprostinil", "Orenitram"],
                    ["I27.0", "I27.21"], step3))

    cteph = g("all_of", "Riociguat is approved for CTEPH when the member meets all of the "
              "following:",
              c("Chronic thromboembolic pulmonary hypertension (WHO Group 4) shown by "
                "ventilation-perfusion scan and right heart catheterization after at least 3 "
                "months of anticoagulation"),
              g("any_of", "One of the following:",
                c("An expert CTEPH team has judged the disease inoperable"),
                c("Pulmonary hypertension persists or has come back after pulmonary "
                  "endarterectomy")),
              c("Age 18 years or older"),
              c("No PDE5 inhibitor or nitrate will be taken with riociguat"),
              c("Prescribed by or in consultation with a cardiologist or pulmonologist"))
    band("CTEPH CRITERIA: RIOCIGUAT (ADEMPAS)")
    d.para(cteph.text)
    items(cteph)
    d.para("Approval: 12 months.", style="B", size=9.5)
    inds.append(Ind("Chronic thromboembolic pulmonary hypertension",
                    "CTEPH CRITERIA: RIOCIGUAT", ["CTEPH", "WHO Group 4 pulmonary "
                                                  "hypertension"], ["I27.24"], cteph))

    renew = g("all_of", "Renewal (Step 2, Step 3 and CTEPH): approve for 12 months when all "
              "of the following are met:",
              c("The drug was approved under the criteria above, or the member was stable on "
                "it when joining the program"),
              c("The prescriber documents a stable or better six-minute walk distance or WHO "
                "functional class since the last approval"),
              c("No nitrate, and for riociguat no PDE5 inhibitor, is being taken"))
    band("RENEWAL CRITERIA")
    d.para(renew.text)
    items(renew)
    for ind in inds:
        ind.continuation = renew
        ind.cont_anchor = "RENEWAL CRITERIA"

    band("NOT APPROVED")
    excl = ["Pulmonary hypertension due to left heart disease (WHO Group 2) or lung disease "
            "(WHO Group 3), except inhaled treprostinil under its own criteria",
            "Riociguat together with a PDE5 inhibitor",
            "Two endothelin receptor antagonists, or two PDE5 inhibitors, at the same time",
            "Sildenafil or tadalafil prescribed for erectile dysfunction under this class"]
    for e in excl:
        text_item(d, "\u2022", e, 4)
    band("QUANTITY LIMITS")
    d.para("Opsumit 10 mg: 30 tablets per 30 days. Adcirca or Alyq 20 mg: 60 tablets per 30 "
           "days. Uptravi: titration pack once, then 60 tablets per 30 days of one strength. "
           "Adempas: 90 tablets per 30 days.", size=9.5)
    band("REFERENCES")
    d.items([Item(0, f"{k + 1}.", r) for k, r in enumerate([
        "Opsumit, Uptravi, Orenitram and Adempas prescribing information, current versions.",
        "Farrow N, Bakshi R. Risk-based escalation of therapy in pulmonary arterial "
        "hypertension. Pulm Circ Pract. 2023;13:240-258.",
        "Lindqvist P, et al. Medical therapy for inoperable chronic thromboembolic pulmonary "
        "hypertension. Vasc Lung Rev. 2022;4:15-27."])])
    return d, inds, excl
